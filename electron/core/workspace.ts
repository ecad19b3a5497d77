/**
 * What the app has open: the real ledger, or — on request — a separate demo ledger beside it,
 * filled with realistic cargoes. Every TransitApi call goes to whichever is open, so the two are
 * never mixed, and closing the demo returns to the real ledger untouched.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupStatus, LedgerInfo, Preferences, TransitApi } from './api';
import { TRANSIT_API } from './api-methods';
import { todayAtLoadPort } from './calendar';
import { dayBefore, demoShipments } from './demo';
import { tipPath } from './journal/tip';
import { stated } from './errors';
import { forward } from './methods';
import { LedgerService, type ServiceOptions } from './service';

export class Workspace {
  private demo: LedgerService | null = null;
  readonly api: TransitApi;

  private readonly demoPath: string;

  constructor(
    private readonly real: LedgerService,
    demoPath: string,
    private readonly options: ServiceOptions = {},
  ) {
    // The demo file is deleted and remade on every use: it must never be the real ledger itself.
    this.demoPath =
      path.resolve(demoPath) === path.resolve(real.path)
        ? `${real.path.replace(/\.jsonl$/i, '')}.demo.jsonl`
        : demoPath;
    // Every call goes to the ledger open at that moment; info and the demo switch are the workspace's own.
    const current = forward(TRANSIT_API, () => this.current);
    this.api = Object.freeze({
      ...current,
      info: () => this.info(),
      useDemoLedger: (on: boolean) => this.useDemoLedger(on),
      // Preferences belong to the data folder, not to a ledger: the demo never has its own.
      preferences: () => this.real.preferences(),
      savePreferences: (change: Partial<Preferences>) => this.real.savePreferences(change),
    });
  }

  private get current(): LedgerService {
    return this.demo ?? this.real;
  }

  get path(): string {
    return this.current.path;
  }

  /** A backup of the open ledger into `folder` now (the desktop's File menu); the demo refuses. */
  backupInto(folder: string): Promise<BackupStatus> {
    return this.current.backupInto(folder);
  }

  async info(): Promise<LedgerInfo> {
    return { ...(await this.current.info()), demo: this.demo !== null };
  }

  async useDemoLedger(on: unknown): Promise<LedgerInfo> {
    if (typeof on !== 'boolean')
      throw stated('invalid', 'demo.request', 'useDemoLedger takes true or false.');
    if (on && !this.demo) {
      // A fresh demo every time: yesterday's demo edits are nobody's data.
      // The tip beside it goes too: kept, it would report the fresh file as the old one cut short.
      fs.rmSync(this.demoPath, { force: true });
      fs.rmSync(tipPath(this.demoPath), { force: true });
      // A rebuilt demo is another ledger: a new id, so a window still showing the old one cannot write to it.
      const ledgerId = `demo-${crypto.randomBytes(6).toString('hex')}`;
      const demo = LedgerService.open(this.demoPath, {
        ...this.options,
        actor: 'demo',
        appName: 'Transit Ledger (demo)',
        ledgerId,
        // Nobody's data, made afresh at every load: never backed up.
        backups: 'off',
      });
      const now = this.options.now ?? (() => new Date());
      demo.recordMany(demoShipments(dayBefore(todayAtLoadPort(now()))));
      this.demo = demo;
    } else if (!on && this.demo) {
      this.demo.close();
      this.demo = null;
    }
    return this.info();
  }

  close(): void {
    this.demo?.close();
    this.demo = null;
    this.real.close();
  }
}

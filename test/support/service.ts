/**
 * A ledger service on a fresh file for every test, opened as the clerk at the fixed clock, and
 * what the service specifications check on it: that a refused call left the file as it was, to
 * the byte. One copy, so "nothing was written" means the same thing in every specification.
 */
import fs from 'node:fs';
import type { ShipmentInput } from '../../electron/core/api';
import { LedgerService, type ServiceOptions } from '../../electron/core/service';
import { fixedNow, tempDir } from './temp';

const AS_CLERK: ServiceOptions = { actor: 'clerk', now: fixedNow };

/** A cargo that validates: Astana, B/L date 2024-08-01, 9959.5 t; `overrides` sets what a test is about. */
export const cargo = (overrides: ShipmentInput = {}): ShipmentInput => ({
  blDate: '2024-08-01',
  vessel: 'Astana',
  netTonnes: '9959.5',
  ...overrides,
});

export class ClerkLedger {
  temp!: ReturnType<typeof tempDir>;
  file!: string;
  /** The open service; the one here when a test ends is the one closed, so a test may replace it. */
  service!: LedgerService;

  /** Opens a new ledger before each test of the calling file, and closes it and removes its folder after. */
  static perTest(): ClerkLedger {
    const ledger = new ClerkLedger();
    beforeEach(() => {
      ledger.temp = tempDir();
      ledger.file = ledger.temp.file('ledger.jsonl');
      ledger.service = LedgerService.open(ledger.file, AS_CLERK);
    });
    afterEach(() => {
      ledger.service.close();
      ledger.temp.cleanup();
    });
    return ledger;
  }

  /** Closes the service and opens the file again, as a program started afresh would. */
  reopen(options: ServiceOptions = AS_CLERK): LedgerService {
    this.service.close();
    this.service = LedgerService.open(this.file, options);
    return this.service;
  }

  /** The ledger file's bytes, or null while no write has created it. */
  bytes(): Buffer | null {
    return fs.existsSync(this.file) ? fs.readFileSync(this.file) : null;
  }

  /** Runs a call that must be refused, proves the ledger file did not change by a byte, and returns what it threw. */
  async refused<E = unknown>(call: () => Promise<unknown>): Promise<E> {
    const before = this.bytes();
    const error = await call().then(
      () => null,
      (e: unknown) => e,
    );
    expect(this.bytes()).toEqual(before);
    if (error === null) throw new Error('expected the call to be refused');
    return error as E;
  }
}

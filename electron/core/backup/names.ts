/**
 * What a backup is called in its folder, and what a name says back: its ledger (the file's name
 * without `.jsonl`), its kind and its day, month or moment. Pure: the retention rule and the
 * listing read names, never clocks.
 */
export type BackupKind = 'daily' | 'monthly' | 'manual';

/** The ledger's part of every backup name: `ledger.jsonl` → `ledger`. */
export function backupStem(ledgerPath: string): string {
  const base = ledgerPath.split(/[\\/]/).pop() ?? 'ledger';
  return base.replace(/\.jsonl$/i, '') || 'ledger';
}

/**
 * `<stem>-daily-2024-05-03`, `<stem>-monthly-2024-05`, `<stem>-manual-20240503T101500Z`; the
 * `serial`th manual backup of the same second is `<stem>-manual-20240503T101500Z-<serial>`.
 */
export function backupName(stem: string, kind: BackupKind, at: Date, day: string, serial = 1): string {
  if (kind === 'daily') return `${stem}-daily-${day}`;
  if (kind === 'monthly') return `${stem}-monthly-${day.slice(0, 7)}`;
  const moment = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return withSerial(`${stem}-manual-${moment}`, serial);
}

/** The `serial`th backup of one name: the name itself first, then `<name>-2`, `<name>-3`… */
export function withSerial(name: string, serial: number): string {
  return serial > 1 ? `${name}-${serial}` : name;
}

export interface NamedBackup {
  name: string;
  kind: BackupKind;
  /** The day it stands for (a monthly one: the first of its month; a manual one: its UTC day). */
  day: string;
  /** Which manual backup of its second it is: 2 for `…Z-2`; left out for the first. */
  serial?: number;
}

const SHAPES: readonly [BackupKind, RegExp][] = [
  ['daily', /^-daily-(\d{4}-\d{2}-\d{2})$/],
  ['monthly', /^-monthly-(\d{4}-\d{2})$/],
  ['manual', /^-manual-(\d{4})(\d{2})(\d{2})T\d{6}Z(?:-([1-9]\d{0,5}))?$/],
];

/** The backup a folder entry is, for this ledger's stem; null for anything else (another ledger's, a temp). */
export function parseBackupName(stem: string, name: string): NamedBackup | null {
  if (!name.startsWith(stem)) return null;
  const rest = name.slice(stem.length);
  for (const [kind, shape] of SHAPES) {
    const match = shape.exec(rest);
    if (!match) continue;
    if (kind === 'daily') return { name, kind, day: match[1] as string };
    if (kind === 'monthly') return { name, kind, day: `${match[1]}-01` };
    return { name, kind, day: `${match[1]}-${match[2]}-${match[3]}`, serial: Number(match[4] ?? 1) };
  }
  return null;
}

/** A backup being written: hidden, and never mistaken for a finished one. */
export function partialName(name: string, token: string): string {
  return `.${name}.partial-${token}`;
}

export const isPartialName = (name: string): boolean => name.startsWith('.') && name.includes('.partial-');

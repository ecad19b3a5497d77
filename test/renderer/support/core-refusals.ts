/**
 * The core's refusals about the ledger, its lock, a repair, a station and sync, as a page receives
 * them: made for real where a spec can (a read-only ledger, a folder given as the file, a file in the
 * way of a folder, a disk that fails mid-save, a journal deleted beside its tip), by the core's own
 * lock messages where only another running program could cause them, and by `stated` with the facts
 * the core's code passes where only a failing repair or a damaged station folder could. The core's
 * modules use Node, which the page's types leave out: they are loaded untyped and typed here.
 */
import type { FieldIssue } from '../../../electron/core/api';
import { stated } from '../../../electron/core/errors';

export interface Refusal {
  code: string;
  message: string;
  issues: FieldIssue[];
}

interface Fs {
  mkdtempSync(prefix: string): string;
  mkdirSync(path: string): void;
  writeFileSync(path: string, text: string): void;
  appendFileSync(path: string, text: string): void;
  linkSync(existing: string, name: string): void;
  rmSync(path: string, options?: { recursive: boolean; force: boolean }): void;
}

interface Ledger {
  append(payloads: readonly object[]): unknown;
  close(): void;
}
interface LedgerOptions {
  apply(): void;
  readOnly?: boolean;
  io?: object;
}
interface Service {
  recordShipment(input: object): Promise<{ shipment: { id: string } }>;
  amendShipment(id: string, changes: object, options: object): Promise<unknown>;
  voidShipment(id: string, reason: string): Promise<unknown>;
  becomeStation(id: string): string;
  syncSetup(request: unknown): Promise<unknown>;
  syncNow(): Promise<unknown>;
  useDemoLedger(on: boolean): Promise<unknown>;
  nominate(input: object): Promise<{ nominations: { id: string }[] }>;
  cancelNomination(request: object): Promise<unknown>;
  close(): void;
}
interface LockRecord {
  pid: number;
  host: string;
  user: string;
  app: string;
  since: string;
}
interface Seen {
  record: LockRecord | null;
}
interface LockWords {
  lockedError(ledgerPath: string, seen: Seen, verdict: object): unknown;
  contendedError(ledgerPath: string): unknown;
  lostLockError(ledgerPath: string): unknown;
  ioError(error: unknown, lockPath: string): unknown;
}

const fs = jest.requireActual<Fs>('node:fs');
const { tmpdir } = jest.requireActual<{ tmpdir(): string }>('node:os');
const { Ledger } = jest.requireActual<{ Ledger: { open(path: string, options: LedgerOptions): Ledger } }>(
  '../../../electron/core/ledger',
);
const { LedgerService } = jest.requireActual<{
  LedgerService: { open(path: string, options: object): Service };
}>('../../../electron/core/service');
const lock = jest.requireActual<LockWords>('../../../electron/core/lock/messages');

/** Anna's desktop app on the Aktau office's computer, holding the lock since 09:00 UTC on 15 August 2024. */
export const HOLDER: LockRecord = {
  pid: 4242,
  host: 'aktau-pc',
  user: 'anna',
  app: 'Transit Ledger (desktop)',
  since: '2024-08-15T09:00:00.000Z',
};

const TARGETS = { type: 'targets', year: 2024, annualKg: 2_200_000_000 };
const CARGO = { blDate: '2024-08-01', vessel: 'Liwa', netTonnes: '8800' };
const noApply = () => undefined;

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: the OS's own words, naming a temp file`), { code });
}

/** A TransitError as the transports carry it; anything else fails the spec. */
function carried(error: unknown): Refusal {
  const { code, message, issues } = error as Partial<Refusal>;
  if (typeof code === 'string' && typeof message === 'string' && Array.isArray(issues))
    return { code, message, issues };
  throw error;
}

/** The refusal `act` ends in. */
async function refused(act: () => unknown): Promise<Refusal> {
  try {
    await act();
  } catch (error) {
    return carried(error);
  }
  throw new Error('the core did not refuse');
}

/** A ledger whose disk can be made to fail: writes, and the cut back after a failed write. */
function failingDisk(file: string) {
  const disk = { writes: true, cuts: true };
  const real = jest.requireActual<{
    writeSync(fd: number, buffer: Uint8Array): number;
    ftruncateSync(fd: number, length: number): void;
  }>('node:fs');
  const io = {
    writeSync: (fd: number, buffer: Uint8Array) => {
      if (!disk.writes) throw errno('ENOSPC');
      return real.writeSync(fd, buffer);
    },
    ftruncateSync: (fd: number, length: number) => {
      if (!disk.cuts) throw errno('EIO');
      real.ftruncateSync(fd, length);
    },
  };
  return { disk, ledger: Ledger.open(file, { apply: noApply, io }) };
}

async function ledgerRefusals(dir: string): Promise<Refusal[]> {
  const file = `${dir}/ledger.jsonl`;
  const out: Refusal[] = [];
  out.push(
    await refused(() =>
      Ledger.open(`${dir}/new.jsonl`, { apply: noApply, readOnly: true }).append([TARGETS]),
    ),
  );
  out.push(await refused(() => Ledger.open(dir, { apply: noApply })));
  const astray = Ledger.open(`${dir}/plain/sub/ledger.jsonl`, { apply: noApply });
  fs.writeFileSync(`${dir}/plain`, '');
  out.push(await refused(() => astray.append([TARGETS])));
  const { disk, ledger } = failingDisk(file);
  ledger.append([TARGETS]);
  disk.writes = false;
  out.push(await refused(() => ledger.append([TARGETS])));
  disk.cuts = false;
  out.push(await refused(() => ledger.append([TARGETS])));
  out.push(await refused(() => ledger.append([TARGETS])));
  ledger.close();
  const late = Ledger.open(`${dir}/late.jsonl`, { apply: noApply });
  fs.writeFileSync(`${dir}/late.jsonl`, '{}\n');
  out.push(await refused(() => late.append([TARGETS])));
  late.close();
  const shared = Ledger.open(`${dir}/shared.jsonl`, { apply: noApply });
  shared.append([TARGETS]);
  fs.appendFileSync(`${dir}/shared.jsonl`, '{}\n');
  out.push(await refused(() => shared.append([TARGETS])));
  shared.close();
  fs.linkSync(`${dir}/shared.jsonl`, `${dir}/twin.jsonl`);
  out.push(await refused(() => Ledger.open(`${dir}/shared.jsonl`, { apply: noApply })));
  fs.rmSync(file);
  out.push(await refused(() => Ledger.open(file, { apply: noApply })));
  return out;
}

async function serviceRefusals(dir: string): Promise<Refusal[]> {
  const credentials = { read: () => ({ user: 'akt', password: 'pw' }), source: () => 'environment' };
  const service = LedgerService.open(`${dir}/station.jsonl`, { actor: 'clerk', credentials });
  const { id } = (await service.recordShipment(CARGO)).shipment;
  await service.voidShipment(id, 'entered twice');
  const out: Refusal[] = [];
  out.push(await refused(() => service.voidShipment(id, 'again')));
  out.push(await refused(() => service.amendShipment(id, { vessel: 'Aktau' }, { reason: 'typo' })));
  out.push(await refused(() => service.amendShipment('k3m9x2pq7d', { vessel: 'Aktau' }, { reason: 'typo' })));
  const month = new Date().toISOString().slice(0, 7);
  const slot = { month, vessel: 'Liwa', laycanFrom: `${month}-02`, laycanTo: `${month}-04`, tonnes: '9000' };
  const [nomination] = (await service.nominate(slot)).nominations;
  await service.cancelNomination({ id: nomination?.id, reason: 'slot moved' });
  out.push(await refused(() => service.cancelNomination({ id: nomination?.id, reason: 'again' })));
  out.push(await refused(() => service.cancelNomination({ id: 'k3m9x2pq7d', reason: 'typo' })));
  out.push(await refused(() => service.syncSetup(null)));
  for (const url of ['nonsense', 'ftp://x/y', 'http://akt:pw@127.0.0.1:5984/x', 'http://couch.example.org/x'])
    out.push(await refused(() => service.syncSetup({ url, station: 'AKT' })));
  out.push(await refused(() => service.useDemoLedger(true)));
  out.push(await refused(() => service.syncNow()));
  // A file where the folder for the other stations' journals goes.
  fs.writeFileSync(`${dir}/station.jsonl.stations`, '');
  out.push(await refused(() => service.becomeStation('AKT')));
  fs.rmSync(`${dir}/station.jsonl.stations`);
  service.becomeStation('AKT');
  out.push(await refused(() => service.becomeStation('SNG')));
  service.close();
  const none = { read: () => null, source: () => null };
  const reader = LedgerService.open(`${dir}/reader.jsonl`, { readOnly: true, credentials: none });
  out.push(await refused(() => reader.becomeStation('SNG')));
  out.push(await refused(() => reader.syncNow()));
  reader.close();
  const elsewhere = LedgerService.open(`${dir}/browser.jsonl`, { credentials: none });
  out.push(await refused(() => elsewhere.syncNow()));
  elsewhere.close();
  return out;
}

function lockRefusals(file: string): Refusal[] {
  const seen = { record: HOLDER };
  return [
    lock.lockedError(file, seen, { kind: 'held' }),
    lock.lockedError(file, seen, { kind: 'elsewhere' }),
    lock.lockedError(file, seen, { kind: 'unrelated', program: 'bash' }),
    lock.lockedError(file, { record: null }, { kind: 'writing' }),
    lock.contendedError(file),
    lock.lostLockError(file),
    ...['EACCES', 'ENOSPC', 'ENOENT', 'EIO'].map((code) => lock.ioError(errno(code), `${file}.lock`)),
  ].map(carried);
}

/** What only a repair that fails, a reader the OS refuses, or a broken station folder gives. */
function statedRefusals(file: string): Refusal[] {
  const facts = { path: file, trouble: 'not_writable', reason: 'EACCES' };
  return [
    stated('io', 'repair.changed', 'changed while repaired'),
    stated('damaged', 'repair.failed', 'not repaired', facts),
    stated('io', 'ledger.open_failed', 'not opened', facts),
    stated('io', 'ledger.open_failed', 'not opened', { ...facts, trouble: 'other', reason: 'EIO' }),
    stated('invalid', 'sync.not_station', 'not a station'),
    stated('invalid', 'demo.request', 'takes true or false'),
  ].map(carried);
}

/** Every refusal above, on fresh files in a folder of its own that is removed afterwards. */
export async function coreRefusals(): Promise<Refusal[]> {
  const dir = fs.mkdtempSync(`${tmpdir()}/transit-refusals-`);
  try {
    const file = `${dir}/ledger.jsonl`;
    return [
      ...(await ledgerRefusals(dir)),
      ...(await serviceRefusals(dir)),
      ...lockRefusals(file),
      ...statedRefusals(file),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

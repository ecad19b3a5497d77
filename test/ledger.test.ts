import fs from 'node:fs';
import os from 'node:os';
import type { ShipmentFields } from '../electron/core/api';
import type { EventPayload } from '../electron/core/events';
import { Ledger } from '../electron/core/ledger';
import { LedgerState } from '../electron/core/state';
import { fixedNow, tempDir } from './support/temp';

const fields = (n: number): ShipmentFields => ({
  blDate: '2024-07-01',
  vessel: `Vessel ${n}`,
  netKg: 9_000_000 + n,
  blNumber: `KZ-${n}`,
  imo: null,
  voyage: null,
  grade: 'Tengiz',
  loadPort: 'Aktau',
  dischargeTerminal: 'Sangachal',
  shipper: 'KMG',
  receiver: 'SOCAR',
  status: 'loaded',
  outturnKg: null,
  barrels: null,
  remarks: null,
});
const record = (n: number): EventPayload => ({ type: 'record', id: `ship${String(n).padStart(4, '0')}`, shipment: fields(n) });

let temp: ReturnType<typeof tempDir>;
let file: string;
const open: Ledger[] = [];

function openLedger(options: { readOnly?: boolean } = {}) {
  const state = new LedgerState();
  const ledger = Ledger.open(file, { apply: state.apply, actor: 'tester', now: fixedNow, ...options });
  open.push(ledger);
  return { ledger, state };
}

function writeShipments(count: number): void {
  const { ledger } = openLedger();
  for (let n = 1; n <= count; n++) ledger.append([record(n)]);
  ledger.close();
}

function lines(): string[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

beforeEach(() => {
  temp = tempDir();
  file = temp.file('data/ledger.jsonl');
});

afterEach(() => {
  for (const ledger of open.splice(0)) ledger.close();
  temp.cleanup();
});

describe('a new ledger', () => {
  test('is created with its folder and a header line by its first write, and locked while open', () => {
    const { ledger } = openLedger();
    expect(fs.existsSync(file)).toBe(false);
    ledger.append([record(1)]);
    expect(lines()).toHaveLength(2);
    expect(JSON.parse(lines()[0] as string)).toMatchObject({ seq: 1, type: 'header', format: 'transit-ledger', version: 1, prev: '0000000000000000' });
    expect(fs.existsSync(`${file}.lock`)).toBe(true);
    ledger.close();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  test('opened read-only where no file exists is empty and creates nothing', () => {
    const { ledger, state } = openLedger({ readOnly: true });
    expect(state.shipments.size).toBe(0);
    expect(ledger.recovery).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('appending', () => {
  test('writes one line per event, each chained to the one before, and replays identically', () => {
    writeShipments(3);
    const written = lines().map((line) => JSON.parse(line) as { seq: number; prev: string; sum: string });
    expect(written.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < written.length; i++) expect(written[i]?.prev).toBe(written[i - 1]?.sum);
    const { ledger, state } = openLedger();
    expect(ledger.recovery).toBeNull();
    expect([...state.shipments.values()].map((s) => s.netKg)).toEqual([9_000_001, 9_000_002, 9_000_003]);
  });

  test('applies an event to the state only once it is written', () => {
    const { ledger, state } = openLedger();
    const [event] = ledger.append([record(1)]);
    expect(event).toMatchObject({ seq: 2, actor: 'tester', at: '2024-08-15T12:00:00.000Z' });
    expect(state.shipments.get('ship0001')?.recordedBy).toBe('tester');
  });

  test('writes a batch as lines that all carry the batch id and size', () => {
    const { ledger } = openLedger();
    ledger.append([record(1), record(2), record(3)]);
    const batches = lines().slice(1).map((line) => (JSON.parse(line) as { batch: { id: string; size: number } }).batch);
    expect(batches.map((b) => b.size)).toEqual([3, 3, 3]);
    expect(new Set(batches.map((b) => b.id)).size).toBe(1);
  });

  test('is refused on a read-only ledger', () => {
    writeShipments(1);
    const { ledger } = openLedger({ readOnly: true });
    expect(() => ledger.append([record(2)])).toThrow(expect.objectContaining({ code: 'read_only' }));
  });
});

describe('a torn last line (a crash while saving)', () => {
  beforeEach(() => {
    writeShipments(3);
    const { ledger } = openLedger();
    ledger.append([record(4)]);
    ledger.close();
    // Cut the last line in half, as a power cut mid-write would.
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 60));
  });

  test('is cut on open, with every earlier entry kept and the original kept aside byte for byte', () => {
    const damaged = fs.readFileSync(file);
    const { ledger, state } = openLedger();
    expect(state.shipments.size).toBe(3);
    expect(ledger.recovery?.lost).toEqual([
      expect.objectContaining({ line: 5, reason: expect.stringContaining('cut short') }),
    ]);
    expect(ledger.recovery?.message).toMatch(/never confirmed/);
    const backup = ledger.recovery?.backupPath as string;
    expect(fs.readFileSync(backup).equals(damaged)).toBe(true);
    ledger.close();
    const again = openLedger();
    expect(again.ledger.recovery).toBeNull();
    expect(again.state.shipments.size).toBe(3);
  });

  test('is reported but left untouched by a read-only open', () => {
    const damaged = fs.readFileSync(file);
    const { ledger, state } = openLedger({ readOnly: true });
    expect(state.shipments.size).toBe(3);
    expect(ledger.recovery).toMatchObject({ backupPath: null, lost: [expect.objectContaining({ line: 5 })] });
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
    expect(fs.readdirSync(temp.file('data')).filter((name) => name.includes('damaged'))).toEqual([]);
  });

  test('lets writing continue after the repair, chained to the repaired file', () => {
    const { ledger } = openLedger();
    ledger.append([record(5)]);
    ledger.close();
    const { ledger: reopened, state } = openLedger();
    expect(reopened.recovery).toBeNull();
    expect(state.shipments.has('ship0005')).toBe(true);
  });
});

describe('damage in the middle of the file', () => {
  test('loses only the damaged entry, names it, and keeps everything after it', () => {
    writeShipments(5);
    const text = fs.readFileSync(file, 'utf8').split('\n');
    // Line 3 holds shipment 2: a single changed digit in its tonnes breaks its checksum.
    text[2] = (text[2] as string).replace('"netKg":9000002', '"netKg":9000092');
    fs.writeFileSync(file, text.join('\n'));
    const { ledger, state } = openLedger();
    expect([...state.shipments.keys()]).toEqual(['ship0001', 'ship0003', 'ship0004', 'ship0005']);
    expect(ledger.recovery?.lost).toEqual([
      {
        line: 3,
        reason: 'this line is damaged: its checksum does not match its content',
        excerpt: 'record of Vessel 2, B/L KZ-2 dated 2024-07-01, 9000.092 t',
      },
    ]);
    expect(ledger.recovery?.message).toMatch(/Re-enter what is listed here from the bills of lading/);
    // The figure shown is the damaged one, so the person is told not to trust it.
    expect(ledger.recovery?.message).toMatch(/may themselves be wrong/);
  });

  test('a line that no longer parses is still described by the fields that survive in its text', () => {
    writeShipments(3);
    const text = fs.readFileSync(file, 'utf8').split('\n');
    // Line 3 holds shipment 2; its first quote becomes an x, so it is not JSON any more.
    text[2] = `{x${(text[2] as string).slice(2)}`;
    fs.writeFileSync(file, text.join('\n'));
    const { ledger } = openLedger();
    expect(ledger.recovery?.lost).toEqual([
      {
        line: 3,
        reason: 'this line is damaged: its checksum does not match its content',
        excerpt: 'record of Vessel 2, B/L KZ-2 dated 2024-07-01, 9000.002 t (as far as the damaged line can be read)',
      },
    ]);
  });

  test('a damaged line without shipment fields is named by its entry number', () => {
    writeShipments(2);
    const text = fs.readFileSync(file, 'utf8').split('\n');
    text[2] = `{x"seq":3,"type":"amend"`;
    fs.writeFileSync(file, text.join('\n'));
    const { ledger } = openLedger();
    expect(ledger.recovery?.lost[0]?.excerpt).toBe('amend entry #3 (its details cannot be read)');
  });

  test('also loses the amendments of a shipment whose record was lost, saying why', () => {
    const { ledger } = openLedger();
    ledger.append([record(1)]);
    ledger.append([{ type: 'amend', id: 'ship0001', set: { status: 'discharged' }, reason: null }]);
    ledger.close();
    const text = fs.readFileSync(file, 'utf8').split('\n');
    text[1] = (text[1] as string).replace('Vessel 1', 'Vessel X');
    fs.writeFileSync(file, text.join('\n'));
    const reopened = openLedger();
    expect(reopened.ledger.recovery?.lost.map((l) => [l.line, l.reason])).toEqual([
      [2, 'this line is damaged: its checksum does not match its content'],
      [3, 'it amends shipment ship0001, whose record was lost'],
    ]);
  });

  test('a line removed cleanly is named as lost, not repaired away in silence', () => {
    writeShipments(3);
    const text = fs.readFileSync(file, 'utf8').split('\n');
    text.splice(2, 1);
    fs.writeFileSync(file, text.join('\n'));
    const { ledger, state } = openLedger();
    expect(state.shipments.size).toBe(2);
    expect(ledger.recovery?.lost).toEqual([
      { line: 3, reason: 'entries just before this line are missing from the file: the checksum chain is broken here', excerpt: 'entry #3' },
    ]);
    expect(ledger.recovery?.message).toMatch(/1 entry could not be kept/);
    expect(ledger.recovery?.backupPath).toBeTruthy();
  });

  test('a second live record of the same B/L number is not counted twice', () => {
    const { ledger } = openLedger();
    ledger.append([record(1)]);
    ledger.append([{ type: 'record', id: 'copy0001', shipment: fields(1) }]);
    ledger.close();
    const reopened = openLedger();
    expect([...reopened.state.shipments.keys()]).toEqual(['ship0001']);
    expect(reopened.ledger.recovery?.lost[0]?.reason).toBe('B/L number KZ-1 is already recorded for shipment ship0001');
  });
});

describe('an import cut short', () => {
  test('counts none of its rows, and what came before stays', () => {
    writeShipments(2);
    const { ledger } = openLedger();
    ledger.append([record(10), record(11), record(12)]);
    ledger.close();
    const text = fs.readFileSync(file, 'utf8').split('\n');
    // Keep two of the batch's three lines, whole: the crash came between them.
    fs.writeFileSync(file, `${text.slice(0, 5).join('\n')}\n`);
    const reopened = openLedger();
    expect([...reopened.state.shipments.keys()]).toEqual(['ship0001', 'ship0002']);
    expect(reopened.ledger.recovery?.lost.map((l) => l.line)).toEqual([4, 5]);
    expect(reopened.ledger.recovery?.lost[0]?.reason).toMatch(/cut short before it was confirmed, so none of it counts/);
  });
});

describe('files touched by other programs', () => {
  test('CRLF line ends and a BOM from an editor are repaired without losing anything', () => {
    writeShipments(2);
    fs.writeFileSync(file, `\uFEFF${fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`);
    const { ledger, state } = openLedger();
    expect(state.shipments.size).toBe(2);
    expect(ledger.recovery?.lost).toEqual([]);
    ledger.close();
    expect(openLedger().ledger.recovery).toBeNull();
  });

  test('an empty file left by a crash during creation becomes a fresh ledger', () => {
    fs.mkdirSync(temp.file('data'));
    fs.writeFileSync(file, '');
    const { ledger } = openLedger();
    expect(ledger.recovery).toBeNull();
    ledger.append([record(1)]);
    expect(lines()).toHaveLength(2);
  });
});

describe('a write the disk refuses', () => {
  test('that cannot even be undone stops all further writes until the ledger is reopened', () => {
    const failing = { write: false, truncate: false };
    const io = {
      writeSync: (fd: number, buffer: Buffer) => {
        if (!failing.write) return fs.writeSync(fd, buffer);
        fs.writeSync(fd, buffer.subarray(0, 40));
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
      fsyncSync: (fd: number) => fs.fsyncSync(fd),
      ftruncateSync: (fd: number, length: number) => {
        if (failing.truncate) throw Object.assign(new Error('io'), { code: 'EIO' });
        fs.ftruncateSync(fd, length);
      },
    };
    const state = new LedgerState();
    const ledger = Ledger.open(file, { apply: state.apply, now: fixedNow, io });
    open.push(ledger);
    ledger.append([record(1)]);
    failing.write = true;
    failing.truncate = true;
    expect(() => ledger.append([record(2)])).toThrow(expect.objectContaining({ code: 'io', message: expect.stringMatching(/may or may not have been recorded/) }));
    failing.write = false;
    failing.truncate = false;
    expect(() => ledger.append([record(3)])).toThrow(expect.objectContaining({ code: 'io', message: expect.stringMatching(/Close and reopen/) }));
    expect(state.shipments.has('ship0003')).toBe(false);
  });
});

describe('the lock', () => {
  test('refuses a second writer, naming the holder', () => {
    writeShipments(1);
    openLedger();
    expect(() => openLedger()).toThrow(expect.objectContaining({ code: 'locked', message: expect.stringContaining(`process ${process.pid}`) }));
  });

  test('still lets a reader in', () => {
    writeShipments(1);
    openLedger();
    expect(openLedger({ readOnly: true }).state.shipments.size).toBe(1);
  });

  test('left behind by a process that no longer runs is taken over', () => {
    fs.mkdirSync(temp.file('data'));
    // PIDs are below 2^22 on Linux; this one cannot be running.
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 7, host: os.hostname(), user: 'x', app: 'x', since: 'x' }));
    expect(() => openLedger()).not.toThrow();
  });
});

describe('two programs that both found no ledger', () => {
  test('the second to write refuses rather than overwrite what the first recorded', () => {
    const first = openLedger();
    const second = openLedger();
    first.ledger.append([record(1)]);
    first.ledger.close();
    const written = fs.readFileSync(file);
    expect(() => second.ledger.append([record(2)])).toThrow(expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/Nothing was recorded/) }));
    expect(fs.readFileSync(file).equals(written)).toBe(true);
    second.ledger.close();
    expect(openLedger().state.shipments.has('ship0001')).toBe(true);
  });
});

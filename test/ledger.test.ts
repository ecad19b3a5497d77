import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { EventPayload } from '../electron/core/events';
import { serialise } from '../electron/core/journal/format';
import { formatTip, readTip, tipPath } from '../electron/core/journal/tip';
import { Ledger } from '../electron/core/ledger';
import { LedgerState } from '../electron/core/state';
import { journalFields, journalRecord } from './support/journal-records';
import { fixedNow, tempDir } from './support/temp';

const fields = journalFields;
const record = journalRecord;

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
    expect(JSON.parse(lines()[0] as string)).toMatchObject({
      seq: 1,
      type: 'header',
      format: 'transit-ledger',
      version: 2,
      prev: '0000000000000000',
    });
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

  test('writes a batch as one line per entry between a begin and a commit that carry its id', () => {
    const { ledger } = openLedger();
    const events = ledger.append([record(1), record(2), record(3)]);
    expect(events.map((event) => event.type)).toEqual(['record', 'record', 'record']);
    const written = lines()
      .slice(1)
      .map((line) => JSON.parse(line) as { type: string; batch: string; size?: number });
    expect(written.map((line) => line.type)).toEqual(['begin', 'record', 'record', 'record', 'commit']);
    expect(written[0]?.size).toBe(3);
    expect(new Set(written.map((line) => line.batch)).size).toBe(1);
  });

  test('keeps the tip beside the journal: the last entry number, its checksum, the file size and its CRC', () => {
    writeShipments(2);
    const last = JSON.parse(lines().at(-1) as string) as { seq: number; sum: string };
    expect(readTip(file)).toEqual({
      state: 'ok',
      tip: {
        seq: last.seq,
        sum: last.sum,
        size: fs.statSync(file).size,
        crc: zlib.crc32(fs.readFileSync(file)),
      },
    });
  });

  test('is refused on a read-only ledger', () => {
    writeShipments(1);
    const { ledger } = openLedger({ readOnly: true });
    expect(() => ledger.append([record(2)])).toThrow(expect.objectContaining({ code: 'read_only' }));
  });
});

/** Appends, then leaves the file and its tip as a power cut in the middle of that write would. */
function tearLastWrite(payloads: EventPayload[], keepBytes: (written: Buffer) => number): void {
  const tipBefore = fs.readFileSync(tipPath(file));
  const sizeBefore = fs.statSync(file).size;
  const { ledger } = openLedger();
  ledger.append(payloads);
  ledger.close();
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(file, bytes.subarray(0, sizeBefore + keepBytes(bytes.subarray(sizeBefore))));
  // The tip is rewritten only once a write is on disk, so it still names the entry before.
  fs.writeFileSync(tipPath(file), tipBefore);
}

describe('a torn last line (a crash while saving)', () => {
  beforeEach(() => {
    writeShipments(3);
    // Cut the last line in half, as a power cut mid-write would.
    tearLastWrite([record(4)], (written) => written.length - 60);
  });

  test('is cut on open, with every earlier entry kept and the original kept aside byte for byte', () => {
    const damaged = fs.readFileSync(file);
    const { ledger, state } = openLedger();
    expect(state.shipments.size).toBe(3);
    expect(ledger.recovery?.lost).toEqual([
      expect.objectContaining({
        code: 'torn',
        line: 5,
        confirmed: false,
        reason: expect.stringContaining('cut short'),
      }),
    ]);
    expect(ledger.recovery?.complete).toBe(true);
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
        code: 'damaged',
        line: 3,
        seq: 3,
        count: 1,
        confirmed: true,
        cause: null,
        // What a screen says it held, in any language: the fields the damaged line still shows.
        cargo: { blNumber: 'KZ-2', blDate: '2024-07-01', vessel: 'Vessel 2', netKg: 9_000_092 },
        text: null,
        reason: 'this line is damaged: its checksum does not match its content',
        excerpt:
          'record of Vessel 2, B/L KZ-2 dated 2024-07-01, 9000.092 t (as far as the damaged line can be read)',
      },
    ]);
    expect(ledger.recovery?.confirmedLost).toBe(1);
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
      expect.objectContaining({
        code: 'damaged',
        line: 3,
        confirmed: true,
        excerpt:
          'record of Vessel 2, B/L KZ-2 dated 2024-07-01, 9000.002 t (as far as the damaged line can be read)',
      }),
    ]);
  });

  test('a damaged line without shipment fields is named by its entry number', () => {
    writeShipments(2);
    const text = fs.readFileSync(file, 'utf8').split('\n');
    text[2] = `{x"seq":3,"type":"amend"`;
    fs.writeFileSync(file, text.join('\n'));
    const { ledger } = openLedger();
    expect(ledger.recovery?.lost[0]?.excerpt).toBe('amend entry #3 (its details cannot be read)');
    expect(ledger.recovery?.lost[0]).toMatchObject({ cargo: null, text: null });
  });

  test('a line with nothing of an entry left in it keeps its own text, for a screen to show as it is', () => {
    writeShipments(2);
    const text = fs.readFileSync(file, 'utf8').split('\n');
    text[2] = 'garbage\u0007 from an editor';
    fs.writeFileSync(file, text.join('\n'));
    const { ledger } = openLedger();
    expect(ledger.recovery?.lost[0]).toMatchObject({
      code: 'unreadable',
      line: 3,
      cargo: null,
      text: 'garbage? from an editor',
    });
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
    // The reason as a code and its facts, for a screen in any language; the cargo as far as an entry names it.
    expect(reopened.ledger.recovery?.lost.map((l) => [l.code, l.cause, l.cargo])).toEqual([
      ['damaged', null, { blNumber: 'KZ-1', blDate: '2024-07-01', vessel: 'Vessel X', netKg: 9_000_001 }],
      ['orphan', { code: 'amends-lost', facts: { id: 'ship0001' } }, null],
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
      {
        code: 'removed',
        line: null,
        seq: 3,
        count: 1,
        confirmed: true,
        cause: null,
        cargo: null,
        text: null,
        reason: expect.stringContaining('missing from the file'),
        excerpt: 'entry #3',
      },
    ]);
    expect(ledger.recovery?.message).toMatch(/1 confirmed entry is lost/);
    expect(ledger.recovery?.backupPath).toBeTruthy();
  });

  test('a second live record of the same B/L number is not counted twice', () => {
    const { ledger } = openLedger();
    ledger.append([record(1)]);
    ledger.append([{ type: 'record', id: 'copy0001', shipment: fields(1) }]);
    ledger.close();
    const reopened = openLedger();
    expect([...reopened.state.shipments.keys()]).toEqual(['ship0001']);
    expect(reopened.ledger.recovery?.lost[0]?.reason).toBe(
      'B/L number KZ-1 is already recorded for shipment ship0001',
    );
    expect(reopened.ledger.recovery?.lost[0]).toMatchObject({
      code: 'orphan',
      cause: { code: 'bl-number-taken', facts: { blNumber: 'KZ-1', id: 'ship0001' } },
      cargo: { blNumber: 'KZ-1', blDate: '2024-07-01', vessel: 'Vessel 1', netKg: 9_000_001 },
    });
  });
});

describe('an import cut short', () => {
  test('counts none of its rows, and what came before stays', () => {
    writeShipments(2);
    // Keep the begin line and two of the batch's three entries, whole: the crash came between them.
    tearLastWrite([record(10), record(11), record(12)], (written) => nthLineEnd(written, 3));
    const reopened = openLedger();
    expect([...reopened.state.shipments.keys()]).toEqual(['ship0001', 'ship0002']);
    expect(reopened.ledger.recovery?.lost).toEqual([
      expect.objectContaining({
        code: 'batch-incomplete',
        line: 4,
        count: 2,
        confirmed: false,
        reason: expect.stringMatching(/cut short before it was confirmed, so none of it counts/),
      }),
    ]);
    expect(reopened.ledger.recovery?.complete).toBe(true);
    reopened.ledger.close();
    const again = openLedger();
    expect(again.ledger.recovery).toBeNull();
    expect(again.state.shipments.size).toBe(2);
  });
});

function nthLineEnd(bytes: Buffer, n: number): number {
  let end = -1;
  for (let i = 0; i < n; i++) end = bytes.indexOf(0x0a, end + 1);
  return end + 1;
}

describe('files touched by other programs', () => {
  test('CRLF line ends and a BOM from an editor are repaired without losing anything', () => {
    writeShipments(2);
    fs.writeFileSync(file, `\uFEFF${fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`);
    const { ledger, state } = openLedger();
    expect(state.shipments.size).toBe(2);
    expect(ledger.recovery?.lost).toEqual([]);
    expect(ledger.recovery?.notes.map((note) => note.code)).toEqual(['line-ends']);
    expect(ledger.recovery?.message).toMatch(/Nothing is missing/);
    expect(ledger.recovery?.message).not.toMatch(/lost|could not be kept/);
    ledger.close();
    expect(openLedger().ledger.recovery).toBeNull();
  });

  test('an empty file left by a crash during creation becomes a fresh ledger', () => {
    fs.mkdirSync(temp.file('data'));
    // Creation writes the tip first ("no entry yet"), then the journal: the crash came between.
    fs.writeFileSync(tipPath(file), formatTip({ seq: 0, size: 0, sum: '0'.repeat(16) }));
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
    expect(() => ledger.append([record(2)])).toThrow(
      expect.objectContaining({
        code: 'io',
        message: expect.stringMatching(/may or may not have been recorded/),
      }),
    );
    failing.write = false;
    failing.truncate = false;
    expect(() => ledger.append([record(3)])).toThrow(
      expect.objectContaining({ code: 'io', message: expect.stringMatching(/Close and reopen/) }),
    );
    expect(state.shipments.has('ship0003')).toBe(false);
  });
});

describe('the lock', () => {
  test('refuses a second writer, naming the holder', () => {
    writeShipments(1);
    openLedger();
    expect(() => openLedger()).toThrow(
      expect.objectContaining({ code: 'locked', message: expect.stringContaining(`process ${process.pid}`) }),
    );
  });

  test('still lets a reader in', () => {
    writeShipments(1);
    openLedger();
    expect(openLedger({ readOnly: true }).state.shipments.size).toBe(1);
  });

  test('left behind by a process that no longer runs is taken over', () => {
    fs.mkdirSync(temp.file('data'));
    // PIDs are below 2^22 on Linux; this one cannot be running.
    fs.writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid: 2 ** 22 + 7, host: os.hostname(), user: 'x', app: 'x', since: 'x' }),
    );
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
    expect(() => second.ledger.append([record(2)])).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/Nothing was recorded/) }),
    );
    expect(fs.readFileSync(file).equals(written)).toBe(true);
    second.ledger.close();
    expect(openLedger().state.shipments.has('ship0001')).toBe(true);
  });
});

describe('entries lost at the end of the file (issue 8: the tip)', () => {
  test('deleting the last lines loses an amend and a void, named by number, and the ledger is not complete', () => {
    writeShipments(3);
    const { ledger } = openLedger();
    ledger.append([{ type: 'amend', id: 'ship0001', set: { status: 'discharged' }, reason: 'arrived' }]);
    ledger.append([{ type: 'void', id: 'ship0002', reason: 'typed twice' }]);
    ledger.close();
    fs.writeFileSync(file, `${lines().slice(0, -2).join('\n')}\n`); // sed -i '$d' twice
    const { ledger: read, state } = openLedger({ readOnly: true });
    expect(state.shipments.get('ship0002')?.voided).toBe(false);
    expect(read.recovery).toMatchObject({ complete: false, confirmedLost: 2 });
    expect(read.recovery?.lost).toEqual([
      expect.objectContaining({
        code: 'cut-short',
        line: null,
        seq: 5,
        count: 2,
        confirmed: true,
        excerpt: '2 entries #5–#6',
      }),
    ]);
    expect(read.recovery?.message).toMatch(/2 confirmed entries are lost/);
  });

  test('an emptied ledger names every entry it held as lost', () => {
    writeShipments(3);
    fs.writeFileSync(file, '');
    const { ledger } = openLedger({ readOnly: true });
    expect(ledger.recovery?.lost).toEqual([expect.objectContaining({ code: 'cut-short', seq: 1, count: 4 })]);
    expect(ledger.recovery?.complete).toBe(false);
  });

  test('an empty file with no tip beside it is reported, never taken for an intact empty ledger', () => {
    fs.mkdirSync(temp.file('data'));
    fs.writeFileSync(file, '');
    const { ledger } = openLedger({ readOnly: true });
    expect(ledger.recovery?.notes).toEqual([expect.objectContaining({ code: 'empty', serious: true })]);
    expect(ledger.recovery?.complete).toBe(false);
  });

  test('a deleted journal whose tip remains is refused, not silently started afresh', () => {
    writeShipments(2);
    fs.rmSync(file);
    expect(() => openLedger()).toThrow(
      expect.objectContaining({
        code: 'damaged',
        message: expect.stringMatching(/is missing.*held 3 entries.*Restore it from a backup/),
      }),
    );
    expect(() => openLedger({ readOnly: true })).toThrow(expect.objectContaining({ code: 'damaged' }));
    expect(fs.existsSync(file)).toBe(false);
  });

  test('a deleted tip is reported: the end of the file can no longer be checked', () => {
    writeShipments(2);
    fs.rmSync(tipPath(file));
    const { ledger } = openLedger({ readOnly: true });
    expect(ledger.recovery).toMatchObject({
      notes: [expect.objectContaining({ code: 'tip-missing', serious: true })],
    });
  });

  test('a tip naming an entry the file does not hold (another copy put in place) is reported', () => {
    writeShipments(2);
    const copy = fs.readFileSync(file);
    const { ledger } = openLedger();
    ledger.append([{ type: 'amend', id: 'ship0001', set: { status: 'discharged' }, reason: null }]);
    ledger.close();
    // An older copy, with one different entry appended by hand under the same number.
    fs.writeFileSync(file, copy);
    const other = openLedger();
    other.ledger.append([{ type: 'amend', id: 'ship0002', set: { status: 'discharged' }, reason: null }]);
    other.ledger.close();
    fs.writeFileSync(tipPath(file), formatTip(readTipOk(file, copy.length, 4)));
    const { ledger: read } = openLedger({ readOnly: true });
    expect(read.recovery?.lost).toEqual([
      expect.objectContaining({ code: 'replaced', seq: 4, confirmed: true }),
    ]);
  });
});

function readTipOk(_file: string, size: number, seq: number) {
  return { seq, size, sum: 'ffffffffffffffff' };
}

describe('a file cut in the middle (issue 8: truncate)', () => {
  test('is told apart from a crash: the confirmed entries cut off are counted and named', () => {
    writeShipments(25);
    const size = fs.statSync(file).size;
    fs.truncateSync(file, (size >> 1) + 37);
    const { ledger, state } = openLedger({ readOnly: true });
    const kept = state.shipments.size;
    expect(kept).toBeGreaterThan(5);
    expect(ledger.recovery?.complete).toBe(false);
    expect(ledger.recovery?.confirmedLost).toBe(25 - kept);
    expect(ledger.recovery?.message).not.toMatch(/never confirmed|not closed cleanly/);
    expect(ledger.recovery?.message).toMatch(new RegExp(`${25 - kept} confirmed entries are lost`));
    const codes = ledger.recovery?.lost.map((entry) => entry.code);
    // The line the cut went through, then everything after it.
    expect(codes).toHaveLength(2);
    expect(['damaged', 'unreadable']).toContain(codes?.[0]);
    expect(codes?.[1]).toBe('cut-short');
  });
});

describe('a committed import with one damaged line (issue 8: batches)', () => {
  test('loses that line alone, named, and keeps every other row', () => {
    writeShipments(1);
    const { ledger } = openLedger();
    ledger.append(Array.from({ length: 50 }, (_, i) => record(100 + i)));
    ledger.close();
    const text = lines();
    const index = text.findIndex((line) => line.includes('"ship0120"'));
    text[index] = (text[index] as string).replace('"netKg":9000120', '"netKg":9000999');
    fs.writeFileSync(file, `${text.join('\n')}\n`);
    const { ledger: repaired, state } = openLedger();
    expect(state.shipments.size).toBe(50);
    expect(state.shipments.has('ship0120')).toBe(false);
    expect(repaired.recovery?.lost).toEqual([
      expect.objectContaining({
        code: 'damaged',
        line: index + 1,
        count: 1,
        excerpt: expect.stringContaining('Vessel 120'),
      }),
    ]);
    expect(repaired.recovery?.message.length).toBeLessThan(2000);
    repaired.close();
    const again = openLedger();
    expect(again.ledger.recovery).toBeNull();
    expect(again.state.shipments.size).toBe(50);
  });

  test('whose commit line is damaged still counts: a later entry proves it was written whole', () => {
    writeShipments(1);
    const { ledger } = openLedger();
    ledger.append([record(10), record(11)]);
    ledger.append([record(12)]);
    ledger.close();
    const text = lines();
    const commit = text.findIndex((line) => line.includes('"type":"commit"'));
    text[commit] = (text[commit] as string).replace('"size":2', '"size":3');
    fs.writeFileSync(file, `${text.join('\n')}\n`);
    const { state, ledger: repaired } = openLedger();
    expect([...state.shipments.keys()].sort()).toEqual(['ship0001', 'ship0010', 'ship0011', 'ship0012']);
    expect(repaired.recovery?.lost).toEqual([]);
    expect(repaired.recovery?.notes.map((note) => note.code)).toEqual(['marker']);
  });

  test('a ledger written before begin/commit and before tips still opens, batch and all', () => {
    const at = '2024-08-15T12:00:00.000Z';
    const legacy: string[] = [];
    let prev = '0'.repeat(16);
    const add = (event: Parameters<typeof serialise>[0]) => {
      const line = serialise(event, prev);
      legacy.push(line.line);
      prev = line.sum;
    };
    add({ seq: 1, at, actor: 'old', type: 'header', format: 'transit-ledger', version: 1 });
    add({ seq: 2, at, actor: 'old', ...record(1) });
    for (let n = 0; n < 3; n++)
      add({ seq: 3 + n, at, actor: 'old', ...record(20 + n), batch: { id: 'b1', size: 3 } });
    fs.mkdirSync(temp.file('data'));
    fs.writeFileSync(file, legacy.join(''));
    const { state, ledger } = openLedger({ readOnly: true });
    expect(state.shipments.size).toBe(4);
    expect(ledger.recovery).toBeNull();
    const writable = openLedger();
    expect(writable.ledger.recovery).toBeNull();
    expect(readTip(file)).toMatchObject({ state: 'ok', tip: { seq: 5 } });
  });
});

describe('lines moved or repeated (issue 8: false loss reports)', () => {
  test('two swapped lines lose nothing, and the message says so', () => {
    writeShipments(4);
    const text = lines();
    [text[2], text[3]] = [text[3] as string, text[2] as string];
    fs.writeFileSync(file, `${text.join('\n')}\n`);
    const { ledger, state } = openLedger({ readOnly: true });
    expect(state.shipments.size).toBe(4);
    expect(ledger.recovery?.lost).toEqual([]);
    expect(ledger.recovery?.complete).toBe(true);
    expect(ledger.recovery?.notes.map((note) => note.code)).toEqual(['reordered']);
    expect(ledger.recovery?.message).toMatch(/Nothing is missing/);
    expect(ledger.recovery?.message).not.toMatch(/re-enter|could not be kept|lost/i);
  });

  test('an amend moved before its record is still applied, in order', () => {
    writeShipments(1);
    const { ledger } = openLedger();
    ledger.append([{ type: 'amend', id: 'ship0001', set: { netKg: 8_000_000 }, reason: 'draft survey' }]);
    ledger.close();
    const text = lines();
    [text[1], text[2]] = [text[2] as string, text[1] as string];
    fs.writeFileSync(file, `${text.join('\n')}\n`);
    const { state, ledger: repaired } = openLedger();
    expect(state.shipments.get('ship0001')?.netKg).toBe(8_000_000);
    expect(repaired.recovery?.lost).toEqual([]);
    repaired.close();
    expect(openLedger().ledger.recovery).toBeNull();
  });

  test('a duplicated line says nothing is missing and lists no cargo', () => {
    writeShipments(3);
    const text = lines();
    text.splice(3, 0, text[2] as string);
    fs.writeFileSync(file, `${text.join('\n')}\n`);
    const { ledger, state } = openLedger({ readOnly: true });
    expect(state.shipments.size).toBe(3);
    expect(ledger.recovery?.lost).toEqual([]);
    expect(ledger.recovery?.notes.map((note) => note.code)).toEqual(['duplicate']);
    expect(ledger.recovery?.message).toMatch(/Nothing is missing/);
    expect(ledger.recovery?.message).not.toMatch(/Vessel/);
  });

  test('an entry changed by hand with its checksum recomputed breaks the chain and is reported', () => {
    writeShipments(3);
    const text = lines();
    const event = JSON.parse(text[2] as string) as Record<string, unknown> & { shipment: { netKg: number } };
    event.shipment.netKg = 1;
    const { sum: _sum, ...body } = event;
    text[2] = serialise(body as unknown as Parameters<typeof serialise>[0], String(body.prev)).line.trimEnd();
    fs.writeFileSync(file, `${text.join('\n')}\n`);
    const { ledger } = openLedger({ readOnly: true });
    expect(ledger.recovery?.notes).toEqual([expect.objectContaining({ code: 'altered', serious: true })]);
    expect(ledger.recovery?.complete).toBe(false);
  });
});

describe('a ledger opened read-only follows its writer', () => {
  test('folds in entries appended after it opened, and a batch only once committed', () => {
    writeShipments(1);
    const writer = openLedger();
    const reader = openLedger({ readOnly: true });
    expect(reader.ledger.refresh()).toBe('unchanged');
    writer.ledger.append([record(2)]);
    writer.ledger.append([record(3), record(4)]);
    expect(reader.ledger.refresh()).toBe('grew');
    expect([...reader.state.shipments.keys()]).toEqual(['ship0001', 'ship0002', 'ship0003', 'ship0004']);
    expect(reader.ledger.entries).toBe(writer.ledger.entries);
  });

  test('says the file was replaced when a repair rewrote it', () => {
    writeShipments(2);
    const reader = openLedger({ readOnly: true });
    const text = lines();
    [text[1], text[2]] = [text[2] as string, text[1] as string];
    fs.writeFileSync(`${file}.new`, `${text.join('\n')}\n`);
    fs.renameSync(`${file}.new`, file);
    expect(reader.ledger.refresh()).toBe('replaced');
  });
});

describe('a damaged ledger that cannot be repaired', () => {
  test('is refused with the reason, changes nothing and leaves no copy behind, however often it is tried', () => {
    writeShipments(3);
    const text = lines();
    text[2] = (text[2] as string).replace('Vessel 2', 'Vessel Z');
    fs.writeFileSync(file, `${text.join('\n')}\n`);
    const damaged = fs.readFileSync(file);
    // Something in the way of the repair's new file, as an unwritable folder would be.
    fs.mkdirSync(`${file}.repairing/in-the-way`, { recursive: true });
    const copies = () => fs.readdirSync(temp.file('data')).filter((name) => name.includes('.damaged-'));
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(() => openLedger()).toThrow(
        expect.objectContaining({
          code: 'damaged',
          message: expect.stringMatching(/could not be repaired.*Nothing was changed/),
        }),
      );
    }
    expect(copies()).toEqual([]);
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    fs.rmSync(`${file}.repairing`, { recursive: true });
    const { ledger } = openLedger();
    expect(ledger.recovery?.confirmedLost).toBe(1);
    expect(copies()).toHaveLength(1);
  });
});

describe('what an adversarial review found (issue 8)', () => {
  test('a diverged copy put in place of the ledger names the confirmed entry it lacks as lost', () => {
    writeShipments(3);
    const alt = temp.file('alt/ledger.jsonl');
    fs.mkdirSync(path.dirname(alt));
    fs.copyFileSync(file, alt);
    fs.copyFileSync(tipPath(file), tipPath(alt));
    const { ledger } = openLedger();
    ledger.append([record(4)]);
    ledger.append([record(5)]);
    ledger.close();
    // Another copy, grown from the same start with other cargoes, is copied over the ledger.
    const state = new LedgerState();
    const other = Ledger.open(alt, { apply: state.apply, actor: 'tester', now: fixedNow });
    other.append([record(7)]);
    other.append([record(8)]);
    other.close();
    fs.copyFileSync(alt, file);
    const { ledger: read } = openLedger({ readOnly: true });
    expect(read.recovery?.complete).toBe(false);
    expect(read.recovery?.confirmedLost).toBeGreaterThanOrEqual(1);
    expect(read.recovery?.lost).toEqual([
      expect.objectContaining({ code: 'replaced', seq: 6, confirmed: true }),
    ]);
    expect(read.recovery?.message).toMatch(/confirmed entry is lost/);
    expect(read.recovery?.message).not.toMatch(/no entry is known to be missing/);
  });

  test('a ledger reached through a symbolic link stays one ledger: tip, lock and repairs follow the real file', () => {
    const real = temp.file('data/real/ledger.jsonl');
    fs.mkdirSync(path.dirname(real), { recursive: true });
    const direct = new LedgerState();
    const first = Ledger.open(real, { apply: direct.apply, actor: 'tester', now: fixedNow });
    first.append([record(1)]);
    first.close();
    fs.mkdirSync(temp.file('data'), { recursive: true });
    fs.symlinkSync(real, file);
    const { ledger, state } = openLedger();
    expect(ledger.recovery).toBeNull();
    expect(ledger.path).toBe(fs.realpathSync(real));
    ledger.append([record(2)]);
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
    expect(state.shipments.size).toBe(2);
    ledger.close();
    const again = new LedgerState();
    Ledger.open(real, { apply: again.apply, readOnly: true }).close();
    expect(again.shipments.size).toBe(2);
  });

  test('a path that is not a regular file is refused, and nothing is put in its place', () => {
    fs.mkdirSync(file, { recursive: true });
    expect(() => openLedger()).toThrow(
      expect.objectContaining({ code: 'io', message: expect.stringMatching(/is not a file/) }),
    );
    expect(fs.statSync(file).isDirectory()).toBe(true);
  });

  test('a ledger file with a second name (a hard link) is not opened for writing: a repair would split the two', () => {
    writeShipments(1);
    fs.linkSync(file, temp.file('data/other-name.jsonl'));
    expect(() => openLedger()).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/2 names/) }),
    );
    expect(openLedger({ readOnly: true }).state.shipments.size).toBe(1);
  });

  test('a damaged line whose entry number was itself damaged is counted once, by its place in the file', () => {
    writeShipments(8);
    const text = lines();
    text[4] = (text[4] as string).replace('"seq":5,', '"seq":999999999999,');
    fs.writeFileSync(file, `${text.join('\n')}\n`);
    const { ledger } = openLedger({ readOnly: true });
    expect(ledger.recovery?.confirmedLost).toBe(1);
    expect(ledger.recovery?.lost).toEqual([expect.objectContaining({ line: 5, seq: 5, count: 1 })]);
  });

  test('a damaged last line claiming a far number is still one lost entry', () => {
    writeShipments(8);
    const text = lines();
    text[8] = (text[8] as string).replace('"seq":9,', '"seq":93,');
    fs.writeFileSync(file, `${text.join('\n')}\n`);
    const { ledger } = openLedger({ readOnly: true });
    expect(ledger.recovery?.confirmedLost).toBe(1);
  });

  test('blank lines and junk appended after the last confirmed entry are not confirmed losses', () => {
    writeShipments(2);
    fs.appendFileSync(file, '\n');
    fs.appendFileSync(file, 'x\n'.repeat(10_000));
    const { ledger, state } = openLedger({ readOnly: true });
    expect(state.shipments.size).toBe(2);
    expect(ledger.recovery?.confirmedLost).toBe(0);
    expect(ledger.recovery?.complete).toBe(true);
    expect(ledger.recovery?.lost.length).toBeLessThanOrEqual(2);
    expect(ledger.recovery?.message.length).toBeLessThan(1000);
  });

  test('a read while the writer is mid-write sees no loss: the tip is read before the file size', () => {
    writeShipments(2);
    const writer = openLedger();
    // The writer's half-written next line is on disk; the lock says it is alive and writing.
    fs.appendFileSync(file, '{"seq":4,"at":"2024-08-15T12:00:00.000Z","actor":"t","type":"rec');
    const { ledger, state } = openLedger({ readOnly: true });
    expect(state.shipments.size).toBe(2);
    expect(ledger.recovery).toBeNull();
    writer.ledger.close();
  });

  test('deleting the tip of a ledger begun before tips is reported once it has been written by this version', () => {
    const at = '2024-08-15T12:00:00.000Z';
    let prev = '0'.repeat(16);
    const legacy: string[] = [];
    for (const event of [
      { seq: 1, at, actor: 'old', type: 'header', format: 'transit-ledger', version: 1 },
      { seq: 2, at, actor: 'old', ...record(1) },
    ] as Parameters<typeof serialise>[0][]) {
      const line = serialise(event, prev);
      legacy.push(line.line);
      prev = line.sum;
    }
    fs.mkdirSync(temp.file('data'));
    fs.writeFileSync(file, legacy.join(''));
    const { ledger } = openLedger();
    ledger.append([record(2)]);
    ledger.append([record(3)]);
    ledger.close();
    fs.rmSync(tipPath(file));
    fs.writeFileSync(file, `${lines().slice(0, -1).join('\n')}\n`);
    const { ledger: read } = openLedger({ readOnly: true });
    expect(read.recovery?.notes.map((note) => note.code)).toContain('tip-missing');
    expect(read.recovery?.complete).toBe(false);
  });

  test('a repair that is stopped and started again keeps one copy of the damaged original, not one per attempt', () => {
    writeShipments(3);
    const text = lines();
    text[2] = (text[2] as string).replace('Vessel 2', 'Vessel Z');
    fs.writeFileSync(file, `${text.join('\n')}\n`);
    // An earlier attempt was killed after copying the original aside.
    fs.copyFileSync(file, `${file}.damaged-2024-08-15T11-00-00-000Z`);
    fs.writeFileSync(`${file}.repairing`, 'half a repair');
    const { ledger } = openLedger();
    expect(ledger.recovery?.backupPath).toBe(
      `${fs.realpathSync(temp.file('data'))}/ledger.jsonl.damaged-2024-08-15T11-00-00-000Z`,
    );
    expect(fs.readdirSync(temp.file('data')).filter((name) => name.includes('.damaged-'))).toHaveLength(1);
    expect(fs.existsSync(`${file}.repairing`)).toBe(false);
  });

  test('a damaged begin or commit marker loses no cargo', () => {
    writeShipments(1);
    const { ledger } = openLedger();
    ledger.append([record(10), record(11), record(12)]);
    ledger.append([record(13)]);
    ledger.close();
    const text = lines();
    const begin = text.findIndex((line) => line.includes('"type":"begin"'));
    text[begin] = (text[begin] as string).replace('"size":3', '"size":4');
    fs.writeFileSync(file, `${text.join('\n')}\n`);
    const { ledger: read, state } = openLedger({ readOnly: true });
    expect(state.shipments.size).toBe(5);
    expect(read.recovery?.confirmedLost).toBe(0);
    expect(read.recovery?.lost).toEqual([]);
  });

  test('notes beside a real loss never say that nothing is missing', () => {
    writeShipments(3);
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n').split('\r\n').slice(0, -2).join('\r\n') + '\r\n',
    );
    const { ledger } = openLedger({ readOnly: true });
    expect(ledger.recovery?.confirmedLost).toBe(1);
    expect(ledger.recovery?.message).not.toMatch(/nothing is missing/i);
  });

  test('the recovery entry records how many confirmed entries were lost, counting each range in full', () => {
    writeShipments(6);
    fs.writeFileSync(file, `${lines().slice(0, -3).join('\n')}\n`);
    openLedger().ledger.close();
    const note = JSON.parse(lines().at(-1) as string) as { type: string; lost: number };
    expect(note).toMatchObject({ type: 'recovery', lost: 3 });
  });
});

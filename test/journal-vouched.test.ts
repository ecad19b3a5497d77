/**
 * The tip's CRC (issue 9, open at 100 cargoes): a writer that found every line of its journal intact
 * keeps the CRC-32 of the journal's bytes in the tip, and an open whose file still has exactly those
 * bytes does not hash each of their lines again. What must never change: any damage is still found
 * and named, whatever the tip says.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { formatTip, readTip, tipPath, TipWriter, type Tip } from '../electron/core/journal/tip';
import { Ledger } from '../electron/core/ledger';
import { LedgerState } from '../electron/core/state';
import { verifyLedger } from '../electron/core/verify';
import { journalRecord } from './support/journal-records';
import { fixedNow, tempDir } from './support/temp';

const record = journalRecord;

let temp: ReturnType<typeof tempDir>;
let file: string;
const open: Ledger[] = [];

function openLedger(readOnly = false): { ledger: Ledger; state: LedgerState } {
  const state = new LedgerState();
  const ledger = Ledger.open(file, { apply: state.apply, actor: 'tester', now: fixedNow, readOnly });
  open.push(ledger);
  return { ledger, state };
}

function append(from: number, to: number): void {
  const { ledger } = openLedger();
  for (let n = from; n <= to; n++) ledger.append([record(n)]);
  ledger.close();
}

function tip(): Tip {
  const reading = readTip(file);
  if (reading.state !== 'ok') throw new Error(`the tip is ${reading.state}`);
  return reading.tip;
}

/** Changes one digit of a cargo's weight in place: the file keeps its size, the line its length. */
function alterWeightOf(n: number): void {
  const text = fs.readFileSync(file, 'utf8');
  const weight = `"netKg":${9_000_000 + n}`;
  expect(text).toContain(weight);
  fs.writeFileSync(file, text.replace(weight, `"netKg":${8_000_000 + n}`));
}

beforeEach(() => {
  temp = tempDir();
  file = temp.file('ledger.jsonl');
});

afterEach(() => {
  for (const ledger of open.splice(0)) ledger.close();
  temp.cleanup();
});

describe('the CRC in the tip', () => {
  test('is the CRC-32 of every byte of the journal, kept across appends and reopens', () => {
    append(1, 2);
    expect(tip().crc).toBe(zlib.crc32(fs.readFileSync(file)));
    append(3, 4);
    expect(tip()).toMatchObject({
      seq: 5,
      size: fs.statSync(file).size,
      crc: zlib.crc32(fs.readFileSync(file)),
    });
    expect(fs.readFileSync(tipPath(file), 'latin1')).toMatch(
      /^transit-ledger tip v2 .* crc=[0-9a-f]{8} check=/,
    );
  });

  test('vouches for nothing once a byte under it changed: the altered line is found and named', () => {
    append(1, 3);
    alterWeightOf(2);
    for (const readOnly of [true, false]) {
      const { ledger, state } = openLedger(readOnly);
      expect(ledger.recovery?.lost).toEqual([expect.objectContaining({ code: 'damaged', line: 3 })]);
      expect([...state.shipments.keys()]).toEqual(['ship0001', 'ship0003']);
      ledger.close();
    }
  });

  test('after a power cut vouches only for the bytes before it: a damaged line after them is found', () => {
    append(1, 2);
    const tipBefore = fs.readFileSync(tipPath(file));
    append(3, 3);
    // The tip is not fsynced: a power cut may leave it naming the entry before the last.
    fs.writeFileSync(tipPath(file), tipBefore);
    alterWeightOf(3);
    const { ledger, state } = openLedger(true);
    // Past the tip, the last line is a write never confirmed: found, and named as cut short.
    expect(ledger.recovery?.lost).toEqual([
      expect.objectContaining({ code: 'torn', line: 4, confirmed: false }),
    ]);
    expect(state.shipments.size).toBe(2);
  });

  test('is dropped by a writer that found damage, and kept again once an open finds the journal intact', () => {
    append(1, 3);
    alterWeightOf(2);
    const repaired = openLedger();
    expect(repaired.ledger.recovery?.lost).toHaveLength(1);
    repaired.ledger.append([record(4)]);
    expect(tip().crc).toBeUndefined();
    repaired.ledger.close();
    const { ledger, state } = openLedger();
    expect(ledger.recovery).toBeNull();
    expect(state.shipments.size).toBe(3);
    expect(tip().crc).toBe(zlib.crc32(fs.readFileSync(file)));
  });

  test('a version 1 tip (no CRC) is still read; every line is checked and the writer adds the CRC', () => {
    append(1, 2);
    const { crc: _crc, ...old } = tip();
    fs.writeFileSync(tipPath(file), formatTip(old));
    expect(fs.readFileSync(tipPath(file), 'latin1')).toMatch(/^transit-ledger tip v1 /);
    expect(readTip(file)).toEqual({ state: 'ok', tip: old });
    alterWeightOf(1);
    expect(openLedger(true).ledger.recovery?.lost).toEqual([expect.objectContaining({ code: 'damaged' })]);
  });

  test('a writer opening a journal with a version 1 tip writes a version 2 tip with the CRC', () => {
    append(1, 2);
    const { crc: _crc, ...old } = tip();
    fs.writeFileSync(tipPath(file), formatTip(old));
    openLedger().ledger.close();
    expect(tip()).toEqual({ ...old, crc: zlib.crc32(fs.readFileSync(file)) });
  });
});

describe('verify', () => {
  test('hashes every line: a line changed under a tip whose CRC was made to vouch for it is found', () => {
    append(1, 3);
    alterWeightOf(2);
    fs.writeFileSync(tipPath(file), formatTip({ ...tip(), crc: zlib.crc32(fs.readFileSync(file)) }));
    const report = verifyLedger(file);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ code: 'damaged', line: 3 })]);
  });
});

describe('the tip line', () => {
  test('a shorter line written over a longer one replaces it whole', () => {
    append(1, 1);
    const { writer } = TipWriter.open(file);
    writer.write({ seq: 9, size: 9, sum: 'a'.repeat(16), crc: 1 });
    writer.write({ seq: 10, size: 10, sum: 'b'.repeat(16) });
    writer.close();
    expect(readTip(file)).toEqual({ state: 'ok', tip: { seq: 10, size: 10, sum: 'b'.repeat(16) } });
  });

  test('a CRC on a version 1 line, or none on a version 2 line, is unreadable', () => {
    append(1, 1);
    const v2 = formatTip({ seq: 3, size: 300, sum: 'c'.repeat(16), crc: 0xdeadbeef });
    const v1 = formatTip({ seq: 3, size: 300, sum: 'c'.repeat(16) });
    expect(v2).toContain(' crc=deadbeef ');
    for (const forged of [v2.replace(' v2 ', ' v1 '), v1.replace(' v1 ', ' v2 ')]) {
      fs.writeFileSync(tipPath(file), forged);
      expect(readTip(file)).toEqual({ state: 'unreadable' });
    }
  });
});

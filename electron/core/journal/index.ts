/**
 * Compact per-line bookkeeping for a scan: a few numbers per line in typed arrays, so a journal of
 * millions of lines is accounted for without keeping its events in memory.
 */
export class LineIndex {
  /** Four numbers a line, side by side (seq, offset, bytes, line number): one allocation, not four. */
  private table: Float64Array;
  length = 0;

  /** `expected`: how many lines to make room for at first (a guess from the file's size). */
  constructor(expected = 64) {
    this.table = new Float64Array(4 * Math.max(1, expected));
  }

  push(seq: number, offset: number, bytes: number, lineNo: number): void {
    const at = 4 * this.length;
    if (at === this.table.length) this.grow();
    const table = this.table;
    table[at] = seq;
    table[at + 1] = offset;
    table[at + 2] = bytes;
    table[at + 3] = lineNo;
    this.length++;
  }

  private grow(): void {
    const bigger = new Float64Array(this.table.length * 2);
    bigger.set(this.table);
    this.table = bigger;
  }

  seq(i: number): number {
    return this.table[4 * i] as number;
  }

  offset(i: number): number {
    return this.table[4 * i + 1] as number;
  }

  bytes(i: number): number {
    return this.table[4 * i + 2] as number;
  }

  lineNo(i: number): number {
    return this.table[4 * i + 3] as number;
  }

  /** Positions 0…length-1 ordered by seq, then by place in the file. */
  bySeq(): number[] {
    const order = Array.from({ length: this.length }, (_, i) => i);
    return order.sort((a, b) => this.seq(a) - this.seq(b) || this.lineNo(a) - this.lineNo(b));
  }
}

/** The checksum of each entry number seen, 8 bytes a number; a second, different one is a fork. */
export class SumIndex {
  /** Two 32-bit words a number, the sum's first and last eight hex digits; both zero for none. */
  private store: Uint32Array;
  private readonly extra = new Map<number, string[]>();
  // A damaged or hostile line may claim any number: far ones go to a map, not a vast buffer.
  private readonly far = new Map<number, string>();
  private static readonly DENSE_LIMIT = 32_000_000;

  /** `expected`: the highest number to make room for at first. */
  constructor(expected = 64) {
    this.store = new Uint32Array(2 * (Math.max(1, Math.min(expected, SumIndex.DENSE_LIMIT)) + 1));
  }

  get(seq: number): string | null {
    if (seq >= SumIndex.DENSE_LIMIT) return this.far.get(seq) ?? null;
    const at = 2 * seq;
    if (at + 2 > this.store.length) return null;
    const high = this.store[at] as number;
    const low = this.store[at + 1] as number;
    if (high === 0 && low === 0) return null;
    return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
  }

  has(seq: number, sum: string): boolean {
    return this.get(seq) === sum || (this.extra.get(seq)?.includes(sum) ?? false);
  }

  /** Records the sum (16 lowercase hex digits, as checksum gives) of a number not seen before. */
  set(seq: number, sum: string): void {
    if (seq >= SumIndex.DENSE_LIMIT) {
      this.far.set(seq, sum);
      return;
    }
    const at = 2 * seq;
    if (at + 2 > this.store.length) this.grow(at);
    // Read in JavaScript: a Buffer.write(…, 'hex') per line was a few per cent of opening a small ledger.
    this.store[at] = hexWord(sum, 0);
    this.store[at + 1] = hexWord(sum, 8);
  }

  private grow(at: number): void {
    const bigger = new Uint32Array(Math.max(this.store.length * 2, at + 2 * 1024));
    bigger.set(this.store);
    this.store = bigger;
  }

  /** Records a sum; returns false when the number already had a different one. */
  add(seq: number, sum: string): boolean {
    const current = this.get(seq);
    if (current === null) {
      if (seq >= SumIndex.DENSE_LIMIT) {
        this.far.set(seq, sum);
        return true;
      }
      this.set(seq, sum);
      return true;
    }
    if (current === sum) return true;
    const others = this.extra.get(seq) ?? [];
    if (!others.includes(sum)) others.push(sum);
    this.extra.set(seq, others);
    return false;
  }
}

/** Eight hex digits of `text` from `from` as a number. */
function hexWord(text: string, from: number): number {
  let value = 0;
  for (let i = from; i < from + 8; i++) {
    const code = text.charCodeAt(i);
    value = value * 16 + (code <= 0x39 ? code - 0x30 : (code | 0x20) - 0x57);
  }
  return value;
}

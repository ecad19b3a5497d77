/**
 * Compact per-line bookkeeping for a scan: a few numbers per line in typed arrays, so a journal of
 * millions of lines is accounted for without keeping its events in memory.
 */
export class LineIndex {
  private seqs = new Float64Array(64);
  private offsets = new Float64Array(64);
  private sizes = new Uint32Array(64);
  private lines = new Float64Array(64);
  length = 0;

  push(seq: number, offset: number, bytes: number, lineNo: number): void {
    if (this.length === this.seqs.length) this.grow();
    this.seqs[this.length] = seq;
    this.offsets[this.length] = offset;
    this.sizes[this.length] = bytes;
    this.lines[this.length] = lineNo;
    this.length++;
  }

  private grow(): void {
    const size = this.seqs.length * 2;
    const widen = <T extends Float64Array | Uint32Array>(from: T, make: (n: number) => T): T => {
      const to = make(size);
      to.set(from);
      return to;
    };
    this.seqs = widen(this.seqs, (n) => new Float64Array(n));
    this.offsets = widen(this.offsets, (n) => new Float64Array(n));
    this.sizes = widen(this.sizes, (n) => new Uint32Array(n));
    this.lines = widen(this.lines, (n) => new Float64Array(n));
  }

  seq(i: number): number {
    return this.seqs[i] as number;
  }

  offset(i: number): number {
    return this.offsets[i] as number;
  }

  bytes(i: number): number {
    return this.sizes[i] as number;
  }

  lineNo(i: number): number {
    return this.lines[i] as number;
  }

  /** Positions 0…length-1 ordered by seq, then by place in the file. */
  bySeq(): number[] {
    const order = Array.from({ length: this.length }, (_, i) => i);
    return order.sort((a, b) => this.seq(a) - this.seq(b) || this.lineNo(a) - this.lineNo(b));
  }
}

/** The checksum of each entry number seen, 8 bytes a number; a second, different one is a fork. */
export class SumIndex {
  private store = Buffer.alloc(8 * 64);
  private readonly extra = new Map<number, string[]>();
  // A damaged or hostile line may claim any number: far ones go to a map, not a vast buffer.
  private readonly far = new Map<number, string>();
  private static readonly DENSE_LIMIT = 32_000_000;

  private slot(seq: number): number {
    return seq * 8;
  }

  get(seq: number): string | null {
    if (seq >= SumIndex.DENSE_LIMIT) return this.far.get(seq) ?? null;
    const at = this.slot(seq);
    if (at + 8 > this.store.length) return null;
    const hex = this.store.toString('hex', at, at + 8);
    return hex === '0000000000000000' ? null : hex;
  }

  has(seq: number, sum: string): boolean {
    return this.get(seq) === sum || (this.extra.get(seq)?.includes(sum) ?? false);
  }

  /** Records the sum of a number not seen before. */
  set(seq: number, sum: string): void {
    const at = this.slot(seq);
    if (seq >= SumIndex.DENSE_LIMIT) this.far.set(seq, sum);
    else {
      if (at + 8 > this.store.length) this.grow(at);
      this.store.write(sum, at, 8, 'hex');
    }
  }

  private grow(at: number): void {
    const bigger = Buffer.alloc(Math.max(this.store.length * 2, at + 8 * 1024));
    this.store.copy(bigger);
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

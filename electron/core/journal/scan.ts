/**
 * Reads a whole journal once, as a stream, folding every intact entry into the state and
 * accounting for every entry number: each is present, or lost in a damaged line, or removed, or
 * cut off the end (the tip says how far the journal reached), or known from an earlier repair.
 * A file in order is folded as it is read; from the first line out of place, the rest is indexed
 * and folded in entry-number order at the end, so swapped or repeated lines lose nothing.
 */
import zlib from 'node:zlib';
import type { LostCargo, LostEntry, LostPeriod, RecoveryNote } from '../api';
import type { ApplyEvent, SeqRange } from '../events';
import { BatchFolder, type Located } from './batches';
import {
  damagedCargo,
  damagedPeriod,
  damagedText,
  describeDamagedText,
  describeEvent,
  LOSS_REASONS,
  range,
  seqInDamagedText,
} from './describe';
import {
  bareLine,
  checkLine,
  GENESIS,
  parseChecked,
  parseLine,
  vouchedLine,
  type CheckedLine,
  type ParsedLine,
  type StoredEvent,
} from './format';
import { LineIndex, SumIndex } from './index';
import { CHUNK, crcOfRange, forEachLine, readAt, type RawLine } from './lines';
import type { TipReading } from './tip';

interface DamagedLine {
  lineNo: number;
  offset: number;
  code: 'damaged' | 'unreadable';
  excerpt: string;
  /** The cargo its text still shows, and its text itself where nothing of an entry can be read. */
  cargo: LostCargo | null;
  text: string | null;
  /** The month it closed or reopened, as far as its text shows. */
  period: LostPeriod | null;
  /** The entry number its text still shows, if any; trusted only where it fits between its neighbours. */
  readable: number | null;
  /** The intact entries around it in the file, and its place among the damaged lines between them. */
  prevSeq: number;
  nextSeq: number | null;
  position: number;
  terminated: boolean;
  /** Known when a tip is there: whether the line lies within what was confirmed. */
  confirmed: boolean | null;
  /** A begin or commit line: it frames an import but holds no cargo. */
  marker: boolean;
  /** Lines of junk after the last confirmed entry are reported as one finding. */
  count: number;
}

export interface ScanOptions {
  tip: TipReading;
  /** Another program holds the ledger and is writing: an unconfirmed write at the end is in flight, not torn. */
  liveWriter: () => boolean;
  /** Hash every line, even where the tip's CRC vouches for the bytes (verify's full check). */
  everyLine?: boolean;
}

export interface ScanResult {
  lost: LostEntry[];
  notes: RecoveryNote[];
  /** Entries kept, in entry-number order: where each stands in the file, for a repair to copy. */
  kept: { index: LineIndex; order: number[] };
  keptEntries: number;
  /** The highest entry number present, and the checksum the next entry chains to. */
  lastSeq: number;
  lastSum: string;
  /** The highest number the journal is known to have reached (its own or its tip's). */
  topSeq: number;
  /** Numbers in 1…topSeq that no kept entry has: what a repaired file records as known gaps. */
  gaps: SeqRange[];
  /** When the only fault is an unconfirmed write at the very end, the byte to cut the file at. */
  cutAt: number | null;
  /** Where a write still in flight begins (a read beside a live writer), or null. */
  inFlightAt: number | null;
  /** True once the journal says a tip is kept beside it, so a missing tip is a finding. */
  tipRequired: boolean;
  /** The bytes from the start the tip's CRC vouched for (their lines not hashed again), or null. */
  vouched: { size: number; crc: number } | null;
  tipBefore: { seq: number; sum: string } | null;
}

/** The file's first bytes as the tip's CRC vouches for them, when they are still exactly those bytes. */
function vouchedBytes(fd: number, bytes: Buffer | null, tip: VouchingTip): VouchingTip | null {
  const crc =
    bytes !== null && bytes.length >= tip.size
      ? zlib.crc32(bytes.subarray(0, tip.size))
      : crcOfRange(fd, 0, tip.size);
  return crc === tip.crc ? tip : null;
}

type VouchingTip = { size: number; crc: number };

/** The tip's CRC and size when they can vouch for the file's first bytes (none to check, for verify). */
function vouchingTip(tip: TipReading, size: number, everyLine: boolean): VouchingTip | null {
  if (everyLine || tip.state !== 'ok' || tip.tip.crc === undefined) return null;
  return tip.tip.size === 0 || tip.tip.size > size ? null : { size: tip.tip.size, crc: tip.tip.crc };
}

/** Lines checked, then parsed, a group at a time (see checkLine). */
const GROUP = 64;

export class JournalScan {
  private readonly lost: LostEntry[] = [];
  private readonly notes: RecoveryNote[] = [];
  private readonly sums: SumIndex;
  private readonly lines: LineIndex;
  private readonly keptAt: number[] = [];
  private readonly folder: BatchFolder;
  private readonly damaged: DamagedLine[] = [];
  private readonly knownGaps: SeqRange[] = [];
  private readonly tipsBefore: { seq: number; sum: string }[] = [];
  private knownBelow = 0;
  private inOrder = true;
  private deferred: number[] = [];
  private expected = 1;
  private lastSum = GENESIS;
  private lastIntactSeq = 0;
  private maxSeqInFile = 0;
  private damagedSinceIntact = 0;
  private lineEnds = 0;
  private tipRequired = false;
  private missingNewline = false;
  private blankLines = 0;
  private pendingDamaged: DamagedLine[] = [];
  private readonly tip: TipReading;
  private readonly tipSize: number | null;
  private vouched: VouchingTip | null = null;
  /** A tip's CRC still to be checked against the first bytes read. */
  private vouching: VouchingTip | null;
  private late = new Set<number>();
  private alteredCount = 0;
  private readonly pending: RawLine[] = [];
  private readonly checks: (CheckedLine | null)[] = [];

  constructor(
    private readonly fd: number,
    private readonly size: number,
    apply: ApplyEvent,
    private readonly options: ScanOptions,
  ) {
    // Room for the lines a file of this size usually holds (a few hundred bytes each): most scans never grow it.
    const expected = Math.min(Math.ceil(size / 256) + 16, 1 << 20);
    this.lines = new LineIndex(expected);
    this.sums = new SumIndex(expected);
    this.tip = options.tip;
    this.tipSize = this.tip.state === 'ok' ? this.tip.tip.size : null;
    this.vouching = vouchingTip(this.tip, size, options.everyLine === true);
    // A tip beyond the first read is checked now; one within it, on the bytes that read brings (run).
    if (this.vouching !== null && this.vouching.size > CHUNK) {
      this.vouched = vouchedBytes(fd, null, this.vouching);
      this.vouching = null;
    }
    this.folder = new BatchFolder(apply, this.lost, (entry) => this.keptAt.push(entry.at));
  }

  run(): ScanResult {
    const firstBytes = (bytes: Buffer, offset: number) => {
      if (this.vouching === null || offset !== 0) return;
      this.vouched = vouchedBytes(this.fd, bytes, this.vouching);
      this.vouching = null;
    };
    if (this.size > 0) forEachLine(this.fd, 0, this.size, (line) => this.queue(line), 1, firstBytes);
    this.drain();
    this.foldDeferred();
    const tipSeq = this.tip.state === 'ok' ? this.tip.tip.seq : 0;
    this.folder.finish(tipSeq);
    return this.account(tipSeq);
  }

  private queue(raw: RawLine): void {
    this.pending.push(raw);
    if (this.pending.length === GROUP) this.drain();
  }

  /** The lines read so far: each checked (its checksum), then each parsed and accounted for, in file order. */
  private drain(): void {
    const lines = this.pending;
    const checks = this.checks;
    for (let i = 0; i < lines.length; i++) checks.push(this.check(lines[i] as RawLine));
    for (let i = 0; i < lines.length; i++) {
      const checked = checks[i];
      if (checked !== null && checked !== undefined)
        this.readLine(lines[i] as RawLine, parseChecked(checked));
    }
    lines.length = 0;
    checks.length = 0;
  }

  /** A line without what an editor may add (a BOM, a CR), checked; null for a blank line. */
  private check(raw: RawLine): CheckedLine | null {
    let text = raw.text;
    if (raw.lineNo === 1 && text.charCodeAt(0) === 0xfeff) {
      text = text.slice(1);
      this.lineEnds++;
    }
    if (text.charCodeAt(text.length - 1) === 0x0d) {
      text = text.slice(0, -1);
      this.lineEnds++;
    }
    if (text === '') {
      this.blankLines++;
      return null;
    }
    const vouched = this.vouched !== null && raw.offset + raw.bytes <= this.vouched.size;
    return vouched ? vouchedLine(text) : checkLine(text);
  }

  private readLine(raw: RawLine, parsed: ParsedLine): void {
    if (parsed.ok) {
      if (!raw.terminated) this.missingNewline = true;
      this.readEntry(parsed.event, parsed.sum, raw);
      return;
    }
    const confirmed = this.tipSize === null ? null : raw.offset < this.tipSize;
    const last = this.damaged[this.damaged.length - 1];
    if (confirmed === false && last?.confirmed === false && last.lineNo + last.count === raw.lineNo) {
      last.count++;
      return;
    }
    this.damagedSinceIntact++;
    // Its own copy: a line read with others is a slice of their whole chunk, which a kept excerpt would keep.
    const text = Buffer.from(parsed.text, 'utf8').toString('utf8');
    const line: DamagedLine = {
      lineNo: raw.lineNo,
      offset: raw.offset,
      code: parsed.code,
      excerpt: describeDamagedText(text),
      cargo: damagedCargo(text),
      text: damagedText(text),
      period: damagedPeriod(text),
      readable: seqInDamagedText(text),
      prevSeq: this.lastIntactSeq,
      nextSeq: null,
      position: this.damagedSinceIntact,
      terminated: raw.terminated,
      confirmed,
      marker: /"type":"(begin|commit)"/.test(text),
      count: 1,
    };
    this.damaged.push(line);
    this.pendingDamaged.push(line);
  }

  private readEntry(event: StoredEvent, sum: string, raw: RawLine): void {
    const seq = event.seq;
    const at = this.lines.length;
    if (this.pendingDamaged.length > 0) this.closeDamagedRun(seq);
    this.lines.push(seq, raw.offset, raw.bytes, raw.lineNo);
    if (seq < this.maxSeqInFile) this.late.add(at);
    this.maxSeqInFile = Math.max(this.maxSeqInFile, seq);
    this.noteRecovery(event);
    if (this.inOrder && !this.fitsInOrder(event)) {
      this.inOrder = false;
    }
    if (!this.inOrder) {
      this.deferred.push(at);
      this.damagedSinceIntact = 0;
      this.lastIntactSeq = seq;
      return;
    }
    this.chain(event, sum, raw.lineNo, at);
    this.damagedSinceIntact = 0;
    this.lastIntactSeq = seq;
  }

  /** The damaged lines since the last intact one now know the number that follows them. */
  private closeDamagedRun(seq: number): void {
    for (const line of this.pendingDamaged) line.nextSeq = seq;
    this.pendingDamaged = [];
  }

  /** In order: the next number, or a gap that damaged lines fill or that a repair re-chained. */
  private fitsInOrder(event: StoredEvent): boolean {
    if (event.seq === this.expected) return true;
    if (event.seq < this.expected) return false;
    return event.prev === this.lastSum || this.damagedSinceIntact >= event.seq - this.expected;
  }

  /** Checks the link to the entry before, records the sum and folds the entry. */
  private chain(event: StoredEvent, sum: string, lineNo: number, at: number): void {
    const seq = event.seq;
    // The common case, every line of a sound file: the next number, linked to the line before.
    if (seq === this.expected && event.prev === this.lastSum) {
      this.sums.set(seq, sum);
      this.accept(event, sum, lineNo, at);
      return;
    }
    if (this.sums.get(seq) !== null) {
      const same = this.sums.has(seq, sum);
      this.sums.add(seq, sum);
      this.note(
        same ? 'duplicate' : 'fork',
        lineNo,
        seq,
        false,
        same
          ? `line ${lineNo} repeats entry #${seq} word for word; the copy is not counted`
          : `line ${lineNo} is a second, different entry #${seq} (two programs wrote at once); both are kept`,
      );
      if (same) return;
    } else {
      const before = this.sums.get(seq - 1);
      if (before !== null && event.prev !== before && !this.sums.has(seq - 1, event.prev))
        this.altered(event, lineNo);
      this.sums.add(seq, sum);
    }
    this.accept(event, sum, lineNo, at);
  }

  private accept(event: StoredEvent, sum: string, lineNo: number, at: number): void {
    const seq = event.seq;
    if ((event.type === 'header' && event.version >= 2) || event.type === 'tip-kept') this.tipRequired = true;
    this.expected = Math.max(this.expected, seq + 1);
    this.lastSum = sum;
    this.folder.feed({ event, lineNo, at } satisfies Located);
  }

  private altered(event: StoredEvent, lineNo: number): void {
    this.alteredCount++;
    if (this.alteredCount > 1) return;
    const seq = event.seq;
    this.note(
      'altered',
      lineNo,
      seq,
      true,
      `the checksum chain breaks between entries #${seq - 1} and #${seq} ` +
        `(line ${lineNo}, ${describeEvent(event)}): ` +
        'one of them, or the line before, was changed after it was written',
    );
  }

  private noteRecovery(event: StoredEvent): void {
    if (event.type !== 'recovery') return;
    if (event.gaps) {
      this.knownGaps.push(...event.gaps);
      this.tipRequired = true; // only a repair that keeps a tip records its gaps
    } else {
      // An older repair named its losses but not their numbers.
      this.knownBelow = Math.max(this.knownBelow, event.seq);
    }
    if (event.tipBefore) this.tipsBefore.push(event.tipBefore);
  }

  /** Folds the lines read out of order, by entry number, once the whole file is known. */
  private foldDeferred(): void {
    if (this.deferred.length === 0) return;
    const order = this.deferred.sort(
      (a, b) => this.lines.seq(a) - this.lines.seq(b) || this.lines.lineNo(a) - this.lines.lineNo(b),
    );
    let moved = 0;
    for (const at of order) {
      const parsed = parseLine(bareLine(readAt(this.fd, this.lines.offset(at), this.lines.bytes(at))));
      if (!parsed.ok) continue; // it parsed on the first read; the file changed under us
      const wasKnown = this.sums.get(parsed.event.seq) !== null;
      this.chain(parsed.event, parsed.sum, this.lines.lineNo(at), at);
      if (this.late.has(at) && !wasKnown) moved++;
    }
    if (moved > 0)
      this.note(
        'reordered',
        null,
        null,
        false,
        `${moved === 1 ? '1 line stands' : `${moved} lines stand`} out of order in the file; ` +
          `${moved === 1 ? 'it is' : 'they are'} kept`,
      );
  }

  private note(
    code: RecoveryNote['code'],
    line: number | null,
    seq: number | null,
    serious: boolean,
    message: string,
  ): void {
    this.notes.push({ code, line, seq, serious, message });
  }

  private account(tipSeq: number): ScanResult {
    const topSeq = Math.max(this.maxSeqInFile, tipSeq);
    this.checkTip();
    const claimed = this.accountDamaged(tipSeq);
    const absent = this.absentRanges(topSeq, claimed);
    this.reportAbsent(absent, this.maxSeqInFile);
    this.noteFileShape();
    const inFlightAt = this.looksUnfinished() && this.options.liveWriter() ? this.setAsideInFlight() : null;
    const order = this.keptOrder();
    return {
      lost: this.lost.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)),
      notes: this.notes,
      kept: { index: this.lines, order },
      keptEntries: order.length,
      lastSeq: this.maxSeqInFile,
      lastSum: this.lastSum,
      topSeq,
      gaps: this.gapsOf(order, topSeq),
      cutAt: this.cutAt(),
      inFlightAt,
      tipRequired: this.tipRequired,
      vouched: this.vouched,
      tipBefore: this.tip.state === 'ok' ? { seq: this.tip.tip.seq, sum: this.tip.tip.sum } : null,
    };
  }

  private looksUnfinished(): boolean {
    return this.missingNewline || this.lost.some((entry) => !entry.confirmed);
  }

  private noteFileShape(): void {
    if (this.lineEnds > 0)
      this.note(
        'line-ends',
        null,
        null,
        false,
        "an editor changed the file's line ends (CRLF or a byte-order mark)",
      );
    if (this.blankLines > 0)
      this.note(
        'blank',
        null,
        null,
        false,
        `${this.blankLines === 1 ? 'a blank line was' : `${this.blankLines} blank lines were`} added to the file`,
      );
    if (this.missingNewline)
      this.note(
        'no-final-newline',
        null,
        null,
        false,
        'the last entry is complete but lacks its line end; it is kept',
      );
    if (this.size === 0 && this.tip.state !== 'ok')
      this.note(
        'empty',
        null,
        null,
        true,
        'the ledger file is empty: not even its header is left. If it held cargoes, restore it from a backup',
      );
  }

  /**
   * Beside a live writer, an unconfirmed write at the end is one it is making now: it is neither
   * reported nor folded, and the next look reads it whole. Returns where it begins.
   */
  private setAsideInFlight(): number | null {
    const unconfirmed = this.lost.filter((entry) => !entry.confirmed);
    if (unconfirmed.length === 0 && !this.missingNewline) return null;
    const at = this.cutAt();
    if (at === null) return null;
    this.lost.splice(0, this.lost.length, ...this.lost.filter((entry) => entry.confirmed));
    return at;
  }

  private checkTip(): void {
    const what = "the record of the journal's last entry (the .tip file beside it)";
    if (this.tip.state === 'absent') {
      if (this.tipRequired)
        this.note(
          'tip-missing',
          null,
          null,
          true,
          `${what} is missing, so entries cut off the end could not be detected`,
        );
      return;
    }
    if (this.tip.state === 'unreadable') {
      this.note(
        'tip-missing',
        null,
        null,
        true,
        `${what} is damaged, so entries cut off the end could not be detected`,
      );
      return;
    }
    const { seq, sum } = this.tip.tip;
    if (seq === 0 || seq > this.maxSeqInFile || this.sums.has(seq, sum)) return;
    if (this.tipsBefore.some((before) => before.seq === seq && before.sum === sum)) return;
    this.lost.push({
      code: 'replaced',
      line: null,
      seq,
      count: 1,
      confirmed: true,
      cause: null,
      cargo: null,
      text: null,
      reason: LOSS_REASONS.replaced,
      excerpt: `entry #${seq} as confirmed here (and perhaps entries before it)`,
    });
  }

  /** The entry number a damaged line stood for: its own, where that fits between its neighbours, else its place. */
  private seqOf(line: DamagedLine, tipSeq: number, trailing: number): number {
    const upper = line.nextSeq ?? Math.max(tipSeq, line.prevSeq + trailing) + 1;
    const readable = line.readable;
    return readable !== null && readable > line.prevSeq && readable < upper
      ? readable
      : this.nthUnknown(line.prevSeq, line.position);
  }

  /**
   * The `position`th number after `after` that no earlier repair reported as a gap: a line spoilt
   * in a repaired file stood for the next entry written, never for one that repair already lost.
   */
  private nthUnknown(after: number, position: number): number {
    let seq = after;
    for (let left = position; left > 0; left--) {
      seq++;
      for (let moved = true; moved;) {
        moved = false;
        for (const [from, to] of this.knownGaps)
          if (seq >= from && seq <= to) {
            seq = to + 1;
            moved = true;
          }
      }
    }
    return seq;
  }

  /** Reports each damaged line: a lost entry, an unconfirmed torn write, or a spoilt extra copy or marker. */
  private accountDamaged(tipSeq: number): Set<number> {
    const claimed = new Set<number>();
    const trailing = this.damaged.filter((other) => other.nextSeq === null).length;
    for (const line of this.damaged) {
      const seq = this.seqOf(line, tipSeq, trailing);
      if (this.sums.get(seq) !== null) {
        this.note(
          'duplicate',
          line.lineNo,
          seq,
          false,
          `line ${line.lineNo} is a damaged copy of entry #${seq}, which is intact elsewhere`,
        );
        continue;
      }
      const confirmed = line.confirmed ?? (line.terminated || seq <= this.maxSeqInFile);
      if (confirmed && line.marker) {
        claimed.add(seq);
        this.note(
          'marker',
          line.lineNo,
          seq,
          false,
          `line ${line.lineNo}, the start or end mark of an import, is damaged; the import's cargoes are kept`,
        );
        continue;
      }
      const code = confirmed ? line.code : 'torn';
      if (confirmed) claimed.add(seq);
      const excerpt =
        line.count > 1
          ? `${line.count} lines that are not journal entries, from line ${line.lineNo}`
          : line.excerpt;
      this.lost.push({
        code,
        line: line.lineNo,
        seq,
        count: line.count,
        confirmed,
        cause: null,
        // Lines of junk after the last confirmed entry, reported as one: no one line's cargo or text speaks for them.
        cargo: line.count > 1 ? null : line.cargo,
        text: line.count > 1 ? null : line.text,
        ...(line.count === 1 && line.period !== null ? { period: line.period } : {}),
        reason: LOSS_REASONS[code],
        excerpt,
      });
    }
    return claimed;
  }

  /** Numbers up to topSeq held by no intact line and no damaged one, less those an earlier repair reported. */
  private absentRanges(topSeq: number, claimed: Set<number>): SeqRange[] {
    const count = this.lines.length;
    // A file in order, with no damaged line, is walked as it is; anything else is sorted first.
    let ascending = claimed.size === 0;
    for (let i = 1; i < count && ascending; i++) ascending = this.lines.seq(i) >= this.lines.seq(i - 1);
    let seqs: Float64Array | null = null;
    if (!ascending) {
      seqs = new Float64Array(count + claimed.size);
      for (let i = 0; i < count; i++) seqs[i] = this.lines.seq(i);
      let at = count;
      for (const seq of claimed) seqs[at++] = seq;
      seqs.sort();
    }
    const ranges: SeqRange[] = [];
    let reached = 0;
    const length = seqs === null ? count : seqs.length;
    for (let i = 0; i < length; i++) {
      const seq = seqs === null ? this.lines.seq(i) : (seqs[i] as number);
      if (seq > reached + 1) ranges.push([reached + 1, seq - 1]);
      reached = Math.max(reached, seq);
    }
    if (topSeq > reached) ranges.push([reached + 1, topSeq]);
    return subtract(ranges, [[1, this.knownBelow], ...this.knownGaps]);
  }

  private reportAbsent(absent: SeqRange[], lastSeq: number): void {
    for (const [from, to] of absent) {
      const count = to - from + 1;
      const code = from > lastSeq ? 'cut-short' : 'removed';
      const excerpt = `${count === 1 ? 'entry' : `${count} entries`} ${range(from, count)}`;
      this.lost.push({
        code,
        line: null,
        seq: from,
        count,
        confirmed: true,
        cause: null,
        cargo: null,
        text: null,
        reason: LOSS_REASONS[code],
        excerpt,
      });
    }
  }

  /** Kept entries by number; a fork's second entry follows the first. */
  private keptOrder(): number[] {
    const byPosition = this.keptAt;
    let sorted = true;
    for (let i = 1; i < byPosition.length && sorted; i++)
      sorted = this.lines.seq(byPosition[i] as number) > this.lines.seq(byPosition[i - 1] as number);
    if (sorted) return byPosition;
    return byPosition.sort(
      (a, b) => this.lines.seq(a) - this.lines.seq(b) || this.lines.lineNo(a) - this.lines.lineNo(b),
    );
  }

  private gapsOf(order: number[], topSeq: number): SeqRange[] {
    const gaps: SeqRange[] = [];
    let next = 1;
    for (const at of order) {
      const seq = this.lines.seq(at);
      if (seq > next) gaps.push([next, seq - 1]);
      next = Math.max(next, seq + 1);
    }
    if (topSeq >= next) gaps.push([next, topSeq]);
    return gaps;
  }

  /** Only an unconfirmed write at the end is wrong: the file can simply be cut before it. */
  private cutAt(): number | null {
    if (!this.inOrder || this.notes.length > 0 || this.lost.length === 0) return null;
    if (this.lost.some((entry) => entry.confirmed)) return null;
    let cut = Infinity;
    for (const entry of this.lost) {
      const line = entry.line;
      if (line === null) return null;
      const damaged = this.damaged.find((d) => d.lineNo === line);
      const offset = damaged ? damaged.offset : this.offsetOfLine(line);
      if (offset === null) return null;
      cut = Math.min(cut, offset);
    }
    // Everything kept must lie before the cut.
    for (const at of this.keptAt) if (this.lines.offset(at) >= cut) return null;
    return Number.isFinite(cut) ? cut : null;
  }

  private offsetOfLine(lineNo: number): number | null {
    for (let i = 0; i < this.lines.length; i++)
      if (this.lines.lineNo(i) === lineNo) return this.lines.offset(i);
    return null;
  }
}

/** The parts of `ranges` that none of `known` covers. */
function subtract(ranges: SeqRange[], known: SeqRange[]): SeqRange[] {
  let left = ranges;
  for (const [from, to] of known) {
    if (to < from) continue;
    const next: SeqRange[] = [];
    for (const [a, b] of left) {
      if (b < from || a > to) next.push([a, b]);
      else {
        if (a < from) next.push([a, from - 1]);
        if (b > to) next.push([to + 1, b]);
      }
    }
    left = next;
  }
  return left;
}

export { describeEvent };

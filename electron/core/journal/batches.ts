/**
 * Folds events, in entry-number order, into the state, holding back the members of a multi-entry
 * write (an import) until that write is known to be complete. A write is `begin`, its members and
 * `commit`, all carrying the batch id. It is complete when its commit is read, or when any later
 * entry exists (appends follow each other, so a later entry proves the whole write reached the
 * disk and only its commit line was damaged), or when the tip confirms an entry past it.
 * Ledgers from before begin/commit marked every member with `{id, size}`; they fold the same way.
 */
import type { LostEntry } from '../api';
import type { ApplyEvent, LedgerEvent } from '../events';
import { describeEvent, eventCargo, LOSS_REASONS } from './describe';

export interface Located {
  event: LedgerEvent;
  lineNo: number;
  /** The entry's place in the scan's line index, so a kept entry can be written out again on repair. */
  at: number;
}

interface OpenBatch {
  id: string;
  /** Members the write announced; null when its begin line was lost. */
  size: number | null;
  beginSeq: number | null;
  beginLine: number | null;
  legacy: boolean;
  held: Located[];
}

export class BatchFolder {
  private open: OpenBatch | null = null;

  constructor(
    private readonly apply: ApplyEvent,
    private readonly lost: LostEntry[],
    /** Called for every entry that is kept: applied to the state, or a marker of a kept write. */
    private readonly keep: (entry: Located) => void,
  ) {}

  feed(entry: Located): void {
    const { event } = entry;
    const batch = event.batch;
    if (batch === undefined) {
      if (this.open) this.close(true);
      this.applyOne(entry);
      return;
    }
    const id = typeof batch === 'string' ? batch : batch.id;
    if (event.type === 'begin') {
      if (this.open) this.close(true);
      this.open = {
        id,
        size: event.size,
        beginSeq: event.seq,
        beginLine: entry.lineNo,
        legacy: false,
        held: [entry],
      };
      return;
    }
    if (this.open && this.open.id !== id) this.close(true);
    this.open ??= {
      id,
      size: typeof batch === 'string' ? null : batch.size,
      beginSeq: null,
      beginLine: entry.lineNo,
      legacy: typeof batch !== 'string',
      held: [],
    };
    this.open.held.push(entry);
    if (event.type === 'commit') this.close(true);
    else if (this.open.legacy && this.open.held.length === this.open.size) this.close(true);
  }

  /** At the end of the journal: an open write counts only if the tip confirms an entry past it. */
  finish(tipSeq: number): void {
    const open = this.open;
    if (!open) return;
    const lastSeq = open.beginSeq !== null && open.size !== null ? open.beginSeq + open.size + 1 : Infinity;
    this.close(tipSeq >= lastSeq);
  }

  private close(complete: boolean): void {
    const open = this.open as OpenBatch;
    this.open = null;
    if (complete) {
      for (const entry of open.held) this.applyOne(entry);
      return;
    }
    const members = open.held.filter(
      (entry) => entry.event.type !== 'begin' && entry.event.type !== 'commit',
    ).length;
    this.lost.push({
      code: 'batch-incomplete',
      line: open.beginLine,
      seq: open.beginSeq,
      count: members,
      confirmed: false,
      cause: null,
      cargo: null,
      text: null,
      reason: LOSS_REASONS['batch-incomplete'],
      excerpt: `a write of ${members} ${members === 1 ? 'entry' : 'entries'} (an import)`,
    });
  }

  private applyOne(entry: Located): void {
    const { event } = entry;
    if (event.type === 'begin' || event.type === 'commit') {
      this.keep(entry);
      return;
    }
    const rejection = this.apply(event);
    if (rejection === null) {
      this.keep(entry);
      return;
    }
    this.lost.push({
      code: 'orphan',
      line: entry.lineNo,
      seq: event.seq,
      count: 1,
      confirmed: true,
      cause: { code: rejection.code, facts: rejection.facts },
      cargo: eventCargo(event),
      text: null,
      reason: rejection.message,
      excerpt: describeEvent(event),
    });
  }
}

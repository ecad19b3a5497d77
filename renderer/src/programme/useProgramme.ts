/**
 * A month's loading programme, asked of the core whenever the month or the ledger changes (the store
 * replaces `info` on every reload, so a nomination or a cargo saved in any window reaches this view at
 * the next poll), and the programme's writes through the one API. Nothing is computed here.
 */
import { useCallback, useState } from 'react';
import type { NominationInput, Programme, WriteOptions } from '../../../electron/core/api';
import { failureOf, type Failure } from '../errors';
import { guardOf } from '../ledger-watch';
import { useLedger } from '../store';
import { useCoreAnswer, type CoreAnswer } from '../useCoreAnswer';

/** A write's outcome: done, or the core's refusal (its issues placed beside the form's fields). */
export type WriteOutcome = { ok: true } | { ok: false; failure: Failure };

export function useProgrammeData(month: string | null): CoreAnswer<Programme> {
  const api = useLedger((s) => s.api);
  const info = useLedger((s) => s.info);
  const targets = useLedger((s) => s.targets);
  // No month yet (the ledger not read): nothing is asked; the answer is loading, or the last one given.
  return useCoreAnswer(month === null ? null : api, (core) => core.programme({ month: month ?? '' }), [
    month,
    info,
    targets,
  ]);
}

export interface ProgrammeWrites {
  busy: boolean;
  nominate(input: NominationInput, force: boolean): Promise<WriteOutcome>;
  cancel(id: string, reason: string): Promise<WriteOutcome>;
  link(id: string, cargo: string, linked: boolean, force?: boolean): Promise<WriteOutcome>;
}

export function useProgrammeWrites(): ProgrammeWrites {
  const api = useLedger((s) => s.api);
  const info = useLedger((s) => s.info);
  const [busy, setBusy] = useState(false);

  const write = useCallback(
    async (send: (options: WriteOptions) => Promise<Programme> | undefined): Promise<WriteOutcome> => {
      setBusy(true);
      try {
        await send(guardOf(info));
        // The store rereads the ledger: this view, the dashboard and every other window follow.
        await useLedger.getState().refresh();
        return { ok: true };
      } catch (error) {
        return { ok: false, failure: failureOf(error) };
      } finally {
        setBusy(false);
      }
    },
    [info],
  );

  return {
    busy,
    nominate: (input, force) => write((guard) => api?.nominate(input, { ...guard, force })),
    cancel: (id, reason) => write((guard) => api?.cancelNomination({ id, reason }, guard)),
    link: (id, cargo, linked, force = false) =>
      write((guard) => api?.linkNomination({ id, cargo, linked }, { ...guard, force })),
  };
}

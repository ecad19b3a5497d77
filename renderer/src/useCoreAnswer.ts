/**
 * One answer of the core for a view, asked again whenever one of the view's dependencies changes (the
 * store replaces `info` on every reload, so a view that lists it follows a save made in any window).
 * An answer to a question the person has already left (another year, another month) is dropped.
 */
import { useEffect, useState, type DependencyList } from 'react';
import type { TransitApi } from '../../electron/core/api';
import { failureOf, type Failure } from './errors';

export type CoreAnswer<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; failure: Failure };

/** `ask` puts the question to the core; it is read at each change of `deps`, which must name all it uses. */
export function useCoreAnswer<T>(
  api: TransitApi | null,
  ask: (api: TransitApi) => Promise<T>,
  deps: DependencyList,
): CoreAnswer<T> {
  const [answer, setAnswer] = useState<CoreAnswer<T>>({ status: 'loading' });
  useEffect(() => {
    if (!api) return;
    let current = true;
    ask(api).then(
      (value) => current && setAnswer({ status: 'ready', value }),
      (error: unknown) => current && setAnswer({ status: 'failed', failure: failureOf(error) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `ask` is new each render; `deps` names what it reads.
  }, [api, ...deps]);
  return answer;
}

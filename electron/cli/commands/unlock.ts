/** `unlock`: works on the lock file alone, without reading the journal: it is what a stuck lock needs. */
import { unlockLedger } from '../../core/lock';
import { given } from '../args';
import type { Command } from '../command';
import { EXIT } from '../io';

export const unlock: Command = {
  kind: 'standalone',
  run({ invocation, ledgerPath, io }) {
    const outcome = unlockLedger(ledgerPath, { force: given(invocation, 'force') });
    (outcome.status === 'refused' ? io.err : io.out)(outcome.message);
    return outcome.status === 'refused' ? EXIT.ledger : EXIT.ok;
  },
};

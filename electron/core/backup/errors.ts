/**
 * A backup's failures as the page words them: a code and its facts (a path, a reason), with the
 * English for the command line and the log.
 */
import { TransitError, type ErrorCode } from '../errors';
import type { IssueFacts } from '../api';
import { diskTrouble } from '../journal/disk-words';

export function backupError(
  code: string,
  message: string,
  facts: IssueFacts = {},
  kind: ErrorCode = 'io',
): TransitError {
  return new TransitError(kind, message, [{ field: 'backup', code, message, facts }]);
}

/** A disk's refusal while writing a backup at `where`; a TransitError passes as it is. */
export function writeFailed(where: string, error: unknown): TransitError {
  if (error instanceof TransitError) return error;
  const reason = (error as NodeJS.ErrnoException).code ?? diskTrouble(error);
  return backupError('backup.write_failed', `The backup could not be written to ${where} (${reason}).`, {
    path: where,
    reason,
  });
}

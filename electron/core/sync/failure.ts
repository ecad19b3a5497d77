/**
 * Why a sync round stopped, in words for a person: the server could not be reached, or it refused
 * (wrong password, a station it does not admit, a database not set up). The command line exits 4.
 * Never carries a password: messages name the server by its address without credentials.
 */
export type SyncFailureKind = 'unreachable' | 'refused' | 'setup';

export class SyncFailure extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}

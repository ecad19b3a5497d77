/**
 * The one error type that crosses every boundary (CLI, IPC, HTTP). Its `code` is stable so a
 * transport can map it (exit code, HTTP status) and a UI can place `issues` next to their fields.
 */
export type ErrorCode =
  | 'invalid' // the input was refused; `issues` says which field and why
  | 'not_found' // no shipment with that id
  | 'conflict' // the action contradicts the ledger (already void, duplicate B/L number)
  | 'damaged' // the ledger file cannot be trusted as it is
  | 'locked' // another process holds the ledger
  | 'read_only' // this ledger was opened for reading only
  | 'io' // the disk refused a read or a write
  | 'sync' // the sync server cannot be reached, refuses, or no login is set; `issues[0].code` says which
  | 'forbidden' // the caller is not the app's own page (IPC sender, HTTP token or origin)
  | 'internal'; // a fault inside the app; the details went to the log, not to the person

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
  /** True when a person may confirm the value anyway (a 20,000 t cargo, with --force). */
  overridable?: boolean;
  /**
   * The specifics the message states that only the core knows (today at Aktau, the other cargo's
   * vessel, an age in days), so a page in another language can say the same thing without
   * reading them back out of the English sentence.
   */
  facts?: IssueFacts;
}

export type IssueFacts = Readonly<Record<string, string | number>>;

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  field?: string;
  issues?: FieldIssue[];
}

export class TransitError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'TransitError';
    this.code = code;
    this.issues = issues;
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.message };
    const first = this.issues[0];
    if (first) payload.field = first.field;
    if (this.issues.length > 0) payload.issues = this.issues.map((i) => ({ ...i }));
    return payload;
  }
}

export function invalid(issues: FieldIssue[], summary?: string): TransitError {
  const message = summary ?? issues.map((i) => i.message).join(' ');
  return new TransitError('invalid', message, issues);
}

/**
 * A failure about the ledger or the disk rather than one field (or about one field, when `field` is
 * given): `message` is the English of the command line and the log; its one issue carries a code
 * and the facts the message states, so a page says the same in its own language without reading
 * the English.
 */
export function stated(
  code: ErrorCode,
  issueCode: string,
  message: string,
  facts?: IssueFacts,
  field = '',
): TransitError {
  const issue: FieldIssue = { field, code: issueCode, message };
  if (facts) issue.facts = facts;
  return new TransitError(code, message, [issue]);
}

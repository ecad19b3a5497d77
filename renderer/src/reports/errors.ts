/**
 * What went wrong, in words: the renderer's ApiError and the plain `{code, message}` objects the
 * desktop bridge rejects with both carry a message written for people.
 */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof (error as { message: unknown }).message === 'string'
  ) {
    return (error as { message: string }).message;
  }
  return String(error);
}

/** What a failed file operation means, in words a clerk can act on; the errno itself where none fit. */
export function diskTrouble(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return 'the file or its folder cannot be written (check its permissions, or whether the drive is read-only)';
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full';
  if (code === 'ENOTDIR') return 'part of its folder path is a file, not a folder';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return code ?? (error as Error).message;
}

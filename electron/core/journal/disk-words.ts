/** What a failed file operation means, as a code a page words: the errno itself where none fits. */
export type DiskTrouble = 'not_writable' | 'disk_full' | 'not_a_folder' | 'is_a_folder' | 'other';

const WORDS: Record<Exclude<DiskTrouble, 'other'>, string> = {
  not_writable:
    'the file or its folder cannot be written (check its permissions, or whether the drive is read-only)',
  disk_full: 'the disk is full',
  not_a_folder: 'part of its folder path is a file, not a folder',
  is_a_folder: 'it is a folder, not a file',
};

function troubleOf(code: string | undefined): DiskTrouble {
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'not_writable';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (code === 'ENOTDIR') return 'not_a_folder';
  if (code === 'EISDIR') return 'is_a_folder';
  return 'other';
}

/** The trouble's code and the errno (or the error's own text when it has none): the facts of a disk failure. */
export function diskFacts(error: unknown): { trouble: DiskTrouble; reason: string } {
  const code = (error as NodeJS.ErrnoException).code;
  return { trouble: troubleOf(code), reason: code ?? (error as Error).message };
}

/** What a failed file operation means, in words a clerk can act on; the errno itself where none fit. */
export function diskTrouble(error: unknown): string {
  const { trouble, reason } = diskFacts(error);
  return trouble === 'other' ? reason : WORDS[trouble];
}

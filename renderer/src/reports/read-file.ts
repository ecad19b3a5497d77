/**
 * Reads a CSV the person picked in browser mode. Excel's "CSV UTF-8" is read as it is; a plain
 * "CSV" from Excel is in the Windows code page of the person's language, so a file that is not
 * valid UTF-8 is read in that code page instead (and the person is told), rather than importing
 * vessel names full of replacement characters.
 */
import type { Language } from '../settings';

export interface ReadFile {
  text: string;
  /** Set when the file was not UTF-8 and was read in this code page. */
  encoding: string | null;
}

const LEGACY_CODE_PAGE: Record<Language, string> = { en: 'windows-1252', ru: 'windows-1251', kk: 'windows-1251', az: 'windows-1254' };

function readAs<T extends 'text' | 'buffer'>(file: Blob, as: T): Promise<T extends 'text' ? string : ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as T extends 'text' ? string : ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    if (as === 'text') reader.readAsText(file, 'utf-8');
    else reader.readAsArrayBuffer(file);
  });
}

export async function readCsvFile(file: Blob, language: Language): Promise<ReadFile> {
  if (typeof TextDecoder === 'undefined') return { text: await readAs(file, 'text'), encoding: null };
  const bytes = await readAs(file, 'buffer');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: null };
  } catch {
    const encoding = LEGACY_CODE_PAGE[language];
    return { text: new TextDecoder(encoding).decode(bytes), encoding };
  }
}

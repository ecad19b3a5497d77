/**
 * Reads a CSV the person picked in browser mode as its bytes, for the core to decode. Not
 * `File.text()` nor a decoder here: both put U+FFFD in place of bytes that are not UTF-8, and a
 * guessed code page turns any file into some text. The core reads the file's encoding or refuses
 * it, naming the line and byte, as it does for the CLI and the desktop.
 */

/** The file's bytes as base64, the form the import request carries over IPC and HTTP alike. */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      // A data URL is `data:<type>;base64,<bytes>`: the browser does the encoding natively.
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

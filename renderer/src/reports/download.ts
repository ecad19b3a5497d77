/**
 * Browser mode's "save": the report's text as a UTF-8 file handed to the browser's downloads.
 * The content already starts with a BOM, so Excel reads it as UTF-8.
 */
export function downloadText(fileName: string, content: string, doc: Document = document): void {
  const blob = new Blob([content], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The browser has taken the file once the click returns; the URL is freed a moment later.
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

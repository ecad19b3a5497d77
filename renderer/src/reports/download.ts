/**
 * Browser mode's "save": the report handed to the browser's downloads. A CSV report's text already
 * starts with a BOM, so Excel reads it as UTF-8; a workbook arrives as base64 and leaves as bytes.
 */
import type { ExportedReport } from '../../../electron/core/api';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function blobOf(report: Pick<ExportedReport, 'content' | 'encoding' | 'format'>): Blob {
  if (report.encoding === 'base64') return new Blob([bytesOf(report.content)], { type: XLSX_TYPE });
  return new Blob([report.content], { type: 'text/csv;charset=utf-8' });
}

export function downloadReport(
  report: Pick<ExportedReport, 'fileName' | 'content' | 'encoding' | 'format'>,
  doc: Document = document,
): void {
  const url = URL.createObjectURL(blobOf(report));
  const link = doc.createElement('a');
  link.href = url;
  link.download = report.fileName;
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

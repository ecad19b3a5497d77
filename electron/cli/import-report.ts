/** What `import` prints: how the file was read, the rows a person must look at, one summary line. */
import type { ImportEncoding, ImportReport, ImportRowReport } from '../core/api';
import { ENCODING_LABELS, visible } from '../core/encoding';
import { t } from './output';

/** Problem rows listed one per line before the summary; the rest are counted, and --json lists every row. */
export const LISTED_IMPORT_PROBLEMS = 50;

const ENCODING_NOTES: Partial<Record<ImportEncoding, string>> = {
  'windows-1251':
    `Read as ${ENCODING_LABELS['windows-1251']}: the file is not UTF-8, ` +
    "and its letters are Russian in that code page (Russian Excel's plain CSV). " +
    `Check the vessel names afterwards; saving as CSV UTF-8 avoids the guess.`,
  'utf-16le': `Read as ${ENCODING_LABELS['utf-16le']}.`,
  'utf-16be': `Read as ${ENCODING_LABELS['utf-16be']}.`,
};

/** Invalid rows first, then accepted rows with a warning, then duplicates, then rows the file marks voided. */
const PROBLEM_ORDER: readonly ImportRowReport['outcome'][] = ['invalid', 'add', 'duplicate', 'skipped'];

function importRowLine(row: ImportRowReport, report: ImportReport): string {
  const what =
    row.outcome === 'add'
      ? report.dryRun
        ? 'would add'
        : report.committed
          ? 'added'
          : 'valid'
      : row.outcome;
  const notes = [...row.issues, ...row.warnings].map((issue) => issue.message).join(' ');
  const cargo = cargoParts(row);
  // Messages quote the file's cells: an escape sequence in one must not reach the terminal.
  return visible(
    `line ${row.line}: ${what}${cargo.length > 0 ? ` (${cargo.join(', ')})` : ''}${notes ? ` — ${notes}` : ''}`,
  );
}

/**
 * The row's cargo as read, so the person can find it: date, vessel, tonnes, B/L number; a cell the
 * core could not read as written, in quotes.
 */
function cargoParts(row: ImportRowReport): string[] {
  const date = row.blDate ?? (row.blDateText === null ? null : `"${row.blDateText}"`);
  const tonnes =
    row.netKg !== null ? t(row.netKg) : row.netTonnesText === null ? null : `"${row.netTonnesText}" t`;
  const bl = row.blNumber === null ? null : `B/L ${row.blNumber}`;
  return [date, row.vessel, tonnes, bl].filter((part): part is string => part !== null);
}

/** The rows past the listed ones, counted by kind: `… and 120 more rows not listed (100 invalid, 20 duplicate); …`. */
function unlistedLine(rest: readonly ImportRowReport[]): string {
  const count = (outcome: ImportRowReport['outcome']) => rest.filter((row) => row.outcome === outcome).length;
  const parts = [
    [count('invalid'), 'invalid'],
    [count('add'), 'with a warning'],
    [count('duplicate'), 'duplicate'],
    [count('skipped'), 'skipped'],
  ] as const;
  const kinds = parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(', ');
  return `… and ${rest.length} more rows not listed (${kinds}); --json lists every row.`;
}

/**
 * The rows a person must read, most serious first, at most LISTED_IMPORT_PROBLEMS of them: a
 * 50 MB sheet with one bad row shows that row, not 96 MB of lines about rows that are fine.
 */
function importProblemLines(report: ImportReport): string[] {
  const problems = report.rows.filter((row) => row.outcome !== 'add' || row.warnings.length > 0);
  problems.sort((a, b) => PROBLEM_ORDER.indexOf(a.outcome) - PROBLEM_ORDER.indexOf(b.outcome));
  const lines = problems.slice(0, LISTED_IMPORT_PROBLEMS).map((row) => importRowLine(row, report));
  const rest = problems.slice(LISTED_IMPORT_PROBLEMS);
  if (rest.length > 0) lines.push(unlistedLine(rest));
  return lines;
}

function summaryLine(report: ImportReport): string {
  const summary =
    `${report.added} to add, ${report.duplicates} duplicate, ${report.skipped} skipped, ` +
    `${report.invalid} invalid.`;
  if (report.fileIssues.length > 0) return 'Nothing was imported: fix the file and try again.';
  if (report.dryRun) return `Dry run, nothing written: ${summary}`;
  if (report.committed) return `Imported: ${summary}`;
  return `Nothing was imported because some rows are invalid: ${summary}`;
}

export function importText(report: ImportReport): string {
  const lines: string[] = [];
  const note = report.encoding === null ? undefined : ENCODING_NOTES[report.encoding];
  if (note) lines.push(note);
  for (const issue of report.fileIssues) lines.push(visible(`File: ${issue.message}`));
  lines.push(...importProblemLines(report), summaryLine(report));
  return lines.join('\n');
}

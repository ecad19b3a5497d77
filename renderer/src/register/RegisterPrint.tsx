/**
 * The register on paper. The screen's table is virtualised (only the rows in view exist), so
 * printing it gave one screenful, cut at the page's right edge. While the page is printed this
 * plain table takes its place: every row the filters show, in the screen's order, every column,
 * on A4 landscape with the header row repeated on each page, the filters and the total named at
 * the top, and "Page n of N" at the foot (the page margin boxes read their words from custom
 * properties on <html>, set here in the person's language).
 */
import { useLayoutEffect } from 'react';
import type { LedgerInfo, Shipment } from '../../../electron/core/api';
import { calendarDate, dateTime, keepUnit, tonnes } from '../format';
import { LOCALES, type Translate } from '../i18n';
import type { Language } from '../settings';
import type { FilterResult, RegisterFilters, SortKey, SortState } from './model';
import { monthLabel, pluralCategory, statusLabel } from './text';

const COLUMNS: readonly { key: SortKey; numeric?: boolean }[] = [
  { key: 'blDate' },
  { key: 'blNumber' },
  { key: 'vessel' },
  { key: 'voyage' },
  { key: 'grade' },
  { key: 'status' },
  { key: 'netKg', numeric: true },
  { key: 'outturnKg', numeric: true },
  { key: 'remarks' },
];

/** A CSS string literal: the margin boxes' text is set through a custom property. */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
}

/** "Page {page} of {pages}" as a `content` value: the words as strings, the numbers as counters. */
export function pageNumberContent(template: string): string {
  return template
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part),
    )
    .join(' ');
}

/** What the filters keep, in words: "Vessel: Astana · Month: March", or null when they keep everything. */
export function filterSummary(filters: RegisterFilters, t: Translate, language: Language): string | null {
  const parts: string[] = [];
  if (filters.vessel) parts.push(`${t('register.filters.vessel')}: ${filters.vessel}`);
  if (filters.grade) parts.push(`${t('register.filters.grade')}: ${filters.grade}`);
  if (filters.status) parts.push(`${t('register.filters.status')}: ${statusLabel(t, filters.status)}`);
  if (filters.station) parts.push(`${t('register.filter.station')}: ${filters.station}`);
  if (filters.month)
    parts.push(`${t('register.filters.month')}: ${monthLabel(language, Number(filters.month))}`);
  if (filters.text.trim()) parts.push(`${t('register.filters.search')}: “${filters.text.trim()}”`);
  if (filters.showVoided) parts.push(t('register.filters.showVoided'));
  return parts.length > 0 ? parts.join(' · ') : null;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export interface RegisterPrintProps {
  shipments: readonly Shipment[];
  result: FilterResult;
  filters: RegisterFilters;
  sort: SortState;
  year: number;
  info: LedgerInfo | null;
  language: Language;
  t: Translate;
  /** The moment of printing (ISO), said on the paper. */
  printedAt: string;
}

export function RegisterPrint({
  shipments,
  result,
  filters,
  sort,
  year,
  info,
  language,
  t,
  printedAt,
}: RegisterPrintProps) {
  const title = t('register.title', { year });
  useLayoutEffect(() => {
    const root = document.documentElement.style;
    root.setProperty('--print-page-number', pageNumberContent(t('print.pageOf')));
    root.setProperty('--print-running-title', cssString(`${t('app.title')} · ${title}`));
    return () => {
      root.removeProperty('--print-page-number');
      root.removeProperty('--print-running-title');
    };
  }, [t, title]);

  const count = result.rows.length;
  const summary = filterSummary(filters, t, language);
  const unit = t('unit.t');
  const arrow = sort.direction === 'asc' ? '▲' : '▼';
  return (
    // On paper the register takes the light tokens whatever the screen theme.
    <div className="register-print" data-testid="register-print" data-theme="light">
      <header className="register-print-head">
        <div>
          <h1 className="register-print-title">
            {title}
            {info?.demo && <span className="register-print-demo">{t('dashboard.print.demo')}</span>}
          </h1>
          <p className="register-print-filters">{summary ?? t('print.register.allRows', { year })}</p>
        </div>
        <p className="register-print-meta">
          {t('app.title')}
          {info && ` · ${fileName(info.path)}`}
          <br />
          {t('print.register.printed', { date: dateTime(language, printedAt) })}
        </p>
      </header>
      <table className="register-print-table" data-testid="register-print-table">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {keepUnit(t(`register.column.${column.key}`), t('unit.t'))}
                {sort.key === column.key && <span aria-hidden="true"> {arrow}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from(result.rows, (row) => {
            const s = shipments[row] as Shipment;
            return (
              <tr key={s.id} className={s.voided ? 'is-voided' : undefined}>
                <td className="register-print-date">{calendarDate(language, s.blDate)}</td>
                <td>{s.blNumber ?? '—'}</td>
                <td>{s.vessel}</td>
                <td>{s.voyage ?? '—'}</td>
                <td>{s.grade ?? '—'}</td>
                <td>{s.voided ? t('register.status.voided') : statusLabel(t, s.status)}</td>
                <td className="numeric">{tonnes(language, s.netKg)}</td>
                <td className="numeric">{s.outturnKg === null ? '—' : tonnes(language, s.outturnKg)}</td>
                <td>
                  {s.voided ? t('register.voidedBecause', { reason: s.voidReason ?? '' }) : (s.remarks ?? '')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="register-print-total">
        {t(`register.footer.${pluralCategory(language, count)}`, {
          count: count.toLocaleString(LOCALES[language]),
          total: `${tonnes(language, result.totalKg)}\u00a0${unit}`,
        })}
        {result.voidedCount > 0 &&
          ` · ${t('register.footer.voided', { count: result.voidedCount.toLocaleString(LOCALES[language]) })}`}
      </p>
    </div>
  );
}

/** Year against year as a workbook sheet: the CSV's columns and figures, with real numbers and a totals row. */
import type { YearComparison } from '../api';
import { yearsHeaders, yearsRows, yearsSheetName } from '../year-compare-report';
import type { WorkbookContext } from './reports';
import type { TableSheet } from './sheet';
import { headingNotes, workbookWord } from './words';

export function yearsTable(comparison: YearComparison, context: WorkbookContext): TableSheet {
  const { language } = context;
  const [month = '', ...figures] = yearsHeaders(comparison, language);
  const { months, totals } = yearsRows(comparison);
  return {
    name: yearsSheetName(language),
    title: `${yearsSheetName(language)}: ${comparison.year}`,
    notes: headingNotes(context),
    columns: [
      { header: month, kind: 'count' },
      ...figures.map((header) => ({ header, kind: 'tonnes' as const })),
    ],
    rows: months.map((row, m) => [m + 1, ...row]),
    totalLabel: workbookWord('total', language),
    totals: [null, ...totals],
  };
}

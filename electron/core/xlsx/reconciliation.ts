/**
 * The reconciliation as a workbook: the cargoes, the vessels and the months on a sheet each, with
 * the same words and figures as its CSV (reconcile-csv.ts). Totals are the core's own, over the
 * cargoes with an outturn, so a pending cargo's B/L tonnes never enter a loss total.
 */
import type { LossTotals, Reconciliation } from '../api';
import type { Language } from '../fields';
import { cargoStatus, reconciliationWord, type ReconciliationWord } from '../reconcile-csv';
import type { CellKind, CellValue, TableSheet } from './sheet';
import { groupsSheet, wordColumns, type SheetFrame } from './summary-sheet';
import { headingNotes, workbookWord } from './words';
import type { WorkbookContext } from './reports';

const SUMMARY: readonly [ReconciliationWord, CellKind][] = [
  ['cargoes', 'count'],
  ['pending', 'count'],
  ['blTonnes', 'tonnes'],
  ['outturnTonnes', 'tonnes'],
  ['lossTonnes', 'tonnes'],
  ['lossPercent', 'percent'],
  ['flagged', 'count'],
];

function summaryCells(totals: LossTotals): CellValue[] {
  const { cargoes, pending, blKg, outturnKg, lossKg, lossPercent, flagged } = totals;
  return [cargoes, pending, blKg, outturnKg, lossKg, lossPercent, flagged];
}

function columns(language: Language, spec: readonly [ReconciliationWord, CellKind][]) {
  return wordColumns(spec, (word) => reconciliationWord(word, language));
}

function statusOf(cargo: Reconciliation['cargoes'][number], language: Language): string {
  return reconciliationWord(cargoStatus(cargo), language);
}

/** The three sheets of a reconciliation, with the title, the as-of date, the allowance and the pending count on top. */
export function reconciliationTables(reconciliation: Reconciliation, context: WorkbookContext): TableSheet[] {
  const { language, year } = context;
  const { totals } = reconciliation;
  const frame: SheetFrame = {
    title: workbookWord('reconciliationTitle', language, { year }),
    notes: headingNotes(context, [
      `${reconciliationWord('allowance', language)}: ${reconciliation.lossAllowancePercent.toFixed(3)}`,
      workbookWord('pendingNote', language, { pending: totals.pending }),
    ]),
    totalLabel: workbookWord('total', language),
  };
  const cargoes: TableSheet = {
    ...frame,
    name: workbookWord('cargoesSheet', language),
    columns: columns(language, [
      ['blDate', 'date'],
      ['blNumber', 'text'],
      ['vessel', 'text'],
      ['blTonnes', 'tonnes'],
      ['outturnTonnes', 'tonnes'],
      ['lossTonnes', 'tonnes'],
      ['lossPercent', 'percent'],
      ['status', 'text'],
    ]),
    rows: reconciliation.cargoes.map((c) => [
      c.blDate,
      c.blNumber,
      c.vessel,
      c.blKg,
      c.outturnKg,
      c.lossKg,
      c.lossPercent,
      statusOf(c, language),
    ]),
    totals: [null, null, null, totals.blKg, totals.outturnKg, totals.lossKg, totals.lossPercent, null],
  };
  const byVessel = groupsSheet(
    frame,
    workbookWord('vesselsSheet', language),
    columns(language, [['vessel', 'text'], ...SUMMARY]),
    reconciliation.byVessel.map((v) => [v.vessel, v]),
    totals,
    summaryCells,
  );
  const byMonth = groupsSheet(
    frame,
    workbookWord('monthsSheet', language),
    columns(language, [['month', 'month'], ...SUMMARY]),
    reconciliation.byMonth.map((m) => [m.month, m]),
    totals,
    summaryCells,
  );
  return [cargoes, byVessel, byMonth];
}

/**
 * Vessels and voyages as a workbook: the vessels (with the total) and the cargoes on a sheet each,
 * with the same words and figures as its CSV (voyages-csv.ts). The totals are the core's own: an
 * average over the fleet is not a column sum.
 */
import type { Voyages, VoyageTotals } from '../api';
import type { Language } from '../fields';
import { voyagesWord, type VoyagesWord } from '../voyages-csv';
import type { CellKind, CellValue, TableSheet } from './sheet';
import { groupsSheet, wordColumns, type SheetFrame } from './summary-sheet';
import { headingNotes, workbookWord } from './words';
import type { WorkbookContext } from './reports';

const SUMMARY: readonly [VoyagesWord, CellKind][] = [
  ['cargoes', 'count'],
  ['tonnes', 'tonnes'],
  ['averageCargo', 'tonnes'],
  ['voyages', 'count'],
  ['discharged', 'count'],
  ['pending', 'count'],
  ['averageTransit', 'decimal'],
  ['averageTurnaround', 'decimal'],
];

function summaryCells(totals: VoyageTotals): CellValue[] {
  const { cargoes, netKg, averageCargoKg, voyages, discharged, pending } = totals;
  return [cargoes, netKg, averageCargoKg, voyages, discharged, pending, ...averages(totals)];
}

function averages(totals: VoyageTotals): CellValue[] {
  return [totals.averageTransitDays, totals.averageTurnaroundDays];
}

function columns(language: Language, spec: readonly [VoyagesWord, CellKind][]) {
  return wordColumns(spec, (word) => voyagesWord(word, language));
}

/** The vessels' sheet and the cargoes' sheet, with the title and the as-of date on top. */
export function vesselsTables(report: Voyages, context: WorkbookContext): TableSheet[] {
  const { language, year } = context;
  const frame: SheetFrame = {
    title: workbookWord('voyagesTitle', language, { year }),
    notes: headingNotes(context, []),
    totalLabel: workbookWord('total', language),
  };
  const vessels = groupsSheet(
    frame,
    workbookWord('vesselsSheet', language),
    columns(language, [['vessel', 'text'], ...SUMMARY]),
    report.byVessel.map((v) => [v.vessel, v]),
    report.totals,
    summaryCells,
  );
  const cargoes: TableSheet = {
    ...frame,
    name: workbookWord('cargoesSheet', language),
    columns: columns(language, [
      ['blDate', 'date'],
      ['blNumber', 'text'],
      ['vessel', 'text'],
      ['voyage', 'text'],
      ['tonnes', 'tonnes'],
      ['arrivalDate', 'date'],
      ['dischargeDate', 'date'],
      ['daysAtSea', 'count'],
      ['transitDays', 'count'],
    ]),
    rows: report.cargoes.map((c) => [
      c.blDate,
      c.blNumber,
      c.vessel,
      c.voyage,
      c.netKg,
      c.arrivalDate,
      c.dischargeDate,
      c.daysAtSea,
      c.transitDays,
    ]),
  };
  return [vessels, cargoes];
}

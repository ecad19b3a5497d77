/**
 * Vessels and voyages as a workbook: the vessels (with the total) and the cargoes on a sheet each,
 * with the same words and figures as its CSV (voyages-csv.ts). The totals are the core's own: an
 * average over the fleet is not a column sum.
 */
import type { Voyages, VoyageTotals } from '../api';
import type { Language } from '../fields';
import { voyagesWord, type VoyagesWord } from '../voyages-csv';
import type { CellKind, CellValue, SheetColumn, TableSheet } from './sheet';
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

function columns(language: Language, spec: readonly [VoyagesWord, CellKind][]): SheetColumn[] {
  return spec.map(([word, kind]) => ({ header: voyagesWord(word, language), kind }));
}

/** The vessels' sheet and the cargoes' sheet, with the title and the as-of date on top. */
export function vesselsTables(report: Voyages, context: WorkbookContext): TableSheet[] {
  const { language, year } = context;
  const total = workbookWord('total', language);
  const notes = headingNotes(context, []);
  const title = workbookWord('voyagesTitle', language, { year });
  const vessels: TableSheet = {
    name: workbookWord('vesselsSheet', language),
    title,
    notes,
    columns: columns(language, [['vessel', 'text'], ...SUMMARY]),
    rows: report.byVessel.map((v) => [v.vessel, ...summaryCells(v)]),
    totalLabel: total,
    totals: [null, ...summaryCells(report.totals)],
  };
  const cargoes: TableSheet = {
    name: workbookWord('cargoesSheet', language),
    title,
    notes,
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
    totalLabel: total,
  };
  return [vessels, cargoes];
}

/**
 * Vessels and voyages as a CSV report for Excel, in the reader's language: each vessel's year and
 * the total, then the cargoes with their dates and days, each block under its own header row.
 * Written by csv-table.ts with csv.ts's cells, so it is Excel-safe the same way (a BOM, `;` with decimal commas for
 * decimal-comma Excel, text guarded against formulas, tonnes to the kilogram).
 */
import type { CsvSeparator, Voyages, VoyageTotals } from './api';
import { csvFile, csvTable, type CsvTable } from './csv-table';
import type { Language, Translations } from './fields';

const WORDS = {
  vessel: { en: 'Vessel', ru: 'Танкер', az: 'Tanker', kk: 'Танкер' },
  total: { en: 'Total', ru: 'Итого', az: 'Cəmi', kk: 'Барлығы' },
  cargoes: { en: 'Cargoes', ru: 'Грузов', az: 'Yüklər', kk: 'Жүктер' },
  tonnes: { en: 'Net tonnes', ru: 'Масса нетто, т', az: 'Netto çəki, t', kk: 'Нетто салмағы, т' },
  averageCargo: { en: 'Average cargo, t', ru: 'Средний груз, т', az: 'Orta yük, t', kk: 'Орташа жүк, т' },
  voyages: { en: 'Voyages', ru: 'Рейсов', az: 'Reyslər', kk: 'Рейстер' },
  discharged: { en: 'Discharged', ru: 'Выгружено', az: 'Boşaldılıb', kk: 'Түсірілді' },
  pending: {
    en: 'Awaiting discharge',
    ru: 'Ожидают выгрузки',
    az: 'Boşaltma gözlənilir',
    kk: 'Түсіруді күтеді',
  },
  averageTransit: {
    en: 'Average transit, days',
    ru: 'Средний транзит, сут',
    az: 'Orta tranzit, gün',
    kk: 'Орташа транзит, тәулік',
  },
  averageTurnaround: {
    en: 'Average turnaround, days',
    ru: 'Средний оборот рейса, сут',
    az: 'Orta dövriyyə, gün',
    kk: 'Рейстің орташа айналымы, тәулік',
  },
  blDate: { en: 'B/L date', ru: 'Дата коносамента', az: 'Konosament tarixi', kk: 'Коносамент күні' },
  blNumber: { en: 'B/L number', ru: 'Номер коносамента', az: 'Konosament nömrəsi', kk: 'Коносамент нөмірі' },
  voyage: { en: 'Voyage', ru: 'Рейс', az: 'Reys', kk: 'Рейс' },
  arrivalDate: { en: 'Arrival date', ru: 'Дата прибытия', az: 'Gəlmə tarixi', kk: 'Келу күні' },
  dischargeDate: { en: 'Discharge date', ru: 'Дата выгрузки', az: 'Boşaltma tarixi', kk: 'Түсіру күні' },
  daysAtSea: { en: 'Days at sea', ru: 'В море, сут', az: 'Dənizdə, gün', kk: 'Теңізде, тәулік' },
  transitDays: { en: 'Transit, days', ru: 'Транзит, сут', az: 'Tranzit, gün', kk: 'Транзит, тәулік' },
} as const satisfies Readonly<Record<string, Translations>>;

export type VoyagesWord = keyof typeof WORDS;
type Word = VoyagesWord;

/** A word of the vessels report (its CSV and its workbook) in the reader's language. */
export function voyagesWord(key: VoyagesWord, language: Language): string {
  return WORDS[key][language];
}

/** A count of days to 1 decimal, whole days as they are; empty when there is none. */
function days(t: CsvTable, value: number | null): string {
  return t.decimal(value, 1, true);
}

function totalsCells(t: CsvTable, totals: VoyageTotals): string[] {
  return [
    String(totals.cargoes),
    t.tonnes(totals.netKg),
    t.tonnes(totals.averageCargoKg),
    String(totals.voyages),
    String(totals.discharged),
    String(totals.pending),
    days(t, totals.averageTransitDays),
    days(t, totals.averageTurnaroundDays),
  ];
}

export function voyagesCsv(report: Voyages, separator: CsvSeparator, language: Language = 'en'): string {
  const t = csvTable(separator, language);
  const header = (keys: readonly Word[]) => t.header(keys.map((key) => WORDS[key]));
  const lines: string[] = [
    header([
      'vessel',
      'cargoes',
      'tonnes',
      'averageCargo',
      'voyages',
      'discharged',
      'pending',
      'averageTransit',
      'averageTurnaround',
    ]),
  ];
  for (const vessel of report.byVessel) lines.push(t.row([t.text(vessel.vessel), ...totalsCells(t, vessel)]));
  lines.push(t.row([t.word(WORDS.total), ...totalsCells(t, report.totals)]));
  lines.push(
    '',
    header([
      'blDate',
      'blNumber',
      'vessel',
      'voyage',
      'tonnes',
      'arrivalDate',
      'dischargeDate',
      'daysAtSea',
      'transitDays',
    ]),
  );
  for (const cargo of report.cargoes) {
    lines.push(
      t.row([
        cargo.blDate,
        t.text(cargo.blNumber),
        t.text(cargo.vessel),
        t.text(cargo.voyage),
        t.tonnes(cargo.netKg),
        cargo.arrivalDate ?? '',
        cargo.dischargeDate ?? '',
        days(t, cargo.daysAtSea),
        days(t, cargo.transitDays),
      ]),
    );
  }
  return csvFile(lines);
}

/**
 * The reconciliation as a CSV report for Excel, in the reader's language: the cargoes, then the
 * vessels, the months and their total, each block under its own header row, a blank line between.
 * Written by csv-table.ts with csv.ts's cells, so it is Excel-safe the same way: a BOM, `;` with decimal commas for
 * decimal-comma Excel, text guarded against formulas, tonnes to the kilogram as numbers Excel sums.
 */
import type { CargoReconciliation, CsvSeparator, LossTotals, Reconciliation } from './api';
import { csvFile, csvTable, type CsvTable } from './csv-table';
import type { Language, Translations } from './fields';

type Words = Readonly<Record<string, Translations>>;

const WORDS = {
  blDate: { en: 'B/L date', ru: 'Дата коносамента', az: 'Konosament tarixi', kk: 'Коносамент күні' },
  blNumber: { en: 'B/L number', ru: 'Номер коносамента', az: 'Konosament nömrəsi', kk: 'Коносамент нөмірі' },
  vessel: { en: 'Vessel', ru: 'Судно', az: 'Gəmi', kk: 'Кеме' },
  month: { en: 'Month', ru: 'Месяц', az: 'Ay', kk: 'Ай' },
  total: { en: 'Total', ru: 'Итого', az: 'Cəmi', kk: 'Барлығы' },
  blTonnes: {
    en: 'B/L tonnes',
    ru: 'По коносаменту, т',
    az: 'Konosament üzrə, t',
    kk: 'Коносамент бойынша, т',
  },
  outturnTonnes: { en: 'Outturn tonnes', ru: 'При выгрузке, т', az: 'Boşaltmada, t', kk: 'Түсіруде, т' },
  lossTonnes: { en: 'Loss tonnes', ru: 'Потери, т', az: 'İtki, t', kk: 'Шығын, т' },
  lossPercent: { en: 'Loss %', ru: 'Потери, %', az: 'İtki, %', kk: 'Шығын, %' },
  status: { en: 'Status', ru: 'Состояние', az: 'Vəziyyət', kk: 'Күйі' },
  cargoes: {
    en: 'Cargoes with outturn',
    ru: 'Грузов с выгрузкой',
    az: 'Boşaldılmış yüklər',
    kk: 'Түсірілген жүктер',
  },
  pending: {
    en: 'Pending outturn',
    ru: 'Ожидают выгрузки',
    az: 'Boşaltma gözlənilir',
    kk: 'Түсіруді күтеді',
  },
  flagged: {
    en: 'Beyond allowance',
    ru: 'Сверх нормы',
    az: 'Normadan artıq',
    kk: 'Нормадан тыс',
  },
  within: { en: 'within allowance', ru: 'в пределах нормы', az: 'norma daxilində', kk: 'норма шегінде' },
  beyond: { en: 'beyond allowance', ru: 'сверх нормы', az: 'normadan artıq', kk: 'нормадан тыс' },
  awaiting: { en: 'pending', ru: 'ожидает выгрузки', az: 'boşaltma gözlənilir', kk: 'түсіруді күтеді' },
  gain: { en: 'gain', ru: 'излишек', az: 'artıq', kk: 'артық' },
  allowance: {
    en: 'Loss allowance, % of B/L',
    ru: 'Норма потерь, % от коносамента',
    az: 'İtki norması, konosamentin %-i',
    kk: 'Шығын нормасы, коносаменттің %-ы',
  },
} as const satisfies Words;

export type ReconciliationWord = keyof typeof WORDS;

/** A cargo's state as the reports word it: awaiting outturn, a gain (more received than loaded), beyond or within. */
export function cargoStatus(cargo: CargoReconciliation): ReconciliationWord {
  if (cargo.outturnKg === null || cargo.lossKg === null) return 'awaiting';
  if (cargo.lossKg < 0) return 'gain';
  return cargo.beyondAllowance ? 'beyond' : 'within';
}

/** A word of the reconciliation's reports (its CSV and its workbook) in the reader's language. */
export function reconciliationWord(key: ReconciliationWord, language: Language): string {
  return WORDS[key][language];
}

/** A percent to its 3 decimals; empty when there is none. */
function percent(t: CsvTable, value: number | null): string {
  return t.decimal(value, 3);
}

function totalsCells(t: CsvTable, totals: LossTotals): string[] {
  return [
    String(totals.cargoes),
    String(totals.pending),
    t.tonnes(totals.blKg),
    t.tonnes(totals.outturnKg),
    t.tonnes(totals.lossKg),
    percent(t, totals.lossPercent),
    String(totals.flagged),
  ];
}

export function reconciliationCsv(
  reconciliation: Reconciliation,
  separator: CsvSeparator,
  language: Language = 'en',
): string {
  const t = csvTable(separator, language);
  const header = (keys: readonly ReconciliationWord[]) => t.header(keys.map((key) => WORDS[key]));
  const summaryKeys = [
    'cargoes',
    'pending',
    'blTonnes',
    'outturnTonnes',
    'lossTonnes',
    'lossPercent',
    'flagged',
  ] as const;

  const lines: string[] = [
    header([
      'blDate',
      'blNumber',
      'vessel',
      'blTonnes',
      'outturnTonnes',
      'lossTonnes',
      'lossPercent',
      'status',
    ]),
  ];
  for (const cargo of reconciliation.cargoes) {
    lines.push(
      t.row([
        cargo.blDate,
        t.text(cargo.blNumber),
        t.text(cargo.vessel),
        t.tonnes(cargo.blKg),
        t.tonnes(cargo.outturnKg),
        t.tonnes(cargo.lossKg),
        percent(t, cargo.lossPercent),
        t.word(WORDS[cargoStatus(cargo)]),
      ]),
    );
  }
  lines.push('', header(['vessel', ...summaryKeys]));
  for (const vessel of reconciliation.byVessel)
    lines.push(t.row([t.text(vessel.vessel), ...totalsCells(t, vessel)]));
  lines.push('', header(['month', ...summaryKeys]));
  for (const month of reconciliation.byMonth) lines.push(t.row([month.month, ...totalsCells(t, month)]));
  // The total closes the months' block, under its columns.
  lines.push(t.row([t.word(WORDS.total), ...totalsCells(t, reconciliation.totals)]));
  lines.push('', t.row([t.word(WORDS.allowance), percent(t, reconciliation.lossAllowancePercent)]));
  return csvFile(lines);
}

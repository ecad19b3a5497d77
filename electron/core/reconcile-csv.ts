/**
 * The reconciliation as a CSV report for Excel, in the reader's language: the cargoes, then the
 * vessels, the months and their total, each block under its own header row, a blank line between.
 * Written with csv.ts's cells, so it is Excel-safe the same way: a BOM, `;` with decimal commas for
 * decimal-comma Excel, text guarded against formulas, tonnes to the kilogram as numbers Excel sums.
 */
import type { CargoReconciliation, CsvSeparator, LossTotals, Reconciliation } from './api';
import { BOM, decimalMarkFor, quoteIfNeeded, textField, tonnesField } from './csv';
import type { Language, Translations } from './fields';
import type { DecimalMark } from './quantity';

const CRLF = '\r\n';

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

/** A percent to its 3 decimals, with the file's decimal mark; empty when there is none. */
function percentField(value: number | null, mark: DecimalMark): string {
  if (value === null) return '';
  const text = value.toFixed(3);
  return mark === '.' ? text : text.replace('.', ',');
}

function totalsCells(totals: LossTotals, mark: DecimalMark): string[] {
  return [
    String(totals.cargoes),
    String(totals.pending),
    tonnesField(totals.blKg, mark),
    tonnesField(totals.outturnKg, mark),
    tonnesField(totals.lossKg, mark),
    percentField(totals.lossPercent, mark),
    String(totals.flagged),
  ];
}

export function reconciliationCsv(
  reconciliation: Reconciliation,
  separator: CsvSeparator,
  language: Language = 'en',
): string {
  const code = separator.charCodeAt(0);
  const mark = decimalMarkFor(separator);
  const word = (key: keyof typeof WORDS) => WORDS[key][language];
  const row = (cells: readonly string[]) => cells.join(separator);
  const header = (keys: readonly (keyof typeof WORDS)[]) =>
    row(keys.map((key) => quoteIfNeeded(word(key), code)));
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
    const status = cargoStatus(cargo);
    lines.push(
      row([
        cargo.blDate,
        textField(cargo.blNumber, code),
        textField(cargo.vessel, code),
        tonnesField(cargo.blKg, mark),
        tonnesField(cargo.outturnKg, mark),
        tonnesField(cargo.lossKg, mark),
        percentField(cargo.lossPercent, mark),
        quoteIfNeeded(word(status), code),
      ]),
    );
  }
  lines.push('', header(['vessel', ...summaryKeys]));
  for (const vessel of reconciliation.byVessel)
    lines.push(row([textField(vessel.vessel, code), ...totalsCells(vessel, mark)]));
  lines.push('', header(['month', ...summaryKeys]));
  for (const month of reconciliation.byMonth) lines.push(row([month.month, ...totalsCells(month, mark)]));
  // The total closes the months' block, under its columns.
  lines.push(row([quoteIfNeeded(word('total'), code), ...totalsCells(reconciliation.totals, mark)]));
  lines.push(
    '',
    row([quoteIfNeeded(word('allowance'), code), percentField(reconciliation.lossAllowancePercent, mark)]),
  );
  return BOM + lines.join(CRLF) + CRLF;
}

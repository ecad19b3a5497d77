/**
 * The dashboard's figures as text in the person's language: the core's kilograms and rates,
 * formatted and converted (kg → t, kt, Mt), never recomputed.
 */
import { calendarDate, decimal, integer, keepUnit, monthName, percent, tonnesShort } from '../format';
import type { Translate } from '../i18n';
import type { Language } from '../settings';
import { KG_PER_UNIT, tickDigits, type ChartUnit } from './chartData';

const MINUS = '\u2212';
/** Keeps a number and its unit on one line. */
const NBSP = '\u00a0';

export interface DashboardFormat {
  language: Language;
  /** "1.935 Mt", "82.3 kt", "9,960 t". */
  short(kg: number): string;
  /** "+82.3 kt", "−82.3 kt", "0 t". */
  signedShort(kg: number): string;
  /**
   * Whole tonnes, as management reads them: "1,935,235 t" (the register and the exports keep the
   * kilograms). Rounded half away from zero, so −0.5 t is "−1 t" and a figure never reads "−0".
   */
  tonnes(kg: number): string;
  /** "160,000" (no unit: table cells under a unit header). */
  tonnesNumber(kg: number): string;
  /** "+12,346", "−12,346", "0". */
  signedTonnesNumber(kg: number): string;
  /** kg per day as whole tonnes per day: "5,810 t/day". */
  perDay(kgPerDay: number): string;
  percent(value: number): string;
  signedPercent(value: number): string;
  integer(value: number): string;
  date(iso: string): string;
  month(month: string, style?: 'short' | 'long'): string;
  /** Three letters for an axis, whatever the language's own abbreviation: "Sep", "фев", "iyn". */
  axisMonth(month: string): string;
  unit(unit: ChartUnit): string;
  /** A column header ending in its unit ("Plan, t"), the unit held to the word before it. */
  columnLabel(label: string): string;
  /** An axis tick in a chart unit, with as many decimals as the axis steps need. */
  tick(value: number, all: readonly number[]): string;
}

/** Kilograms as whole tonnes, half away from zero: the figure a management table shows. */
export function wholeTonnes(kg: number): number {
  const rounded = Math.round(Math.abs(kg) / KG_PER_UNIT.t);
  return kg < 0 && rounded !== 0 ? -rounded : rounded;
}

function sign(value: number): string {
  if (value > 0) return '+';
  if (value < 0) return MINUS;
  return '';
}

export function dashboardFormat(language: Language, t: Translate): DashboardFormat {
  const whole = (kg: number) => {
    const value = wholeTonnes(kg);
    return `${value < 0 ? MINUS : ''}${integer(language, Math.abs(value))}`;
  };
  // A unit of two words ("тыс. т") is one word too: no line ends inside a figure.
  const unitText = (unit: ChartUnit | 'perDay') => t(`unit.${unit}`).replace(/ /g, NBSP);
  const short = (kg: number) => {
    const { value, unit } = tonnesShort(language, Math.abs(kg));
    return `${kg < 0 ? MINUS : ''}${value}${NBSP}${unitText(unit)}`;
  };
  return {
    language,
    short,
    signedShort: (kg) => `${sign(kg)}${short(Math.abs(kg))}`,
    tonnes: (kg) => `${whole(kg)}${NBSP}${unitText('t')}`,
    tonnesNumber: whole,
    signedTonnesNumber: (kg) => `${sign(wholeTonnes(kg))}${integer(language, Math.abs(wholeTonnes(kg)))}`,
    perDay: (kgPerDay) =>
      `${integer(language, Math.round(kgPerDay / KG_PER_UNIT.t))}${NBSP}${unitText('perDay')}`,
    percent: (value) => `${value < 0 ? MINUS : ''}${percent(language, Math.abs(value))}`,
    signedPercent: (value) => `${sign(Number(value.toFixed(1)))}${percent(language, Math.abs(value))}`,
    integer: (value) => integer(language, value),
    // "30 нояб. 2026 г." is one item in a sentence: it never breaks across lines.
    date: (iso) => calendarDate(language, iso).replace(/ /g, NBSP),
    month: (month, style = 'short') => monthName(language, month, style),
    axisMonth: (month) => monthName(language, month, 'short').replace(/\./g, '').slice(0, 3),
    unit: (unit) => unitText(unit),
    columnLabel: (label) => keepUnit(label, t('unit.t')),
    tick: (value, all) => decimal(language, value, tickDigits(all)),
  };
}

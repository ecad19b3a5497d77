/** The plan's twelve months: their order, their names in the page's language, and what they add up to. */
import { readQuantity } from '../../../electron/core/quantity';
import { monthName } from '../format';
import { LOCALES, type Translate } from '../i18n';
import type { Language } from '../settings';

/** 0 = January. */
export const MONTHS: readonly number[] = Array.from({ length: 12 }, (_, i) => i);
export const EMPTY_PLAN: readonly string[] = MONTHS.map(() => '');

function capitalised(text: string, language: Language): string {
  return text.charAt(0).toLocaleUpperCase(LOCALES[language]) + text.slice(1);
}

/** "Январь": month `i` (0-based) of `year`, as a label. */
export function planMonthName(t: Translate, language: Language, year: number, i: number): string {
  const name = monthName(language, `${year}-${String(i + 1).padStart(2, '0')}`, 'long');
  // A browser without the language's calendar data answers "M01"; the app's own names stand in.
  return /\d/.test(name) ? t(`settings.month.${i + 1}`) : capitalised(name, language);
}

/** Kilograms of a typed figure as the core reads it (`2 200 000,5`, `2,200,000.5`), or null when it cannot say. */
export function typedKg(text: string): number | null {
  if (text.trim() === '') return null;
  const reading = readQuantity(text);
  return reading.ok ? reading.kg : null;
}

export interface PlanSum {
  /** Kilograms of the months that hold a readable figure. */
  kg: number;
  /** How many of the twelve months that is. */
  counted: number;
  /** Months (0-based) whose text could not be read as tonnes, or could be read two ways. */
  unreadable: number[];
}

/** What the plan adds up to as the person types: guidance on screen; the core decides on save. */
export function planSum(figures: readonly string[]): PlanSum {
  let kg = 0;
  let counted = 0;
  const unreadable: number[] = [];
  figures.forEach((text, month) => {
    if (text.trim() === '') return;
    const value = typedKg(text);
    if (value === null) unreadable.push(month);
    else {
      kg += value;
      counted++;
    }
  });
  return { kg, counted, unreadable };
}

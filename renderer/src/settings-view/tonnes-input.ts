/**
 * Tonnes as a person types them into the targets form. Nothing here decides validity (the core's
 * targets rules do); this only prepares the text — decimal comma to point, digit-group spaces
 * dropped — and reads it back for the plan's running sum, which is guidance shown on screen.
 */
import { acceptDecimalComma } from '../entry/fields';
import { formatKgAsTonnes, parseTonnesText } from '../../../electron/core/quantity';
import type { Language } from '../settings';

/** "2 200 000,5" → "2200000.5": what is sent to the core. */
export function normaliseTonnes(text: string): string {
  // Group spaces go; a comma is read as decimal by the same rule as the entry form, so "9,959" is
  // sent as typed (and refused by the core) rather than guessed to be 9.959 t.
  return acceptDecimalComma(text.replace(/[\s\u00a0\u202f]/g, ''));
}

/** A saved figure back in the form: no trailing zeros, the language's decimal mark. */
export function tonnesForInput(kg: number, language: Language): string {
  const [whole, fraction = ''] = formatKgAsTonnes(kg).split('.');
  const trimmed = fraction.replace(/0+$/, '');
  if (!trimmed) return whole ?? '';
  return `${whole}${language === 'en' ? '.' : ','}${trimmed}`;
}

/** Kilograms of a typed figure, or null when it is blank or not a plain number. */
export function typedKg(text: string): number | null {
  const normalised = normaliseTonnes(text);
  if (normalised === '') return null;
  const parsed = parseTonnesText(normalised);
  return parsed.ok ? parsed.kg : null;
}

export interface PlanSum {
  /** Kilograms of the months that hold a readable figure. */
  kg: number;
  /** How many of the twelve months that is. */
  counted: number;
  /** Months (0-based) whose text could not be read as tonnes. */
  unreadable: number[];
}

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

/**
 * The reconciliation's figures as text in the page's language: a cargo's tonnes to the kilogram
 * (as the register shows them), a summary's in whole tonnes (as management views do), and a loss
 * percent to the core's 3 decimals. Formatting only: every figure is the core's.
 */
import { decimal, tonnes } from '../format';
import type { Language } from '../settings';
import { wholeTonnes } from '../dashboard/formatters';
import { integer } from '../format';

const MINUS = '\u2212';

/** Exact tonnes with a true minus sign for a gain: "39,500", "−1,200". */
export function cargoTonnes(language: Language, kg: number): string {
  return kg < 0 ? `${MINUS}${tonnes(language, -kg)}` : tonnes(language, kg);
}

/** Whole tonnes: "16,981", "−1". */
export function summaryTonnes(language: Language, kg: number): string {
  const whole = wholeTonnes(kg);
  return `${whole < 0 ? MINUS : ''}${integer(language, Math.abs(whole))}`;
}

/** "0.566%", "0,566%", "−0.011%". */
export function lossPercent(language: Language, value: number): string {
  return `${value < 0 ? MINUS : ''}${decimal(language, Math.abs(value), 3)}%`;
}

/** The allowance as a person writes it: "0.5%", "0,25%". */
export function allowancePercent(language: Language, value: number): string {
  const digits = Math.min(3, (String(value).split('.')[1] ?? '').length);
  return `${decimal(language, value, digits)}%`;
}

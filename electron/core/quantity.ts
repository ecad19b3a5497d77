/**
 * Quantities are integer kilograms from parse to sum, so a year's total is exact. They become
 * decimal tonnes only here, when shown or written out.
 */
export const KG_PER_TONNE = 1000;

export type TonnesParse = { ok: true; kg: number } | { ok: false; reason: 'format' | 'precision' | 'range' };

const TONNES_TEXT = /^(\d+)(?:\.(\d+))?$/;

/** Parses decimal tonnes written with a point ("9959.5") into kilograms, refusing anything finer than a kilogram. */
export function parseTonnesText(text: string): TonnesParse {
  const match = TONNES_TEXT.exec(text);
  if (!match) return { ok: false, reason: 'format' };
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > 3 && !/^0*$/.test(fraction.slice(3))) return { ok: false, reason: 'precision' };
  const kg = Number(whole) * KG_PER_TONNE + Number(fraction.slice(0, 3).padEnd(3, '0'));
  if (!Number.isSafeInteger(kg)) return { ok: false, reason: 'range' };
  return { ok: true, kg };
}

/** Tonnes given as a JS number (JSON, IPC). The shortest decimal form of the number decides its precision. */
export function parseTonnesNumber(value: number): TonnesParse {
  if (!Number.isFinite(value)) return { ok: false, reason: 'format' };
  if (value < 0) return { ok: false, reason: 'format' };
  const text = String(value);
  if (/e/i.test(text)) {
    // 1e-7 or 1e21: either finer than a kilogram or absurd; both refused.
    return { ok: false, reason: value < 1 ? 'precision' : 'range' };
  }
  return parseTonnesText(text);
}

/** "9959.500" (or "9959,500" with a decimal comma): always three decimals, never a thousands separator. */
export function formatKgAsTonnes(kg: number, decimalMark: '.' | ',' = '.'): string {
  const sign = kg < 0 ? '-' : '';
  const abs = Math.abs(Math.round(kg));
  const whole = Math.floor(abs / KG_PER_TONNE);
  const rest = abs % KG_PER_TONNE;
  return `${sign}${whole}${decimalMark}${String(rest).padStart(3, '0')}`;
}

/** Tonnes as a JS number, for JSON output and charts; exact for any kilogram count below 2^53. */
export function kgToTonnes(kg: number): number {
  return Math.round(kg) / KG_PER_TONNE;
}

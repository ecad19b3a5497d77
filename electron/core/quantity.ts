import type { FieldIssue } from './errors';

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

// ---------------------------------------------------------------------------------------------
// Reading a quantity as people write it

export type DecimalMark = '.' | ',';

/**
 * What a typed quantity means, in thousandths of its unit (kilograms for tonnes). An `ambiguous`
 * reading is a question, not a failure to read: `9,959` is 9959 with a thousands separator or
 * 9.959 with a decimal comma, and only the person knows which. Both answers come with it.
 */
export type QuantityReading =
  | { ok: true; kg: number }
  | { ok: false; reason: 'format' | 'precision' | 'range' }
  | { ok: false; reason: 'ambiguous'; asThousandsKg: number; asDecimalKg: number };

export interface QuantityContext {
  /**
   * The decimal mark the source is known to use: a `;` CSV file (decimal-comma Excel) says `,`, a
   * `,` file says `.`. Only this settles `9,959`; a form, a flag or a JSON figure leave it unset.
   */
  decimalMark?: DecimalMark;
}

// Digit-group spaces as Russian, Azerbaijani and Kazakh software writes them: space, no-break
// space (U+00A0), narrow no-break space (U+202F) and thin space (U+2009).
const GROUP_SPACES = /[ \u00a0\u202f\u2009]/g;
const DIGITS = /^\d+$/;
// A group separator has 1-3 digits before its first use, never beginning with 0: nobody writes `0 200 000`.
const SPACE_GROUPED = /^[1-9]\d{0,2}(?: \d{3})+$/;
const PLAIN = /^(\d+)(?:([.,])(\d+))?$/;

/** Whole and fraction digits of an unsigned quantity; null when its marks fit no way of writing it. */
type Split = { whole: string; fraction: string } | { ambiguous: { whole: string; fraction: string } } | null;

/** `1.234.567`, `1,234,567`: one mark used between every group of three, so it is a separator. */
function groupedBy(text: string, mark: DecimalMark): string | null {
  const groups = text.split(mark);
  const [lead = '', ...rest] = groups;
  if (!/^[1-9]\d{0,2}$/.test(lead) || !rest.every((group) => /^\d{3}$/.test(group))) return null;
  return groups.join('');
}

/** Splits text with both marks: the last one is the decimal mark, the other separates thousands. */
function splitBothMarks(text: string): Split {
  const decimalAt = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
  const decimal = text[decimalAt] as DecimalMark;
  const whole = groupedBy(text.slice(0, decimalAt), decimal === '.' ? ',' : '.');
  const fraction = text.slice(decimalAt + 1);
  return whole !== null && DIGITS.test(fraction) ? { whole, fraction } : null;
}

/** Splits a number with one mark once: decimal, unless it could also separate thousands. */
function splitOneMark(whole: string, fraction: string, mark: DecimalMark, context: QuantityContext): Split {
  // A thousands separator has 1-3 digits before it (not a lone 0, not a leading 0) and 3 after.
  const couldGroup = fraction.length === 3 && whole.length <= 3 && whole.charCodeAt(0) !== 0x30;
  if (!couldGroup || context.decimalMark === mark) return { whole, fraction };
  if (context.decimalMark !== undefined) return { whole: whole + fraction, fraction: '' };
  return { ambiguous: { whole, fraction } };
}

function splitUnsigned(text: string, context: QuantityContext): Split {
  if (text.includes(' ')) {
    // Spaces separate thousands, so a mark after them can only be the decimal mark.
    const match = /^([\d ]+)(?:[.,](\d+))?$/.exec(text);
    if (!match || !SPACE_GROUPED.test(match[1] ?? '')) return null;
    return { whole: (match[1] ?? '').replace(/ /g, ''), fraction: match[2] ?? '' };
  }
  const points = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  if (points === 0 && commas === 0) return DIGITS.test(text) ? { whole: text, fraction: '' } : null;
  if (points > 0 && commas > 0) return splitBothMarks(text);
  const mark: DecimalMark = points > 0 ? '.' : ',';
  if (points + commas > 1) {
    const whole = groupedBy(text, mark);
    return whole === null ? null : { whole, fraction: '' };
  }
  const [whole = '', fraction = ''] = text.split(mark);
  return DIGITS.test(whole) && DIGITS.test(fraction) ? splitOneMark(whole, fraction, mark, context) : null;
}

/** Thousandths from digits, refusing a fraction finer than that (trailing zeros are fine). */
function toThousandths(whole: string, fraction: string, sign: 1 | -1): QuantityReading {
  if (fraction.length > 3 && !/^0*$/.test(fraction.slice(3))) return { ok: false, reason: 'precision' };
  const kg = Number(whole) * KG_PER_TONNE + Number(fraction.slice(0, 3).padEnd(3, '0'));
  if (!Number.isSafeInteger(kg)) return { ok: false, reason: 'range' };
  // `-0` would print as 0 but compare oddly; a zero has no sign.
  return { ok: true, kg: kg === 0 ? 0 : sign * kg };
}

/**
 * The one reader of a quantity typed by a person or found in a file: `9959.5`, `9 959,5`,
 * `9,959.5`, `9.959,5`, with ordinary, no-break or narrow no-break spaces between thousands, a
 * leading + or -, or a JSON number. Returns thousandths of the unit (kilograms for tonnes); the
 * caller decides which values are allowed (zero, negatives).
 */
export function readQuantity(value: string | number, context: QuantityContext = {}): QuantityReading {
  if (typeof value === 'number') {
    const parsed = parseTonnesNumber(Math.abs(value));
    return parsed.ok && value < 0 ? { ok: true, kg: -parsed.kg } : parsed;
  }
  const trimmed = value.trim();
  // Most figures are plain digits with at most one mark (`9959,5`): read without the general path.
  const plain = PLAIN.exec(trimmed);
  if (plain) {
    const [, whole = '', mark, fraction = ''] = plain;
    return fromSplit(
      mark === undefined
        ? { whole, fraction: '' }
        : splitOneMark(whole, fraction, mark as DecimalMark, context),
      1,
    );
  }
  const spaced = trimmed.replace(GROUP_SPACES, ' ');
  const sign = /^[-\u2212]/.test(spaced) ? -1 : 1;
  return fromSplit(splitUnsigned(spaced.replace(/^[-+\u2212]/, ''), context), sign);
}

/**
 * The decimal mark a written figure shows beyond doubt, or null: `9959,500`, `9,5`, `9 959,5` and
 * `9.959,5` show a comma; `1,234,567` shows a point (its commas group thousands); `9,959` and
 * `6980` show nothing. How an imported file's own figures say which mark it uses.
 */
export function decimalMarkShown(value: string): DecimalMark | null {
  const text = value
    .trim()
    .replace(GROUP_SPACES, ' ')
    .replace(/^[-+\u2212]/, '');
  if (!/^\d[\d., ]*$/.test(text)) return null;
  const lastPoint = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastPoint >= 0 && lastComma >= 0) return lastPoint > lastComma ? '.' : ',';
  if (lastPoint < 0 && lastComma < 0) return null;
  const mark: DecimalMark = lastPoint >= 0 ? '.' : ',';
  const [whole = '', fraction, ...more] = text.split(mark);
  if (more.length > 0) return mark === '.' ? ',' : '.';
  if (whole.includes(' ')) return mark;
  const couldGroup = fraction?.length === 3 && whole.length <= 3 && !whole.startsWith('0');
  return couldGroup ? null : mark;
}

/** The reading of the digits a split found, or why there is none (or why there are two). */
function fromSplit(split: Split, sign: 1 | -1): QuantityReading {
  if (split === null) return { ok: false, reason: 'format' };
  if ('ambiguous' in split) {
    const { whole, fraction } = split.ambiguous;
    const asThousands = toThousandths(whole + fraction, '', sign);
    const asDecimal = toThousandths(whole, fraction, sign);
    if (!asThousands.ok || !asDecimal.ok) return { ok: false, reason: 'range' };
    return { ok: false, reason: 'ambiguous', asThousandsKg: asThousands.kg, asDecimalKg: asDecimal.kg };
  }
  return toThousandths(split.whole, split.fraction, sign);
}

/**
 * A quantity as text readQuantity gives back exactly, without a question: the shortest decimal
 * with a point (`9959.5`, `6980`), except that a fraction of exactly three digits after at most
 * three whole digits gets a fourth, zero digit (`9.9590`), since `9.959` would be asked about.
 * What an edit form starts from and what a person is told to write.
 */
export function quantityInputText(kg: number): string {
  const [whole = '', fraction = ''] = formatKgAsTonnes(kg).replace(/^-/, '').split('.');
  const sign = kg < 0 ? '-' : '';
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed === '') return `${sign}${whole}`;
  const padded = trimmed.length === 3 && whole.length <= 3 && whole !== '0' ? `${trimmed}0` : trimmed;
  return `${sign}${whole}.${padded}`;
}

/**
 * "9,959": the question that replaces a guess. The facts give both readings in thousandths (kg
 * for tonnes), so a form can offer them as two choices; the message tells a CLI user what to type.
 */
export function ambiguityIssue(
  field: string,
  name: string,
  text: string,
  reading: Extract<QuantityReading, { reason: 'ambiguous' }>,
  unit: string,
): FieldIssue {
  const mark = text.includes(',') ? 'comma' : 'point';
  // As an English sentence writes them (a point for decimals), without trailing zeros.
  const shortest = (kg: number) => formatKgAsTonnes(kg).replace(/\.?0+$/, '');
  const thousands = shortest(reading.asThousandsKg);
  const decimal = shortest(reading.asDecimalKg);
  const message =
    `${name} "${text}" could be ${thousands} ${unit} (the ${mark} separating thousands) ` +
    `or ${decimal} ${unit} (a decimal ${mark}). ` +
    `Write ${quantityInputText(reading.asThousandsKg)} for ${thousands} ${unit}, ` +
    `or ${quantityInputText(reading.asDecimalKg)} for ${decimal} ${unit}.`;
  const facts = { value: text, asThousandsKg: reading.asThousandsKg, asDecimalKg: reading.asDecimalKg };
  return { field, code: `${field}.ambiguous`, message, facts };
}

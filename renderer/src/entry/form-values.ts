/**
 * A shipment as the entry form and the edit dialog hold it: one text per row of the core's field
 * table (electron/core/fields.ts), in the table's order, the main group first. Nothing here decides
 * what is valid: the text goes to the core as typed, and the core reads it (dates as DD.MM.YYYY or
 * YYYY-MM-DD, quantities as 9 959,5 or 9,959.5) and answers with issues and questions.
 */
import type { Shipment, ShipmentInput } from '../../../electron/core/api';
import { readDate } from '../../../electron/core/calendar';
import {
  CARRY_OVER_KEYS,
  enumValue,
  FIELDS,
  fieldSpec,
  inputKeyOf,
  type FieldSpec,
  type InputKey,
} from '../../../electron/core/fields';
import { readQuantity } from '../../../electron/core/quantity';
import { formStatusForDates } from '../../../electron/core/voyage-dates';
import { calendarDate, quantityInput } from '../format';
import type { EntryDefaults, Language } from '../settings';

export type FormValues = Readonly<Record<InputKey, string>>;

/** The fields a form shows at once, and those under "More details", each in the table's order. */
export const MAIN_FIELDS: readonly FieldSpec[] = FIELDS.filter((spec) => spec.group === 'main');
export const MORE_FIELDS: readonly FieldSpec[] = FIELDS.filter((spec) => spec.group === 'more');
/** Tab order, and the order in which a refusal's first field is found. */
export const FORM_KEYS: readonly InputKey[] = [...MAIN_FIELDS, ...MORE_FIELDS].map((spec) => spec.key);
/** Where a form starts, and where it goes back to after a save. */
export const FIRST_KEY = FORM_KEYS[0] as InputKey;

const MORE_KEYS: ReadonlySet<string> = new Set(MORE_FIELDS.map((spec) => spec.key));

export function isMoreField(key: InputKey | null): boolean {
  return key !== null && MORE_KEYS.has(key);
}

/** The form field an issue from the core belongs to (input or stored name), or null for the form as a whole. */
export function fieldOfIssue(field: string): InputKey | null {
  return inputKeyOf(field) ?? null;
}

function fromRows(value: (spec: FieldSpec) => string): FormValues {
  return Object.fromEntries(FIELDS.map((spec) => [spec.key, value(spec)])) as Record<InputKey, string>;
}

/** A carried value the field can start with: text as it was, an enum only when it is one of its values. */
function carried(spec: FieldSpec, defaults: EntryDefaults, language: Language): string | null {
  const value = spec.carryOver ? defaults[spec.key] : undefined;
  if (typeof value !== 'string' || value.trim() === '') return null;
  if (spec.kind === 'date') {
    // Kept as YYYY-MM-DD, shown the language's way; a date that cannot be read starts at today.
    const reading = readDate(value);
    return reading.ok ? calendarDate(language, reading.date) : null;
  }
  return spec.kind === 'enum' ? enumValue(spec.key, value) : value;
}

/**
 * A fresh form: what the last entry carried (the B/L date
 * too), else the row's default; a date else starts at today.
 */
export function initialValues(defaults: EntryDefaults, today: string, language: Language): FormValues {
  return fromRows((spec) => {
    const last = carried(spec, defaults, language);
    if (last !== null) return last;
    // The B/L date starts at today; a voyage date stays blank until it happens.
    if (spec.kind === 'date' && spec.required === true) return calendarDate(language, today);
    return 'default' in spec && spec.default !== undefined ? spec.default : '';
  });
}

/** A recorded shipment as text to edit: dates and quantities as the language writes them. */
export function valuesFromShipment(shipment: Shipment, language: Language): FormValues {
  return fromRows((spec) => {
    const value = shipment[spec.stored];
    if (value === null) return '';
    if (spec.kind === 'date') return calendarDate(language, String(value));
    if (spec.kind === 'quantity') return quantityInput(language, Number(value));
    if (spec.kind === 'decimal') return quantityInput(language, Math.round(Number(value) * 1000));
    return String(value);
  });
}

/** What the entry form sends: every field's text as typed, blank fields left out. */
export function entryInput(values: FormValues): ShipmentInput {
  const input: Record<string, string> = {};
  for (const key of FORM_KEYS) if (values[key].trim() !== '') input[key] = values[key];
  return input;
}

/**
 * What a person means by a field's text, to tell an edit from a retyping: a date or a figure as
 * the core's own readers take it (`9959,5` is `9959.500`), other text trimmed and, unless it keeps
 * its lines, with its runs of spaces as one.
 */
function meaning(spec: FieldSpec, text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (spec.kind === 'date') {
    const reading = readDate(trimmed);
    if (reading.ok) return reading.date;
  }
  if (spec.kind === 'quantity' || spec.kind === 'decimal') {
    const reading = readQuantity(trimmed);
    if (reading.ok) return `#${reading.kg}`;
  }
  return spec.kind === 'text' && spec.multiline ? trimmed : trimmed.replace(/\s+/g, ' ');
}

/** Only what the person changed, as the core's amendment input, as typed; a field emptied is sent as null. */
export function changedInput(initial: FormValues, values: FormValues): ShipmentInput {
  const changes: Record<string, string | null> = {};
  for (const spec of FIELDS) {
    if (meaning(spec, initial[spec.key]) === meaning(spec, values[spec.key])) continue;
    changes[spec.key] = values[spec.key].trim() === '' ? null : values[spec.key];
  }
  return changes;
}

/**
 * What the next cargo starts with: the carry-over fields as this one had them, a date as YYYY-MM-DD.
 * A status its voyage dates decided is not carried: the next cargo has no dates yet, so it starts loaded.
 */
export function carriedDefaults(values: FormValues): EntryDefaults {
  const dated = values.arrivalDate.trim() !== '' || values.dischargeDate.trim() !== '';
  return Object.fromEntries(
    CARRY_OVER_KEYS.map((key) => {
      if (key === 'status' && dated) return [key, 'loaded'];
      const text = values[key].trim();
      const reading = fieldSpec(key)?.kind === 'date' ? readDate(text) : null;
      return [key, reading?.ok ? reading.date : text];
    }),
  );
}

export function sameValues(a: FormValues, b: FormValues): boolean {
  return FORM_KEYS.every((key) => a[key] === b[key]);
}

/**
 * The values after a person set `key` to `text`: a voyage date changed moves the status to what the
 * dates decide (the core's rule), so a status is not typed twice; any other field changes alone.
 */
export function withChange(values: FormValues, key: InputKey, text: string): FormValues {
  const next = { ...values, [key]: text };
  if (key !== 'arrivalDate' && key !== 'dischargeDate') return next;
  return { ...next, status: formStatusForDates(next.arrivalDate, next.dischargeDate, next.status) };
}

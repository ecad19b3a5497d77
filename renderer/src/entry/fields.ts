/**
 * The entry form's fields, in the order a clerk reads a bill of lading, and the one change the
 * form makes to what was typed before the core sees it: a decimal comma becomes a point.
 */
import { SHIPMENT_STATUSES, type ShipmentInput, type ShipmentStatus } from '../../../electron/core/api';
import {
  DEFAULT_DISCHARGE_TERMINAL,
  DEFAULT_LOAD_PORT,
  DEFAULT_RECEIVER,
  DEFAULT_SHIPPER,
} from '../../../electron/core/defaults';
import type { EntryDefaults } from '../settings';

/** Tab order: the B/L's own fields first, then the "More details" group. */
export const MAIN_FIELDS = [
  'blDate',
  'blNumber',
  'vessel',
  'voyage',
  'grade',
  'netTonnes',
  'status',
] as const;
export const DETAIL_FIELDS = [
  'imo',
  'loadPort',
  'dischargeTerminal',
  'shipper',
  'receiver',
  'outturnTonnes',
  'barrels',
  'remarks',
] as const;
export const FORM_FIELDS = [...MAIN_FIELDS, ...DETAIL_FIELDS] as const;

export type FieldName = (typeof FORM_FIELDS)[number];
export type FormValues = Record<FieldName, string>;

export const REQUIRED_FIELDS: readonly FieldName[] = ['blDate', 'vessel', 'netTonnes'];

/** What the next cargo starts with: usually the same tanker programme, grade and parties. */
export const CARRIED_FIELDS = [
  'vessel',
  'grade',
  'loadPort',
  'dischargeTerminal',
  'shipper',
  'receiver',
  'status',
] as const satisfies readonly (keyof EntryDefaults & FieldName)[];

export const NUMERIC_FIELDS = [
  'netTonnes',
  'outturnTonnes',
  'barrels',
] as const satisfies readonly FieldName[];

export function isFieldName(name: string): name is FieldName {
  return (FORM_FIELDS as readonly string[]).includes(name);
}

/** The form field an issue from the core belongs to (the core names input keys; kilogram names are mapped too). */
export function fieldOfIssue(field: string): FieldName | null {
  if (field === 'netKg') return 'netTonnes';
  if (field === 'outturnKg') return 'outturnTonnes';
  return isFieldName(field) ? field : null;
}

function isStatus(value: unknown): value is ShipmentStatus {
  return typeof value === 'string' && (SHIPMENT_STATUSES as readonly string[]).includes(value);
}

/** A fresh form: today's B/L date at Aktau, the route's defaults, then whatever the last entry carried. */
export function initialValues(defaults: Partial<EntryDefaults>, today: string): FormValues {
  const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
  return {
    blDate: today,
    blNumber: '',
    vessel: text(defaults.vessel, ''),
    voyage: '',
    grade: text(defaults.grade, ''),
    netTonnes: '',
    status: isStatus(defaults.status) ? defaults.status : 'loaded',
    imo: '',
    loadPort: text(defaults.loadPort, DEFAULT_LOAD_PORT) || DEFAULT_LOAD_PORT,
    dischargeTerminal:
      text(defaults.dischargeTerminal, DEFAULT_DISCHARGE_TERMINAL) || DEFAULT_DISCHARGE_TERMINAL,
    shipper: text(defaults.shipper, DEFAULT_SHIPPER) || DEFAULT_SHIPPER,
    receiver: text(defaults.receiver, DEFAULT_RECEIVER) || DEFAULT_RECEIVER,
    outturnTonnes: '',
    barrels: '',
    remarks: '',
  };
}

export function carriedDefaults(values: FormValues): EntryDefaults {
  return Object.fromEntries(
    CARRIED_FIELDS.map((field) => [field, values[field].trim()]),
  ) as unknown as EntryDefaults;
}

/**
 * "9959,5" → "9959.5": a Russian, Azerbaijani or Kazakh keyboard's numpad types a decimal comma.
 * Only a comma that can only be decimal is converted. "9,959" could be 9.959 t or an English
 * "nine thousand tonnes", so it goes to the core as typed and the core asks for it to be rewritten
 * rather than the form guessing a cargo a thousand times too small.
 */
export function acceptDecimalComma(text: string): string {
  const match = /^(\s*\+?)(\d+),(\d+)(\s*)$/.exec(text);
  if (!match) return text;
  const [, lead = '', whole = '', fraction = '', tail = ''] = match;
  if (whole.length <= 3 && !whole.startsWith('0') && fraction.length === 3) return text;
  return `${lead}${whole}.${fraction}${tail}`;
}

/**
 * What the form sends: the text as typed (the core trims and checks it), blank fields left out,
 * a decimal comma in the three number fields turned into a point.
 */
export function toShipmentInput(values: FormValues): ShipmentInput {
  const input: Record<string, string> = {};
  for (const name of FORM_FIELDS) {
    const value = values[name];
    if (value.trim() === '') continue;
    input[name] = (NUMERIC_FIELDS as readonly FieldName[]).includes(name) ? acceptDecimalComma(value) : value;
  }
  return input as ShipmentInput;
}

/**
 * The edit dialog's form, pure: a shipment as the text a person edits, and which fields they
 * changed. Numbers are read as the entry form reads them (a decimal comma from a Russian,
 * Azerbaijani or Kazakh keypad becomes a point), so both screens accept the same typing.
 */
import { SHIPMENT_INPUT_KEYS, type Shipment, type ShipmentInput } from '../../../electron/core/api';
import { formatKgAsTonnes, parseTonnesText } from '../../../electron/core/quantity';
import { acceptDecimalComma, NUMERIC_FIELDS } from '../entry/fields';

export type EditKey = (typeof SHIPMENT_INPUT_KEYS)[number];
export type EditForm = Record<EditKey, string>;

export const EDIT_KEYS: readonly EditKey[] = SHIPMENT_INPUT_KEYS;

/** Fields held as decimal text that the core reads as a number: "9959.5" and "9959.500" are the same value. */
const NUMERIC_KEYS: ReadonlySet<EditKey> = new Set(NUMERIC_FIELDS);
const MULTILINE_KEYS: ReadonlySet<EditKey> = new Set(['remarks']);

/** The shipment as the edit form shows it: tonnes as exact text ("9959.500"), empty for no value. */
export function formFromShipment(shipment: Shipment): EditForm {
  return {
    blDate: shipment.blDate,
    vessel: shipment.vessel,
    netTonnes: formatKgAsTonnes(shipment.netKg),
    blNumber: shipment.blNumber ?? '',
    imo: shipment.imo ?? '',
    voyage: shipment.voyage ?? '',
    grade: shipment.grade ?? '',
    loadPort: shipment.loadPort,
    dischargeTerminal: shipment.dischargeTerminal,
    shipper: shipment.shipper,
    receiver: shipment.receiver,
    status: shipment.status,
    outturnTonnes: shipment.outturnKg === null ? '' : formatKgAsTonnes(shipment.outturnKg),
    barrels: shipment.barrels === null ? '' : String(shipment.barrels),
    remarks: shipment.remarks ?? '',
  };
}

function normalised(key: EditKey, text: string): string {
  const trimmed = text.trim();
  if (MULTILINE_KEYS.has(key)) return trimmed;
  const single = trimmed.replace(/\s+/g, ' ');
  if (NUMERIC_KEYS.has(key)) {
    const parsed = parseTonnesText(acceptDecimalComma(single));
    if (parsed.ok) return `#${parsed.kg}`;
  }
  return single;
}

/** The form as the core's input, numbers with a decimal point: what the edit would make the shipment. */
export function formAsInput(form: EditForm): ShipmentInput {
  const input: ShipmentInput = {};
  for (const key of EDIT_KEYS)
    input[key] = NUMERIC_KEYS.has(key) ? acceptDecimalComma(form[key]).trim() : form[key];
  return input;
}

/** Only what the person changed, as the core's amendment input; a field emptied is sent as null. */
export function changedFields(initial: EditForm, form: EditForm): ShipmentInput {
  const changes: ShipmentInput = {};
  for (const key of EDIT_KEYS) {
    if (normalised(key, initial[key]) === normalised(key, form[key])) continue;
    const text = form[key].trim();
    changes[key] = text === '' ? null : NUMERIC_KEYS.has(key) ? acceptDecimalComma(text) : text;
  }
  return changes;
}

export function isEditKey(field: string): field is EditKey {
  return (EDIT_KEYS as readonly string[]).includes(field);
}

/**
 * The one place where untrusted input (form, IPC payload, CSV row, CLI flags) becomes shipment
 * fields or a list of field issues with stable codes and messages a clerk understands.
 * Pure: no Node, no clock (the caller passes today's load-port date).
 */
import { z } from 'zod';
import {
  type Shipment,
  type ShipmentFields,
  type ShipmentInput,
  type ShipmentStatus,
} from './api';
import { daysBetween, daysInMonth, MIN_YEAR, parseIsoDate } from './calendar';
import {
  DEFAULT_DISCHARGE_TERMINAL,
  DEFAULT_LOAD_PORT,
  DEFAULT_RECEIVER,
  DEFAULT_SHIPPER,
} from './defaults';
import type { FieldIssue, IssueFacts } from './errors';
import { formatKgAsTonnes, parseTonnesNumber, parseTonnesText } from './quantity';

/** A Caspian tanker carries about 13,000 t at most; above this a cargo needs a second look. */
export const UNUSUAL_CARGO_KG = 13_000_000;
/** Above this a single cargo is almost certainly a typing error and needs an explicit override. */
export const OVERRIDE_CARGO_KG = 15_000_000;
/** No override makes this believable for one Caspian cargo. */
export const MAX_CARGO_KG = 100_000_000;
/** A B/L date further back than this is allowed but asked about: most entries are days old. */
export const OLD_BL_DATE_DAYS = 60;
/** Crude runs about 6.3–8.5 barrels a tonne (Tengiz ≈ 7.97); outside this the barrels are mistyped. */
export const BARRELS_PER_TONNE_RANGE = [5.5, 9.0] as const;
/** The code of the question "is this a second entry of a cargo already recorded?". */
export const DUPLICATE_CARGO = 'shipment.duplicate';

export const FIELD_LABELS: Record<keyof ShipmentInput, string> = {
  blDate: 'B/L date',
  vessel: 'Vessel',
  netTonnes: 'Net tonnes',
  blNumber: 'B/L number',
  imo: 'IMO number',
  voyage: 'Voyage number',
  grade: 'Grade',
  loadPort: 'Load port',
  dischargeTerminal: 'Discharge terminal',
  shipper: 'Shipper',
  receiver: 'Receiver',
  status: 'Status',
  outturnTonnes: 'Outturn tonnes',
  barrels: 'Barrels',
  remarks: 'Remarks',
};

export interface ValidationContext {
  /** Today's date at the load port (YYYY-MM-DD): no B/L can be dated after it. */
  today: string;
  /** The live (not voided) shipment holding this B/L number, if any. */
  findByBlNumber: (blNumber: string) => Shipment | undefined;
  /** The live shipments of this B/L date, vessel (as normaliseVessel spells it) and net weight. */
  /** With `unnumberedOnly`, only those without a B/L number (all a numbered cargo can repeat). */
  findSameCargo: (blDate: string, vessel: string, netKg: number, unnumberedOnly?: boolean) => readonly SameCargoCandidate[];
  /** The person confirmed unusual values. */
  force?: boolean;
}

/** What the duplicate question needs to know of a cargo already in the ledger (or earlier in a file). */
export type SameCargoCandidate = Pick<Shipment, 'id' | 'blDate' | 'vessel' | 'netKg' | 'blNumber'>;

export type ShipmentValidation =
  | { ok: true; value: ShipmentFields; warnings: FieldIssue[] }
  | { ok: false; errors: FieldIssue[]; warnings: FieldIssue[] };

type Ctx = z.RefinementCtx;

function fail(ctx: Ctx, code: string, message: string, facts?: IssueFacts): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params: { code, facts } });
  return z.NEVER;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

// C0 controls and DEL have no business in a name; they also break CSV and terminals.
/* eslint-disable no-control-regex -- matching control characters is the point of these two patterns */
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARS_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000b-\u001f\u007f]/;
/* eslint-enable no-control-regex */

function textField(key: keyof ShipmentInput, maxLength: number, options: { required?: boolean; multiline?: boolean } = {}) {
  const label = FIELD_LABELS[key];
  return z.unknown().optional().transform((raw, ctx): string | null => {
    if (isBlank(raw)) {
      if (options.required) return fail(ctx, `${key}.required`, `${label} is required.`);
      return null;
    }
    if (typeof raw !== 'string') return fail(ctx, `${key}.type`, `${label} must be text.`);
    const value = options.multiline ? raw.trim() : raw.trim().replace(/\s+/g, ' ');
    if (value.length > maxLength) {
      return fail(ctx, `${key}.too_long`, `${label} is ${value.length} characters long; at most ${maxLength} are allowed.`, { length: value.length, max: maxLength });
    }
    const forbidden = options.multiline ? CONTROL_CHARS_EXCEPT_NEWLINE_TAB : CONTROL_CHARS;
    if (forbidden.test(value)) return fail(ctx, `${key}.control_chars`, `${label} contains invisible control characters; retype it.`);
    return value;
  });
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Explains why a YYYY-MM-DD-shaped string is not a date, in words a clerk recognises. */
function impossibleDateMessage(text: string): string {
  const [y, m] = text.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12) return `B/L date ${text} does not exist: there is no month ${m}.`;
  return `B/L date ${text} does not exist: ${MONTH_NAMES[m - 1]} ${y} has ${daysInMonth(y, m)} days.`;
}

const blDateField = z.unknown().optional().transform((raw, ctx): string => {
  if (isBlank(raw)) return fail(ctx, 'blDate.required', 'B/L date is required (YYYY-MM-DD, the date on the bill of lading).');
  if (typeof raw !== 'string') return fail(ctx, 'blDate.type', 'B/L date must be written as YYYY-MM-DD, e.g. 2024-05-03.');
  const text = raw.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return fail(ctx, 'blDate.format', `B/L date "${text}" is not in the form YYYY-MM-DD (e.g. 2024-05-03).`);
  }
  const date = parseIsoDate(text);
  if (!date) return fail(ctx, 'blDate.impossible', impossibleDateMessage(text));
  if (date.year < MIN_YEAR) return fail(ctx, 'blDate.too_old', `B/L date ${text} is before ${MIN_YEAR}; check the year.`);
  return text;
});

function tonnesField(key: 'netTonnes' | 'outturnTonnes', required: boolean) {
  const label = FIELD_LABELS[key];
  return z.unknown().optional().transform((raw, ctx): number | null => {
    if (isBlank(raw)) {
      if (required) return fail(ctx, `${key}.required`, `${label} is required (metric tonnes, e.g. 9959.5).`);
      return null;
    }
    let parsed;
    if (typeof raw === 'number') parsed = parseTonnesNumber(raw);
    else if (typeof raw === 'string') parsed = parseTonnesText(raw.trim().replace(/^\+/, ''));
    else return fail(ctx, `${key}.type`, `${label} must be a number of tonnes, e.g. 9959.5.`);
    if (!parsed.ok) {
      const shown = typeof raw === 'string' ? raw.trim() : String(raw);
      if (parsed.reason === 'precision') {
        return fail(ctx, `${key}.precision`, `${label} ${shown} is finer than a kilogram; use at most 3 decimals.`);
      }
      if (/^-/.test(shown)) return fail(ctx, `${key}.not_positive`, `${label} must be more than zero.`);
      if (parsed.reason === 'range') return fail(ctx, `${key}.too_large`, `${label} ${shown} is far more than any tanker carries.`);
      return fail(ctx, `${key}.format`, `${label} "${shown}" is not a number of tonnes; write it like 9959.5 (a point, no spaces).`);
    }
    if (parsed.kg <= 0) return fail(ctx, `${key}.not_positive`, `${label} must be more than zero.`);
    if (parsed.kg > MAX_CARGO_KG) {
      return fail(ctx, `${key}.too_large`, `${label} ${formatKgAsTonnes(parsed.kg)} t is far more than any Caspian tanker carries (about 13,000 t at most).`);
    }
    return parsed.kg;
  });
}

const barrelsField = z.unknown().optional().transform((raw, ctx): number | null => {
  if (isBlank(raw)) return null;
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : null;
  if (text === null) return fail(ctx, 'barrels.type', 'Barrels must be a number, e.g. 79370.');
  // Barrels share the tonnes' text rules: a point, at most three decimals.
  const parsed = parseTonnesText(text);
  if (!parsed.ok || parsed.kg <= 0) return fail(ctx, 'barrels.format', `Barrels "${text}" must be a number above zero, like 79370 or 79370.25.`);
  return parsed.kg / 1000;
});

const imoField = z.unknown().optional().transform((raw, ctx): string | null => {
  if (isBlank(raw)) return null;
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  const digits = /^(?:IMO\s*)?(\d{7})$/i.exec(text)?.[1];
  if (!digits) return fail(ctx, 'imo.format', `IMO number "${text}" must be 7 digits, e.g. 9301615.`);
  // The IMO check digit: the first six digits weighted 7..2, summed, last digit of the sum.
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i);
  if (sum % 10 !== Number(digits[6])) return fail(ctx, 'imo.check_digit', `IMO number ${digits} fails its check digit; check for a typing error.`);
  return digits;
});

const STATUS_WORDS: Record<string, ShipmentStatus> = {
  loaded: 'loaded',
  intransit: 'in_transit',
  transit: 'in_transit',
  discharged: 'discharged',
};

const statusField = z.unknown().optional().transform((raw, ctx): ShipmentStatus => {
  if (isBlank(raw)) return 'loaded';
  if (typeof raw !== 'string') return fail(ctx, 'status.type', 'Status must be loaded, in transit or discharged.');
  const status = STATUS_WORDS[raw.toLowerCase().replace(/[^a-z]/g, '')];
  if (!status) return fail(ctx, 'status.unknown', `Status "${raw.trim()}" is not one of: loaded, in transit, discharged.`);
  return status;
});

const KNOWN_GRADES = ['Tengiz', 'Kashagan'];

function withDefault(schema: z.ZodType<string | null, unknown>, fallback: string) {
  return schema.transform((value) => value ?? fallback);
}

const shipmentSchema = z.strictObject({
  blDate: blDateField,
  vessel: textField('vessel', 100, { required: true }),
  netTonnes: tonnesField('netTonnes', true),
  blNumber: textField('blNumber', 40),
  imo: imoField,
  voyage: textField('voyage', 40),
  grade: textField('grade', 40).transform(
    (grade) => KNOWN_GRADES.find((known) => known.toLowerCase() === grade?.toLowerCase()) ?? grade,
  ),
  loadPort: withDefault(textField('loadPort', 100), DEFAULT_LOAD_PORT),
  dischargeTerminal: withDefault(textField('dischargeTerminal', 100), DEFAULT_DISCHARGE_TERMINAL),
  shipper: withDefault(textField('shipper', 100), DEFAULT_SHIPPER),
  receiver: withDefault(textField('receiver', 100), DEFAULT_RECEIVER),
  status: statusField,
  outturnTonnes: tonnesField('outturnTonnes', false),
  barrels: barrelsField,
  remarks: textField('remarks', 1000, { multiline: true }),
});

function issuesFromZod(error: z.ZodError): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ field: key, code: 'unknown_field', message: `"${key}" is not a shipment field.` });
      }
    } else if (issue.code === 'invalid_type' && issue.path.length === 0) {
      issues.push({ field: '', code: 'shipment.type', message: 'A shipment must be given as a set of named fields.' });
    } else {
      const field = String(issue.path[0] ?? '');
      const params = 'params' in issue ? (issue.params as { code?: string; facts?: IssueFacts } | undefined) : undefined;
      const found: FieldIssue = { field, code: params?.code ?? `${field}.invalid`, message: issue.message };
      if (params?.facts) found.facts = params.facts;
      issues.push(found);
    }
  }
  return issues;
}

export function normaliseBlNumber(blNumber: string): string {
  return blNumber.replace(/\s+/g, '').toUpperCase();
}

/** "ASTANA", "Astana " and "As tana" are one tanker to the duplicate question. */
export function normaliseVessel(vessel: string): string {
  return vessel.replace(/\s+/g, '').toLowerCase();
}

/** Where the duplicate question looks a cargo up: its B/L date, vessel however spelled, and weight. */
export function sameCargoKey(blDate: string, vessel: string, netKg: number): string {
  return `${blDate}|${normaliseVessel(vessel)}|${netKg}`;
}

/**
 * A live cargo the new fields look like a second entry of: same B/L date, vessel and net weight.
 * Two distinct B/L numbers are two bills of lading however alike the figures, so they never match.
 */
function sameCargo(fields: Pick<ShipmentFields, 'blDate' | 'vessel' | 'netKg' | 'blNumber'>, context: ValidationContext, selfId: string | null): SameCargoCandidate[] {
  return context
    .findSameCargo(fields.blDate, fields.vessel, fields.netKg, fields.blNumber !== null)
    .filter((other) => other.id !== selfId && (fields.blNumber === null || other.blNumber === null));
}

function duplicateIssue(twin: SameCargoCandidate, force: boolean): FieldIssue {
  const which = `${twin.vessel}, B/L date ${twin.blDate}, ${formatKgAsTonnes(twin.netKg)} t${twin.blNumber ? `, B/L ${twin.blNumber}` : ''}, id ${twin.id}`;
  const message = force
    ? `The ledger already holds a cargo with the same B/L date, vessel and tonnes (${which}); saved as a separate cargo, as confirmed.`
    : `The ledger already holds a cargo with the same B/L date, vessel and tonnes (${which}). If this is a second cargo, confirm it; if it is the same one, it is already recorded.`;
  return { field: '', code: DUPLICATE_CARGO, message, overridable: true, facts: { id: twin.id, vessel: twin.vessel, date: twin.blDate } };
}

/** Rules that need the ledger or today's date, run once the fields themselves are sound. */
function checkInContext(fields: ShipmentFields, context: ValidationContext, selfId: string | null) {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];

  if (fields.blDate > context.today) {
    errors.push({ field: 'blDate', code: 'blDate.future', message: `B/L date ${fields.blDate} is in the future; today at Aktau is ${context.today}.`, facts: { today: context.today } });
  } else {
    const today = parseIsoDate(context.today);
    const date = parseIsoDate(fields.blDate);
    const age = today && date ? daysBetween(date, today) : 0;
    if (age > OLD_BL_DATE_DAYS) {
      warnings.push({ field: 'blDate', code: 'blDate.old', message: `B/L date ${fields.blDate} is ${age} days ago; check the date.`, overridable: true, facts: { days: age } });
    }
  }

  if (fields.blNumber !== null) {
    const holder = context.findByBlNumber(fields.blNumber);
    if (holder && holder.id !== selfId) {
      errors.push({
        field: 'blNumber',
        code: 'blNumber.duplicate',
        message: `B/L number ${fields.blNumber} is already in the ledger (${holder.vessel}, ${holder.blDate}, id ${holder.id}).`,
        facts: { vessel: holder.vessel, date: holder.blDate, id: holder.id },
      });
    }
  }

  const [twin] = sameCargo(fields, context, selfId);
  if (twin) (context.force ? warnings : errors).push(duplicateIssue(twin, context.force === true));

  const cargo = formatKgAsTonnes(fields.netKg);
  if (fields.netKg > OVERRIDE_CARGO_KG) {
    const message = context.force
      ? `${cargo} t is more than a Caspian tanker usually carries (about 13,000 t at most); saved as confirmed.`
      : `${cargo} t is more than a Caspian tanker carries (about 13,000 t at most). Check the figure; if it is right, confirm it.`;
    (context.force ? warnings : errors).push({ field: 'netTonnes', code: 'netTonnes.unusual', message, overridable: true });
  } else if (fields.netKg > UNUSUAL_CARGO_KG) {
    warnings.push({ field: 'netTonnes', code: 'netTonnes.large', message: `${cargo} t is a very large cargo for the Caspian; check the figure.`, overridable: true });
  }

  if (fields.outturnKg !== null) {
    const difference = Math.abs(fields.outturnKg - fields.netKg) / fields.netKg;
    if (difference > 0.01) {
      const percent = (difference * 100).toFixed(1);
      warnings.push({
        field: 'outturnTonnes',
        code: 'outturnTonnes.difference',
        message: `Outturn differs from the B/L figure by ${percent}%; check both figures.`,
        overridable: true,
        facts: { percent: Number(percent) },
      });
    }
  }

  if (fields.barrels !== null) {
    const perTonne = fields.barrels / (fields.netKg / 1000);
    const [low, high] = BARRELS_PER_TONNE_RANGE;
    if (perTonne < low || perTonne > high) {
      const shown = perTonne.toFixed(2);
      const ratio = `${fields.barrels} barrels for ${cargo} t is ${shown} barrels a tonne; crude is about 7–8.`;
      const message = context.force ? `${ratio} Saved as confirmed.` : `${ratio} Check the barrels; if they are right, confirm them.`;
      (context.force ? warnings : errors).push({ field: 'barrels', code: 'barrels.ratio', message, overridable: true, facts: { ratio: Number(shown) } });
    }
  }
  return { errors, warnings };
}

function validate(input: unknown, context: ValidationContext, selfId: string | null): ShipmentValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: '', code: 'shipment.type', message: 'A shipment must be given as a set of named fields.' }], warnings: [] };
  }
  const parsed = shipmentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: issuesFromZod(parsed.error), warnings: [] };
  const data = parsed.data;
  // Built in the canonical field order, which the journal and every history then follow.
  // Required fields cannot be null once the schema has passed.
  const fields: ShipmentFields = {
    blDate: data.blDate,
    vessel: data.vessel as string,
    netKg: data.netTonnes as number,
    blNumber: data.blNumber,
    imo: data.imo,
    voyage: data.voyage,
    grade: data.grade,
    loadPort: data.loadPort,
    dischargeTerminal: data.dischargeTerminal,
    shipper: data.shipper,
    receiver: data.receiver,
    status: data.status,
    outturnKg: data.outturnTonnes,
    barrels: data.barrels,
    remarks: data.remarks,
  };
  const { errors, warnings } = checkInContext(fields, context, selfId);
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, value: fields, warnings };
}

/** Validates a new shipment. */
export function validateShipment(input: unknown, context: ValidationContext): ShipmentValidation {
  return validate(input, context, null);
}

/** The shipment's current fields in input form, so an amendment is validated as a whole shipment. */
export function toInput(fields: ShipmentFields): ShipmentInput {
  return {
    blDate: fields.blDate,
    vessel: fields.vessel,
    netTonnes: formatKgAsTonnes(fields.netKg),
    blNumber: fields.blNumber,
    imo: fields.imo,
    voyage: fields.voyage,
    grade: fields.grade,
    loadPort: fields.loadPort,
    dischargeTerminal: fields.dischargeTerminal,
    shipper: fields.shipper,
    receiver: fields.receiver,
    status: fields.status,
    outturnTonnes: fields.outturnKg === null ? null : formatKgAsTonnes(fields.outturnKg),
    barrels: fields.barrels === null ? null : String(fields.barrels),
    remarks: fields.remarks,
  };
}

const INPUT_TO_FIELD: Record<keyof ShipmentInput, keyof ShipmentFields> = {
  blDate: 'blDate',
  vessel: 'vessel',
  netTonnes: 'netKg',
  blNumber: 'blNumber',
  imo: 'imo',
  voyage: 'voyage',
  grade: 'grade',
  loadPort: 'loadPort',
  dischargeTerminal: 'dischargeTerminal',
  shipper: 'shipper',
  receiver: 'receiver',
  status: 'status',
  outturnTonnes: 'outturnKg',
  barrels: 'barrels',
  remarks: 'remarks',
};

export type AmendmentValidation =
  | { ok: true; value: Partial<ShipmentFields>; warnings: FieldIssue[] }
  | { ok: false; errors: FieldIssue[]; warnings: FieldIssue[] };

/**
 * Validates changes to an existing shipment as the whole shipment they would produce, so every
 * cross-field rule still holds; returns only the fields whose value actually changes. Questions
 * about values the person did not touch (an old date, a cargo confirmed long ago) are not asked again.
 */
export function validateAmendment(current: Shipment, changes: unknown, context: ValidationContext): AmendmentValidation {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    return { ok: false, errors: [{ field: '', code: 'shipment.type', message: 'Changes must be given as a set of named fields.' }], warnings: [] };
  }
  const touched = new Set(Object.keys(changes));
  const touchedFields = new Set([...touched].map((key) => INPUT_TO_FIELD[key as keyof ShipmentInput] ?? key));
  // The duplicate question is asked again only when the change makes the cargo look like one it did not look like before.
  const concerns = (issue: FieldIssue) =>
    issue.code === DUPLICATE_CARGO
      ? !sameCargo(current, context, current.id).some((other) => other.id === issue.facts?.id)
      : touched.has(issue.field) || touchedFields.has(issue.field as keyof ShipmentFields);
  const result = validate({ ...toInput(current), ...changes }, { ...context, force: true }, current.id);
  // Re-run without force so that an unusual value the person just typed still needs their confirmation.
  const strict = context.force ? result : validate({ ...toInput(current), ...changes }, context, current.id);
  const errors = strict.ok ? [] : strict.errors.filter((issue) => !issue.overridable || concerns(issue));
  const warnings = strict.warnings.filter(concerns);
  if (!result.ok || errors.length > 0) return { ok: false, errors: result.ok ? errors : result.errors, warnings };
  const value: Partial<ShipmentFields> = {};
  for (const field of Object.keys(result.value) as (keyof ShipmentFields)[]) {
    if (result.value[field] !== current[field]) Object.assign(value, { [field]: result.value[field] });
  }
  if (Object.keys(value).length === 0) {
    return { ok: false, errors: [{ field: '', code: 'amend.no_change', message: 'Nothing to change: every field given already has that value.' }], warnings };
  }
  return { ok: true, value, warnings };
}

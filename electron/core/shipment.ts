/**
 * The one place where untrusted input (form, IPC payload, CSV row, CLI flags) becomes shipment
 * fields or a list of field issues with stable codes, facts and messages a clerk understands.
 * Which fields exist and how each is read comes from the field table (fields.ts); the rules that
 * span fields or need the ledger are here. Pure: no Node, no clock (the caller passes today's
 * load-port date).
 */
import type { Shipment, ShipmentFields, ShipmentInput } from './api';
import { daysBetween, MIN_YEAR, parseIsoDate } from './calendar';
import { readTypedDate } from './date-refusal';
import type { FieldIssue, IssueFacts } from './errors';
import { asDrawn, type FleetVessel } from './fleet';
import { checkFleet } from './fleet-check';
import { statusForDates, voyageDateIssues } from './voyage-dates';
import { enumValue, enumWord, fieldSpec, FIELDS, type FieldSpec, type ShipmentStatus } from './fields';
import { ambiguityIssue, formatKgAsTonnes, quantityInputText, readQuantity } from './quantity';
import {
  BARRELS_PER_TONNE_RANGE,
  CAPACITY_TONNES,
  MAX_CARGO_KG,
  OLD_BL_DATE_DAYS,
  OVERRIDE_CARGO_KG,
  UNUSUAL_CARGO_KG,
} from './limits';

/** The code of the question "is this a second entry of a cargo already recorded?". */
export const DUPLICATE_CARGO = 'shipment.duplicate';

export interface ValidationContext {
  /** Today's date at the load port (YYYY-MM-DD): no B/L can be dated after it. */
  today: string;
  /** The live (not voided) shipment holding this B/L number, if any. */
  findByBlNumber: (blNumber: string) => Shipment | undefined;
  /** The live shipments whose B/L number looks the same as this one (blLookKey): the look-alike question. */
  findByBlLook?: (blNumber: string) => readonly Shipment[];
  /** The live shipments of this B/L date, vessel (as normaliseVessel spells it) and net weight. */
  /** With `unnumberedOnly`, only those without a B/L number (all a numbered cargo can repeat). */
  findSameCargo: (
    blDate: string,
    vessel: string,
    netKg: number,
    unnumberedOnly?: boolean,
  ) => readonly SameCargoCandidate[];
  /** The person confirmed unusual values. */
  force?: boolean;
  /**
   * Why nothing dated in the month may be recorded or amended (it is closed, or a repair lost its
   * close: periods.ts), or null.
   */
  monthRefusal?: (month: string, action: 'record' | 'amend') => FieldIssue | null;
  /** The ledger's fleet: the vessel is matched to it (fleet-check.ts). Without one, any name is taken as typed. */
  fleet?: readonly FleetVessel[];
  /**
   * Fields an amend leaves as they were: what was accepted when they were written (a number's
   * characters, a B/L number another cargo's looks like) is not asked again.
   */
  kept?: ReadonlySet<string>;
}

/** What the duplicate question needs to know of a cargo already in the ledger (or earlier in a file). */
export type SameCargoCandidate = Pick<Shipment, 'id' | 'blDate' | 'vessel' | 'netKg' | 'blNumber'>;

export type ShipmentValidation =
  | { ok: true; value: ShipmentFields; warnings: FieldIssue[] }
  | { ok: false; errors: FieldIssue[]; warnings: FieldIssue[] };

/** A field's value as kept (null for a blank optional field), or why it cannot be kept. */
type Read = { ok: true; value: string | number | null } | { ok: false; issue: FieldIssue };

function kept(value: string | number | null): Read {
  return { ok: true, value };
}

function refused(spec: FieldSpec, suffix: string, message: string, facts?: IssueFacts): Read {
  const issue: FieldIssue = { field: spec.key, code: `${spec.key}.${suffix}`, message };
  if (facts) issue.facts = facts;
  return { ok: false, issue };
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Invisible format characters (zero-width space, soft hyphen, byte-order mark, direction marks). */
const INVISIBLE = /\p{Cf}/gu;
/** Combining marks left on their own once letters are composed: the grapheme joiner, variation selectors. */
const LONE_MARKS = /\p{M}/gu;
/** Every dash and minus a pasted number may carry: the hyphen-minus is what a keyboard types. */
const DASHES = /[\p{Pd}\u2212\u2043\u02d7]/gu;
/** Fullwidth forms of the printable ASCII characters (Ａ, １, －). */
const FULLWIDTH = /[\uff01-\uff5e]/g;
/** What a B/L or voyage number is not written with: all but printable ASCII, Latin and Cyrillic letters, and №. */
const NOT_IN_A_NUMBER = /[^\x20-\x7e\p{Script=Latin}\p{Script=Cyrillic}№]/gu;
/** Printable ASCII alone: a number as most are typed, with nothing to clean or question. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** One line of text as it reads: no invisible characters, one space between words. */
function singleLine(raw: string): string {
  // Text all ASCII, as most is, holds no invisible character: the Unicode pattern is not run on it.
  const visible = NON_ASCII.test(raw) ? raw.replace(INVISIBLE, '') : raw;
  return visible.trim().replace(/\s+/g, ' ');
}

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * A document's number (a B/L or voyage number) as typed at a keyboard: no invisible characters or
 * lone marks, fullwidth letters and digits as the plain ones, every dash a hyphen-minus. So `AKT‑1`
 * pasted with a non-breaking hyphen, or with a zero-width space in it, is the AKT-1 already recorded.
 */
export function cleanIdentifier(raw: string): string {
  const text = singleLine(raw);
  if (PRINTABLE_ASCII.test(text)) return text;
  return text
    .normalize('NFC')
    .replace(LONE_MARKS, '')
    .replace(FULLWIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(DASHES, '-');
}

// C0 controls and DEL have no business in a name; they also break CSV and terminals.
/* eslint-disable no-control-regex -- matching control characters is the point of these two patterns */
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARS_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000b-\u001f\u007f]/;
/* eslint-enable no-control-regex */

function readText(spec: Extract<FieldSpec, { kind: 'text' }>, raw: unknown): Read {
  if (isBlank(raw))
    return spec.required
      ? refused(spec, 'required', `${spec.name} is required.`)
      : kept(spec.default ?? null);
  if (typeof raw !== 'string') return refused(spec, 'type', `${spec.name} must be text.`);
  const value = spec.multiline ? raw.trim() : spec.identifier ? cleanIdentifier(raw) : singleLine(raw);
  if (value.length > spec.maxLength) {
    const message = `${spec.name} is ${value.length} characters long; at most ${spec.maxLength} are allowed.`;
    return refused(spec, 'too_long', message, { length: value.length, max: spec.maxLength });
  }
  const forbidden = spec.multiline ? CONTROL_CHARS_EXCEPT_NEWLINE_TAB : CONTROL_CHARS;
  if (forbidden.test(value))
    return refused(spec, 'control_chars', `${spec.name} contains invisible control characters; retype it.`);
  return kept(spec.known?.find((known) => known.toLowerCase() === value.toLowerCase()) ?? value);
}

/** Dates as clerks write them (DD.MM.YYYY), as a date picker gives them (YYYY-MM-DD), kept as the latter. */
function readDateField(spec: FieldSpec, raw: unknown): Read {
  if (isBlank(raw))
    return spec.required
      ? refused(spec, 'required', `${spec.name} is required, e.g. 03.05.2024.`)
      : kept(null);
  if (typeof raw !== 'string')
    return refused(
      spec,
      'type',
      `${spec.name} must be a date written as DD.MM.YYYY or YYYY-MM-DD, e.g. 03.05.2024.`,
    );
  const text = raw.trim();
  // The one reading and refusal of every typed date (a laycan's, a stoppage's too).
  const reading = readTypedDate(text, spec.name);
  if (!reading.ok) return refused(spec, reading.reason, reading.message, reading.facts);
  if (Number(reading.date.slice(0, 4)) >= MIN_YEAR) return kept(reading.date);
  return refused(spec, 'too_old', `${spec.name} ${text} is before ${MIN_YEAR}; check the year.`, {
    value: text,
    minYear: MIN_YEAR,
  });
}

/** The person's text for a message, or the number as given. */
function shownRaw(raw: string | number): string {
  return typeof raw === 'string' ? raw.trim() : String(raw);
}

function readTonnes(spec: FieldSpec, raw: unknown): Read {
  if (isBlank(raw))
    return spec.required
      ? refused(spec, 'required', `${spec.name} is required (metric tonnes, e.g. 9959.5).`)
      : kept(null);
  if (typeof raw !== 'string' && typeof raw !== 'number')
    return refused(spec, 'type', `${spec.name} must be a number of tonnes, e.g. 9959.5.`);
  const shown = shownRaw(raw);
  const reading = readQuantity(raw);
  if (!reading.ok) {
    if (reading.reason === 'ambiguous')
      return { ok: false, issue: ambiguityIssue(spec.key, spec.name, shown, reading, 't') };
    if (reading.reason === 'precision')
      return refused(
        spec,
        'precision',
        `${spec.name} ${shown} is finer than a kilogram; use at most 3 decimals.`,
        { value: shown },
      );
    if (reading.reason === 'range')
      return refused(spec, 'too_large', `${spec.name} ${shown} is far more than any tanker carries.`, {
        value: shown,
        capacity: CAPACITY_TONNES,
      });
    return refused(
      spec,
      'format',
      `${spec.name} "${shown}" is not a number of tonnes; write it like 9959.5 or 9 959,5.`,
      { value: shown },
    );
  }
  if (reading.kg <= 0) return refused(spec, 'not_positive', `${spec.name} must be more than zero.`);
  if (reading.kg > MAX_CARGO_KG) {
    const message =
      `${spec.name} ${formatKgAsTonnes(reading.kg)} t is far more than any Caspian tanker carries ` +
      `(about 13,000 t at most).`;
    return refused(spec, 'too_large', message, {
      value: shown,
      amountKg: reading.kg,
      capacity: CAPACITY_TONNES,
    });
  }
  return kept(reading.kg);
}

/** Barrels share the tonnes' reader: the same ways of writing a number, at most three decimals. */
function readDecimal(spec: FieldSpec, raw: unknown): Read {
  if (isBlank(raw)) return kept(null);
  if (typeof raw !== 'string' && typeof raw !== 'number')
    return refused(spec, 'type', `${spec.name} must be a number, e.g. 79370.`);
  const shown = shownRaw(raw);
  const reading = readQuantity(raw);
  if (!reading.ok && reading.reason === 'ambiguous') {
    const issue = ambiguityIssue(spec.key, spec.name, shown, reading, spec.key);
    // Barrels are counted, not weighed: the facts are barrels, not thousandths.
    return {
      ok: false,
      issue: {
        ...issue,
        facts: {
          value: shown,
          asThousands: reading.asThousandsKg / 1000,
          asDecimal: reading.asDecimalKg / 1000,
        },
      },
    };
  }
  if (!reading.ok || reading.kg <= 0) {
    return refused(
      spec,
      'format',
      `${spec.name} "${shown}" must be a number above zero, like 79370 or 79370.25.`,
      { value: shown },
    );
  }
  return kept(reading.kg / 1000);
}

function readImo(spec: FieldSpec, raw: unknown): Read {
  if (isBlank(raw)) return kept(null);
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  const digits = /^(?:IMO\s*)?(\d{7})$/i.exec(text)?.[1];
  if (!digits)
    return refused(spec, 'format', `${spec.name} "${text}" must be 7 digits, e.g. 9301615.`, { value: text });
  // The IMO check digit: the first six digits weighted 7..2, summed, last digit of the sum.
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i);
  if (sum % 10 !== Number(digits[6]))
    return refused(
      spec,
      'check_digit',
      `${spec.name} ${digits} fails its check digit; check for a typing error.`,
      { value: digits },
    );
  return kept(digits);
}

/** A status (any enum) as a word in any of the four languages: "in transit", "в пути", "Yoldadır". */
function readEnum(spec: Extract<FieldSpec, { kind: 'enum' }>, raw: unknown): Read {
  if (isBlank(raw)) return kept(spec.default);
  const allowed = Object.keys(spec.values).map((value) => enumWord(spec, value, 'en'));
  const list = `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1) ?? ''}`;
  if (typeof raw !== 'string') return refused(spec, 'type', `${spec.name} must be ${list}.`);
  const value = enumValue(spec.key, raw);
  if (value === null)
    return refused(spec, 'unknown', `${spec.name} "${raw.trim()}" is not one of: ${allowed.join(', ')}.`, {
      value: raw.trim(),
    });
  return kept(value);
}

function readField(spec: FieldSpec, raw: unknown): Read {
  switch (spec.kind) {
    case 'date':
      return readDateField(spec, raw);
    case 'text':
      return readText(spec, raw);
    case 'quantity':
      return readTonnes(spec, raw);
    case 'decimal':
      return readDecimal(spec, raw);
    case 'imo':
      return readImo(spec, raw);
    case 'enum':
      return readEnum(spec, raw);
  }
}

const INPUT_KEY_SET: ReadonlySet<string> = new Set(FIELDS.map((spec) => spec.key));

const NOT_A_SET: FieldIssue = {
  field: '',
  code: 'shipment.type',
  message: 'A shipment must be given as a set of named fields.',
};

/** Every field read by the table, in its order; then any key the table does not know. */
function readFields(
  input: object,
):
  | { ok: true; value: ShipmentFields }
  | { ok: false; errors: FieldIssue[]; read: Partial<Record<keyof ShipmentFields, string | number | null>> } {
  const errors: FieldIssue[] = [];
  const value: Record<string, string | number | null> = {};
  for (const spec of FIELDS) {
    // Own properties only: a value must not come from a polluted prototype.
    const read = readField(
      spec,
      Object.hasOwn(input, spec.key) ? (input as Record<string, unknown>)[spec.key] : undefined,
    );
    if (read.ok) value[spec.stored] = read.value;
    else errors.push(read.issue);
  }
  for (const key of Object.keys(input)) {
    if (!INPUT_KEY_SET.has(key))
      errors.push({
        field: key,
        code: 'unknown_field',
        message: `"${key}" is not a shipment field.`,
        // The name as sent, for a page to quote in its own words; a flood is cut short.
        facts: { fields: key.length > 60 ? `${key.slice(0, 57)}...` : key },
      });
  }
  // Every stored key was set from the table, in the table's order, which the journal then follows.
  if (errors.length > 0) return { ok: false, errors, read: value };
  return { ok: true, value: value as unknown as ShipmentFields };
}

export function normaliseBlNumber(blNumber: string): string {
  return blNumber.replace(/\s+/g, '').toUpperCase();
}

/** A B/L number as it looks: Cyrillic letters drawn as Latin ones read as those (АКТ-1 and AKT-1 are one look). */
export function blLookKey(blNumber: string): string {
  if (isOwnLook(blNumber)) return blNumber;
  return asDrawn(normaliseBlNumber(cleanIdentifier(blNumber))).toUpperCase();
}

/** Most numbers are their own look and their own key: printable ASCII, no space, no lower-case letter. */
export function isOwnLook(blNumber: string): boolean {
  return PLAIN_KEY.test(blNumber);
}

const PLAIN_KEY = /^[\x21-\x60\x7b-\x7e]*$/;

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
function sameCargo(
  fields: Pick<ShipmentFields, 'blDate' | 'vessel' | 'netKg' | 'blNumber'>,
  context: ValidationContext,
  selfId: string | null,
): SameCargoCandidate[] {
  return context
    .findSameCargo(fields.blDate, fields.vessel, fields.netKg, fields.blNumber !== null)
    .filter((other) => other.id !== selfId && (fields.blNumber === null || other.blNumber === null));
}

function duplicateIssue(twin: SameCargoCandidate, force: boolean): FieldIssue {
  const number = twin.blNumber ? `, B/L ${twin.blNumber}` : '';
  const which = `${twin.vessel}, B/L date ${twin.blDate}, ${formatKgAsTonnes(twin.netKg)} t${number}, id ${twin.id}`;
  const message = force
    ? `The ledger already holds a cargo with the same B/L date, vessel and tonnes (${which}); ` +
      `saved as a separate cargo, as confirmed.`
    : `The ledger already holds a cargo with the same B/L date, vessel and tonnes (${which}). ` +
      `If this is a second cargo, confirm it; if it is the same one, it is already recorded.`;
  return {
    field: '',
    code: DUPLICATE_CARGO,
    message,
    overridable: true,
    facts: { id: twin.id, vessel: twin.vessel, date: twin.blDate },
  };
}

/** What the rules across fields found: refusals, and questions a person may confirm. */
interface Findings {
  errors: FieldIssue[];
  warnings: FieldIssue[];
}

/** No B/L is dated after today at the load port or in a closed month; one dated long ago is asked about. */
function checkDate(
  fields: ShipmentFields,
  context: ValidationContext,
  selfId: string | null,
  found: Findings,
): void {
  const refused = context.monthRefusal?.(fields.blDate.slice(0, 7), selfId === null ? 'record' : 'amend');
  if (refused) {
    found.errors.push(refused);
    return;
  }
  if (fields.blDate > context.today) {
    const message = `B/L date ${fields.blDate} is in the future; today at Aktau is ${context.today}.`;
    found.errors.push({ field: 'blDate', code: 'blDate.future', message, facts: { today: context.today } });
    return;
  }
  const today = parseIsoDate(context.today);
  const date = parseIsoDate(fields.blDate);
  const age = today && date ? daysBetween(date, today) : 0;
  if (age > OLD_BL_DATE_DAYS) {
    const message = `B/L date ${fields.blDate} is ${age} days ago; check the date.`;
    found.warnings.push({
      field: 'blDate',
      code: 'blDate.old',
      message,
      overridable: true,
      facts: { days: age },
    });
  }
}

/** A B/L number belongs to one live cargo; a cargo just like one recorded is asked about. */
function checkDuplicates(
  fields: ShipmentFields,
  context: ValidationContext,
  selfId: string | null,
  found: Findings,
): void {
  if (fields.blNumber !== null && !context.kept?.has('blNumber')) {
    const holder = context.findByBlNumber(fields.blNumber);
    if (holder && holder.id !== selfId) {
      found.errors.push({
        field: 'blNumber',
        code: 'blNumber.duplicate',
        message:
          `B/L number ${fields.blNumber} is already in the ledger ` +
          `(${holder.vessel}, ${holder.blDate}, id ${holder.id}).`,
        facts: { vessel: holder.vessel, date: holder.blDate, id: holder.id },
      });
    } else {
      const alike = context.findByBlLook?.(fields.blNumber).find((other) => other.id !== selfId);
      if (alike)
        (context.force ? found.warnings : found.errors).push(lookalikeBlNumber(fields.blNumber, alike));
    }
  }
  const [twin] = sameCargo(fields, context, selfId);
  if (twin)
    (context.force ? found.warnings : found.errors).push(duplicateIssue(twin, context.force === true));
}

/** The question a B/L number that looks like another live cargo's asks: the same bill typed in other letters? */
function lookalikeBlNumber(blNumber: string, alike: Shipment): FieldIssue {
  return {
    field: 'blNumber',
    code: 'blNumber.lookalike',
    message:
      `B/L number ${blNumber} looks the same as ${alike.blNumber ?? ''}, already in the ledger ` +
      `(${alike.vessel}, ${alike.blDate}, id ${alike.id}), though its letters differ. ` +
      'If it is another bill, confirm it.',
    overridable: true,
    facts: { blNumber: alike.blNumber ?? '', vessel: alike.vessel, date: alike.blDate, id: alike.id },
  };
}

const IDENTIFIERS = FIELDS.filter((spec) => spec.kind === 'text' && spec.identifier);

/** A B/L or voyage number holding a letter of another script, a symbol or a blank that is no space: refused. */
function checkIdentifiers(fields: ShipmentFields, context: ValidationContext, found: Findings): void {
  for (const spec of IDENTIFIERS) {
    const value = fields[spec.stored];
    if (typeof value !== 'string' || PRINTABLE_ASCII.test(value) || context.kept?.has(spec.stored)) continue;
    const odd = [...new Set(value.match(NOT_IN_A_NUMBER) ?? [])];
    if (odd.length === 0) continue;
    const characters = odd.map(
      (char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
    );
    found.errors.push({
      field: spec.key,
      code: `${spec.key}.characters`,
      message: `${spec.name} holds characters a number is not written with (${characters.join(', ')}); retype it.`,
      facts: { characters: characters.join(', ') },
    });
  }
}

/** Figures no Caspian cargo has (a slipped digit) are asked about, or refused until confirmed. */
function checkFigures(fields: ShipmentFields, context: ValidationContext, found: Findings): void {
  const cargo = formatKgAsTonnes(fields.netKg);
  // What a screen needs to say it in any language: the cargo in kilograms, the tanker's capacity in tonnes.
  const facts: IssueFacts = { tonnesKg: fields.netKg, capacity: CAPACITY_TONNES };
  const unlessConfirmed = context.force ? found.warnings : found.errors;
  if (fields.netKg > OVERRIDE_CARGO_KG) {
    const message = context.force
      ? `${cargo} t is more than a Caspian tanker usually carries (about 13,000 t at most); saved as confirmed.`
      : `${cargo} t is more than a Caspian tanker carries (about 13,000 t at most). ` +
        `Check the figure; if it is right, confirm it.`;
    unlessConfirmed.push({
      field: 'netTonnes',
      code: 'netTonnes.unusual',
      message,
      overridable: true,
      facts,
    });
  } else if (fields.netKg > UNUSUAL_CARGO_KG) {
    found.warnings.push({
      field: 'netTonnes',
      code: 'netTonnes.large',
      message: `${cargo} t is a very large cargo for the Caspian; check the figure.`,
      overridable: true,
      facts,
    });
  }
  if (fields.outturnKg !== null) {
    const difference = Math.abs(fields.outturnKg - fields.netKg) / fields.netKg;
    if (difference > 0.01) {
      const percent = (difference * 100).toFixed(1);
      const message = `Outturn differs from the B/L figure by ${percent}%; check both figures.`;
      found.warnings.push({
        field: 'outturnTonnes',
        code: 'outturnTonnes.difference',
        message,
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
      const message = context.force
        ? `${ratio} Saved as confirmed.`
        : `${ratio} Check the barrels; if they are right, confirm them.`;
      unlessConfirmed.push({
        field: 'barrels',
        code: 'barrels.ratio',
        message,
        overridable: true,
        facts: { ratio: Number(shown), tonnesKg: fields.netKg },
      });
    }
  }
}

/** Rules that span fields or need the ledger or today's date, run once the fields themselves are sound. */
function checkInContext(fields: ShipmentFields, context: ValidationContext, selfId: string | null): Findings {
  const found: Findings = { errors: [], warnings: [] };
  checkIdentifiers(fields, context, found);
  checkDate(fields, context, selfId, found);
  checkDuplicates(fields, context, selfId, found);
  checkFigures(fields, context, found);
  found.errors.push(...voyageDateIssues(fields, context.today));
  return found;
}

/** Whether the input names a status itself (a blank one lets the dates decide). */
function readStatusGiven(input: object): boolean {
  return Object.hasOwn(input, 'status') && !isBlank((input as Record<string, unknown>).status);
}

function validate(
  input: unknown,
  context: ValidationContext,
  selfId: string | null,
  statusBefore?: ShipmentStatus,
): ShipmentValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, errors: [NOT_A_SET], warnings: [] };
  const read = readFields(input);
  if (!read.ok) {
    // Every problem at once: a tanker the fleet does not know (or a cargo above its deadweight, when
    // the tonnes were read) is asked about beside a bad status.
    const { vessel, netKg } = read.read;
    const force = context.force === true;
    const asked =
      context.fleet && typeof vessel === 'string'
        ? checkFleet({ vessel, netKg: typeof netKg === 'number' ? netKg : 0 }, context.fleet, force).questions
        : [];
    return force
      ? { ok: false, errors: read.errors, warnings: asked }
      : { ok: false, errors: [...read.errors, ...asked], warnings: [] };
  }
  // A status left blank follows the voyage's dates: a discharge date means discharged.
  const typed = readStatusGiven(input);
  const dated = typed
    ? read.value
    : { ...read.value, status: statusForDates(read.value, statusBefore ?? read.value.status) };
  const fleet = context.fleet ? checkFleet(dated, context.fleet, context.force === true) : null;
  const value = fleet ? fleet.fields : dated;
  const { errors, warnings } = checkInContext(value, context, selfId);
  if (fleet) {
    (context.force ? warnings : errors).unshift(...fleet.questions);
    // The tanker's own deadweight says more than the route's "very large cargo": one question, not two.
    if (fleet.questions.some((issue) => issue.field === 'netTonnes')) {
      const large = warnings.findIndex((issue) => issue.code === 'netTonnes.large');
      if (large !== -1) warnings.splice(large, 1);
    }
  }
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, value, warnings };
}

/** Validates a new shipment. */
export function validateShipment(input: unknown, context: ValidationContext): ShipmentValidation {
  return validate(input, context, null);
}

/**
 * The shipment's current fields in input form, so an amendment is validated as a whole shipment.
 * Quantities are written so that the reader takes them back without a question (`9.9590`).
 */
export function toInput(fields: ShipmentFields): ShipmentInput {
  const input: Record<string, unknown> = {};
  for (const spec of FIELDS) {
    const value = fields[spec.stored];
    if (value === null || typeof value === 'string') input[spec.key] = value;
    else input[spec.key] = quantityInputText(spec.kind === 'quantity' ? value : Math.round(value * 1000));
  }
  return input;
}

export type AmendmentValidation =
  | { ok: true; value: Partial<ShipmentFields>; warnings: FieldIssue[] }
  | { ok: false; errors: FieldIssue[]; warnings: FieldIssue[] };

/**
 * Validates changes to an existing shipment as the whole shipment they would produce, so every
 * cross-field rule still holds; returns only the fields whose value actually changes. Questions
 * about values the person did not touch (an old date, a cargo confirmed long ago) are not asked again.
 */
export function validateAmendment(
  current: Shipment,
  changes: unknown,
  context: ValidationContext,
): AmendmentValidation {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    return {
      ok: false,
      errors: [
        { field: '', code: 'shipment.type', message: 'Changes must be given as a set of named fields.' },
      ],
      warnings: [],
    };
  }
  const touched = new Set(Object.keys(changes));
  const touchedFields = new Set([...touched].map((key) => fieldSpec(key)?.stored ?? key));
  // The duplicate question is asked again only when the change
  // makes the cargo look like one it did not look like before.
  const concerns = (issue: FieldIssue) =>
    issue.code === DUPLICATE_CARGO
      ? !sameCargo(current, context, current.id).some((other) => other.id === issue.facts?.id)
      : touched.has(issue.field) || touchedFields.has(issue.field as keyof ShipmentFields);
  // New voyage dates with the status left as it was: the status follows the dates, as on a new record.
  const datesOnly = !touched.has('status') && (touched.has('arrivalDate') || touched.has('dischargeDate'));
  const merged = { ...toInput(current), ...changes, ...(datesOnly ? { status: null } : {}) };
  // A date cleared takes back what it decided: the status is what the dates left decide, and with no
  // date left, loaded (a cargo's status before it has dates), as on a new record without a status.
  const cleared = (['arrivalDate', 'dischargeDate'] as const).some(
    (key) => touched.has(key) && current[key] !== null && isBlank((changes as Record<string, unknown>)[key]),
  );
  const before = datesOnly ? (cleared ? 'loaded' : current.status) : undefined;
  const kept = new Set(FIELDS.map((spec) => spec.stored).filter((key) => !touchedFields.has(key)));
  const judged = { ...context, kept };
  const result = validate(merged, { ...judged, force: true }, current.id, before);
  // Re-run without force so that an unusual value the person just typed still needs their confirmation.
  const strict = context.force ? result : validate(merged, judged, current.id, before);
  const errors = strict.ok ? [] : strict.errors.filter((issue) => !issue.overridable || concerns(issue));
  const warnings = strict.warnings.filter(concerns);
  // Refused: every refusal and every question of a field the change touched, as a new record of the
  // same fields would show them (a B/L number held elsewhere does not silence the unknown tanker).
  if (!result.ok || errors.length > 0)
    return { ok: false, errors: errors.length > 0 || result.ok ? errors : result.errors, warnings };
  const value: Partial<ShipmentFields> = {};
  for (const field of Object.keys(result.value) as (keyof ShipmentFields)[]) {
    // A vessel left as it was stays as it was written, even where the fleet now spells it otherwise;
    // so does a number written before numbers were cleaned of invisible characters.
    if (kept.has(field) && (field === 'vessel' || fieldSpec(field)?.kind === 'text')) continue;
    if (result.value[field] !== current[field]) Object.assign(value, { [field]: result.value[field] });
  }
  if (Object.keys(value).length === 0) {
    return {
      ok: false,
      errors: [
        {
          field: '',
          code: 'amend.no_change',
          message: 'Nothing to change: every field given already has that value.',
        },
      ],
      warnings,
    };
  }
  return { ok: true, value, warnings };
}

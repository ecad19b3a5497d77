/**
 * The one reader of a nomination as a form or the command line sends it: the month (`YYYY-MM`),
 * the tanker (matched to the fleet: an unknown one is a question, confirmed with force, as for a
 * cargo), the laycan's two days as clerks write them (`30.06.2025` or `2025-06-30`, calendar.ts) and
 * the planned tonnes as typed (`9 000`, `8,5`: quantity.ts). Pure: no Node.
 */
import type { FieldIssue, NominationFields } from './api';
import { readTypedDate } from './date-refusal';
import { fieldSpec } from './fields';
import { matchVessel, SUGGESTION_SEPARATOR, UNKNOWN_VESSEL, type FleetVessel } from './fleet';
import { isMonth } from './periods';
import { CAPACITY_TONNES, MAX_CARGO_KG, OVERRIDE_CARGO_KG } from './limits';
import { ambiguityIssue, formatKgAsTonnes, readQuantity } from './quantity';

// C0 controls and DEL: never part of a name (they break CSV and terminals), as for a cargo's vessel.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** Longer than this, a laycan is a slip of the keyboard (a wrong month), not a loading window. */
export const MAX_LAYCAN_DAYS = 31;

export type NominationReading =
  | { ok: true; fields: Omit<NominationFields, 'id'>; warnings: FieldIssue[] }
  | { ok: false; issues: FieldIssue[] };

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

function readDay(value: unknown, which: 'from' | 'to', issues: FieldIssue[]): string | null {
  const typed = text(value);
  const field = which === 'from' ? 'laycanFrom' : 'laycanTo';
  if (typed === '') {
    issues.push({ field, code: 'laycan.required', message: 'The laycan needs its first and last day.' });
    return null;
  }
  // The one reading and refusal of every typed date: 31.11.2026 "does not exist", as a B/L date's.
  const read = readTypedDate(typed, which === 'from' ? 'Laycan from' : 'Laycan to');
  if (read.ok) return read.date;
  const code = read.reason === 'format' ? 'laycan.format' : 'laycan.impossible';
  issues.push({ field, code, message: read.message, facts: read.facts });
  return null;
}

function dayCount(from: string, to: string): number {
  const day = (d: string) =>
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return (day(to) - day(from)) / 86_400_000 + 1;
}

/** The laycan's days in order, within reach of the month: it must share at least one day with it. */
function laycanIssues(month: string, from: string, to: string): FieldIssue[] {
  if (to < from)
    return [
      {
        field: 'laycanTo',
        code: 'laycan.order',
        message: `The laycan ends (${to}) before it begins (${from}).`,
        facts: { from, to },
      },
    ];
  if (dayCount(from, to) > MAX_LAYCAN_DAYS)
    return [
      {
        field: 'laycanTo',
        code: 'laycan.too_long',
        message: `A laycan of ${dayCount(from, to)} days is longer than ${MAX_LAYCAN_DAYS}: check the dates.`,
        facts: { days: dayCount(from, to), most: MAX_LAYCAN_DAYS },
      },
    ];
  if (to.slice(0, 7) < month || from.slice(0, 7) > month)
    return [
      {
        field: 'laycanFrom',
        code: 'laycan.outside_month',
        message: `The laycan ${from}..${to} has no day in ${month}, the month it is nominated in.`,
        facts: { month, from, to },
      },
    ];
  return [];
}

function readTonnes(value: unknown, issues: FieldIssue[]): number | null {
  const typed = typeof value === 'number' ? value : text(value);
  if (typed === '') {
    issues.push({
      field: 'plannedTonnes',
      code: 'plannedTonnes.required',
      message: 'The planned tonnes are required.',
    });
    return null;
  }
  const read = readQuantity(typed);
  if (read.ok && read.kg > 0 && read.kg <= MAX_CARGO_KG) return read.kg;
  if ((read.ok && read.kg > MAX_CARGO_KG) || (!read.ok && read.reason === 'range'))
    issues.push({
      field: 'plannedTonnes',
      code: 'plannedTonnes.too_large',
      message: `${String(typed)} t is far more than any Caspian tanker carries (about 13,000 t at most).`,
      facts: { value: String(typed), capacity: CAPACITY_TONNES },
    });
  else if (!read.ok && read.reason === 'ambiguous')
    issues.push(ambiguityIssue('plannedTonnes', 'Planned tonnes', String(typed), read, 't'));
  else
    issues.push({
      field: 'plannedTonnes',
      code: 'plannedTonnes.invalid',
      message: `"${String(typed)}" is not a number of tonnes above zero (at most 3 decimals).`,
      facts: { value: String(typed) },
    });
  return null;
}

/**
 * The planned tonnes judged as a cargo's net tonnes are (shipment.ts, fleet-check.ts): above 15,000 t
 * no Caspian tanker carries it; else above the tanker's own deadweight. Each a question until confirmed.
 */
function tonnesQuestion(tonnesKg: number, vessel: FleetVessel | null, force: boolean): FieldIssue | null {
  const tonnes = formatKgAsTonnes(tonnesKg);
  const said = force ? '; nominated as confirmed.' : '. Check the figure; if it is right, confirm it.';
  if (tonnesKg > OVERRIDE_CARGO_KG)
    return {
      field: 'plannedTonnes',
      code: 'plannedTonnes.unusual',
      message: `${tonnes} t is more than a Caspian tanker carries (about 13,000 t at most)${said}`,
      overridable: true,
      facts: { tonnesKg, capacity: CAPACITY_TONNES },
    };
  const deadweightKg = vessel?.deadweightKg ?? null;
  if (vessel === null || deadweightKg === null || tonnesKg <= deadweightKg) return null;
  const deadweight = formatKgAsTonnes(deadweightKg);
  return {
    field: 'plannedTonnes',
    code: 'plannedTonnes.above_deadweight',
    message: `${tonnes} t is more than ${vessel.name} carries (deadweight ${deadweight} t)${said}`,
    overridable: true,
    facts: { vessel: vessel.name, deadweightKg, tonnesKg },
  };
}

/** The fleet's name for the tanker, or the typed name with a question (a warning once confirmed). */
function readVessel(value: unknown, fleet: readonly FleetVessel[], force: boolean, issues: FieldIssue[]) {
  const typed = text(value).replace(/\s+/g, ' ');
  if (typed === '') {
    issues.push({ field: 'vessel', code: 'vessel.required', message: 'The vessel is required.' });
    return { vessel: null, question: null, known: null };
  }
  // As the cargo's own field allows: a name of at most its length, nothing invisible in it.
  const spec = fieldSpec('vessel');
  const max = spec?.kind === 'text' ? spec.maxLength : 100;
  if (typed.length > max) {
    const message = `The vessel's name is ${typed.length} characters long; at most ${max} are allowed.`;
    issues.push({ field: 'vessel', code: 'vessel.too_long', message, facts: { length: typed.length, max } });
    return { vessel: null, question: null, known: null };
  }
  if (CONTROL_CHARS.test(typed)) {
    const message = "The vessel's name contains invisible control characters; retype it.";
    issues.push({ field: 'vessel', code: 'vessel.control_chars', message });
    return { vessel: null, question: null, known: null };
  }
  const match = matchVessel(fleet, typed);
  if (match.known) return { vessel: match.vessel.name, question: null, known: match.vessel };
  const offered =
    match.suggestions.length > 0 ? ` The closest in the fleet: ${match.suggestions.join(', ')}.` : '';
  const question: FieldIssue = {
    field: 'vessel',
    code: UNKNOWN_VESSEL,
    message: force
      ? `Vessel "${typed}" is not in the fleet; nominated as typed, as confirmed.`
      : `Vessel "${typed}" is not in the fleet.${offered} Correct the name, or confirm it (--force) to keep it.`,
    overridable: true,
    facts:
      match.suggestions.length > 0
        ? { value: typed, suggestions: match.suggestions.join(SUGGESTION_SEPARATOR) }
        : { value: typed },
  };
  return { vessel: typed, question, known: null };
}

/** A nomination read whole, or every field's problem at once. */
export function readNomination(
  input: Readonly<Record<string, unknown>>,
  fleet: readonly FleetVessel[],
  force: boolean,
): NominationReading {
  const issues: FieldIssue[] = [];
  const month = text(input.month);
  if (!isMonth(month))
    issues.push({
      field: 'month',
      code: 'month.invalid',
      message: `"${month}" is not a month; write it as YYYY-MM.`,
      facts: { value: month },
    });
  const { vessel, question, known } = readVessel(input.vessel, fleet, force, issues);
  const from = readDay(input.laycanFrom, 'from', issues);
  const to = readDay(input.laycanTo, 'to', issues);
  if (from !== null && to !== null && isMonth(month)) issues.push(...laycanIssues(month, from, to));
  const tonnesKg = readTonnes(input.tonnes, issues);
  const questions = [question, tonnesKg === null ? null : tonnesQuestion(tonnesKg, known, force)].filter(
    (q): q is FieldIssue => q !== null,
  );
  if (!force) issues.push(...questions);
  if (issues.length > 0 || vessel === null || from === null || to === null || tonnesKg === null)
    return { ok: false, issues };
  const fields = { month, vessel, laycanFrom: from, laycanTo: to, tonnesKg };
  return { ok: true, fields, warnings: questions };
}

/**
 * A cargo's voyage dates (issue 12 part 2): arrival at the discharge terminal and discharge, each
 * optional, and the status they decide. Pure (no Node), so a form may ask it too.
 *
 * The rule, one for every way in (form, edit dialog, CLI, import):
 * - a discharge date means discharged;
 * - an arrival date without a discharge date means in transit (arrived, not yet discharged), unless
 *   the status given is discharged (a discharge whose date is not known yet);
 * - no dates: the status as given, or its default.
 * A status left blank follows the dates; a status given that contradicts them is refused, never
 * silently changed (`status.discharge_date`, `status.arrival_date`).
 */
import type { ShipmentFields } from './api';
import { daysBetween, parseIsoDate } from './calendar';
import type { FieldIssue } from './errors';
import type { ShipmentStatus } from './fields';

type VoyageDates = Pick<ShipmentFields, 'blDate' | 'arrivalDate' | 'dischargeDate'>;

/** The status the dates decide; `given` where they decide nothing (or agree with it). */
export function statusForDates(
  dates: Pick<ShipmentFields, 'arrivalDate' | 'dischargeDate'>,
  given: ShipmentStatus,
): ShipmentStatus {
  if (dates.dischargeDate !== null) return 'discharged';
  if (dates.arrivalDate !== null && given === 'loaded') return 'in_transit';
  return given;
}

/**
 * A form's status after a date field changed: what the dates decide, a field holding text counting
 * as a date given (the core reads it when the form is checked).
 */
export function formStatusForDates(arrivalText: string, dischargeText: string, given: string): string {
  const status = given === 'loaded' || given === 'in_transit' || given === 'discharged' ? given : 'loaded';
  return statusForDates(
    {
      arrivalDate: arrivalText.trim() === '' ? null : arrivalText,
      dischargeDate: dischargeText.trim() === '' ? null : dischargeText,
    },
    status,
  );
}

function issue(field: string, code: string, message: string, facts: FieldIssue['facts']): FieldIssue {
  return { field, code, message, ...(facts ? { facts } : {}) };
}

const NAMES = { arrivalDate: 'Arrival date', dischargeDate: 'Discharge date' } as const;

/** Neither date before the B/L date nor after today at the load port; arrival not after discharge. */
function orderIssues(fields: VoyageDates, today: string): FieldIssue[] {
  const found: FieldIssue[] = [];
  for (const key of ['arrivalDate', 'dischargeDate'] as const) {
    const date = fields[key];
    if (date === null) continue;
    if (date < fields.blDate) {
      const message = `${NAMES[key]} ${date} is before the B/L date ${fields.blDate}; check both dates.`;
      found.push(issue(key, `${key}.before_bl`, message, { date: fields.blDate }));
    } else if (date > today) {
      const message = `${NAMES[key]} ${date} is in the future; today at Aktau is ${today}.`;
      found.push(issue(key, `${key}.future`, message, { today }));
    }
  }
  const { arrivalDate, dischargeDate } = fields;
  if (arrivalDate !== null && dischargeDate !== null && arrivalDate > dischargeDate) {
    const message = `Arrival date ${arrivalDate} is after the discharge date ${dischargeDate}; a tanker arrives first.`;
    found.push(issue('arrivalDate', 'arrivalDate.after_discharge', message, { date: dischargeDate }));
  }
  return found;
}

/** A status given that the dates contradict. */
function statusIssues(fields: VoyageDates & Pick<ShipmentFields, 'status'>): FieldIssue[] {
  const { status, arrivalDate, dischargeDate } = fields;
  if (dischargeDate !== null && status !== 'discharged') {
    const message =
      `The status is ${status.replace('_', ' ')}, but the cargo has a discharge date (${dischargeDate}): ` +
      `a discharged cargo. Leave the status blank or choose discharged, or clear the discharge date.`;
    return [issue('status', 'status.discharge_date', message, { date: dischargeDate })];
  }
  if (arrivalDate !== null && status === 'loaded') {
    const message =
      `The status is loaded, but the cargo has an arrival date (${arrivalDate}): it is in transit ` +
      `or discharged. Leave the status blank or choose another, or clear the arrival date.`;
    return [issue('status', 'status.arrival_date', message, { date: arrivalDate })];
  }
  return [];
}

/** Every refusal the voyage dates give, once each field reads. */
export function voyageDateIssues(fields: ShipmentFields, today: string): FieldIssue[] {
  return [...orderIssues(fields, today), ...statusIssues(fields)];
}

/** Calendar days from one `YYYY-MM-DD` to another, leap days counted (2024-02-28 → 2024-03-01 is 2). */
export function calendarDaysBetween(from: string, to: string): number {
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  if (!start || !end) throw new RangeError(`not a date: ${start ? to : from}`);
  return daysBetween(start, end);
}

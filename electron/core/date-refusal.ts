/**
 * A date a person typed, read by the core's one date reader, or its one refusal: the same for
 * every date typed anywhere (a B/L, arrival or discharge date, a laycan's days, a what-if
 * stoppage's). Text that is no date is refused as such; a date that does not exist (31.11.2026,
 * 30.02.2024, 01.13.2026) says why, with the year, the month and its days as facts, so a screen
 * says it in any language. Pure: no Node.
 */
import type { IssueFacts } from './api';
import { readDate } from './calendar';

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface DateRefusal {
  ok: false;
  /** The code's ending: `<field>.format` (no date at all), `<field>.impossible` (no such day). */
  reason: 'format' | 'impossible';
  message: string;
  facts: IssueFacts;
}

/** `text` read as a calendar date (YYYY-MM-DD), or why not, in English that names `label`. */
export function readTypedDate(text: string, label: string): { ok: true; date: string } | DateRefusal {
  const value = text.trim();
  const reading = readDate(value);
  if (reading.ok) return reading;
  if (reading.reason === 'format')
    return {
      ok: false,
      reason: 'format',
      message: `${label} "${value}" is not in the form YYYY-MM-DD or DD.MM.YYYY (e.g. 2024-05-03 or 03.05.2024).`,
      facts: { value },
    };
  const { year, month, daysInMonth: days } = reading;
  if (days === null)
    return {
      ok: false,
      reason: 'impossible',
      message: `${label} ${value} does not exist: there is no month ${month}.`,
      facts: { value, year, month },
    };
  const monthYear = `${MONTH_NAMES[month - 1] ?? ''} ${year}`;
  return {
    ok: false,
    reason: 'impossible',
    message: `${label} ${value} does not exist: ${monthYear} has ${days} days.`,
    facts: { value, year, month, days },
  };
}

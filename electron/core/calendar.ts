/**
 * Calendar dates are `YYYY-MM-DD` strings: the load-port date written on the B/L. Month and year
 * are read from the string; date-fns does the calendar arithmetic on local-midnight dates built
 * from those parts, so no time zone can move a cargo into another month.
 */
// One entry point per function: the package's index requires all of date-fns (about 0.25 s).
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { getDaysInYear } from 'date-fns/getDaysInYear';
import { isExists } from 'date-fns/isExists';

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(text: string): CalendarDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (!isExists(year, month - 1, day)) return null;
  return { year, month, day };
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toLocal({ year, month, day }: CalendarDate): Date {
  const date = new Date(year, month - 1, day);
  // new Date() maps years 0-99 to 1900-1999.
  date.setFullYear(year);
  return date;
}

function fromLocal(date: Date): CalendarDate {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

export function daysInYear(year: number): number {
  return getDaysInYear(toLocal({ year, month: 1, day: 1 }));
}

export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(toLocal({ year, month, day: 1 }));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInCalendarDays(toLocal(to), toLocal(from));
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return fromLocal(addDays(toLocal(date), days));
}

/** Aktau keeps UTC+5 all year (no daylight saving), and the B/L date is the date there. */
export const LOAD_PORT_UTC_OFFSET_HOURS = 5;

export function todayAtLoadPort(now: Date): string {
  const shifted = new Date(now.getTime() + LOAD_PORT_UTC_OFFSET_HOURS * 3_600_000);
  return shifted.toISOString().slice(0, 10);
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function isSupportedYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * What a typed date means. `impossible` carries the parts it was read as, so a message can say
 * why in any language: February 2024 has 29 days (`daysInMonth`), or there is no month 13 (null).
 */
export type DateReading =
  | { ok: true; date: string }
  | { ok: false; reason: 'format' }
  | { ok: false; reason: 'impossible'; year: number; month: number; day: number; daysInMonth: number | null };

// A date picker and the ISO form give year first; clerks write day first, as the register shows
// dates, with points or slashes (DD.MM.YYYY, D.M.YYYY, DD/MM/YYYY). A two-digit year is refused:
// "03.05.24" could be a typing slip for any century's year, and a B/L date is worth four digits.
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})$/;

/**
 * The one reader of a calendar date typed by a person or found in a file: `YYYY-MM-DD` (what a
 * date picker gives), `DD.MM.YYYY`, `D.M.YYYY` or `DD/MM/YYYY`. The date is stored as `YYYY-MM-DD`.
 */
export function readDate(text: string): DateReading {
  const trimmed = text.trim();
  const yearFirst = YEAR_FIRST.exec(trimmed);
  const dayFirst = yearFirst ? null : DAY_FIRST.exec(trimmed);
  if (!yearFirst && !dayFirst) return { ok: false, reason: 'format' };
  const [year, month, day] = yearFirst
    ? [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])]
    : [Number(dayFirst?.[4]), Number(dayFirst?.[3]), Number(dayFirst?.[1])];
  if (month < 1 || month > 12)
    return { ok: false, reason: 'impossible', year, month, day, daysInMonth: null };
  const days = monthLength(year, month);
  if (day < 1 || day > days) return { ok: false, reason: 'impossible', year, month, day, daysInMonth: days };
  // Already in the stored form (what a picker and every export give): no need to build it again.
  if (trimmed.length === 10 && yearFirst) return { ok: true, date: trimmed };
  return { ok: true, date: formatIsoDate({ year, month, day }) };
}

/**
 * Days in a month of the Gregorian calendar, by arithmetic: an import reads a date per row, and
 * building a Date for each (as daysInMonth does) costs more than the rest of reading it.
 */
function monthLength(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

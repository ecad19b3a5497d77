/**
 * A typed date the core refused as no such day (`<field>.impossible`, electron/core/date-refusal.ts),
 * as a sentence's variables: the day typed, the last day of that month the page's way (30.11.2026),
 * or the month number that does not exist. Shared by every screen where a date is typed, so each says
 * 31.11.2026 alike.
 */
import type { IssueFacts } from '../../electron/core/api';
import { calendarDate } from './format';
import type { Vars } from './i18n';
import type { Language } from './settings';

/** The sentence's ending (`impossible`, or `impossible_month` when the month is none) and its variables. */
export function noSuchDay(
  language: Language,
  facts: IssueFacts,
): { ending: 'impossible' | 'impossible_month'; vars: Vars } | null {
  const { value, year, month, days } = facts;
  if (typeof value !== 'string' || typeof year !== 'number' || typeof month !== 'number') return null;
  if (typeof days !== 'number') return { ending: 'impossible_month', vars: { value, month } };
  const lastDay = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(days).padStart(2, '0')}`;
  return { ending: 'impossible', vars: { value, lastDay: calendarDate(language, lastDay) } };
}

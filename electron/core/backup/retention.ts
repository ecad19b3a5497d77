/**
 * Which backups go: daily ones older than 14 days, monthly ones older than 12 months. Manual
 * backups stay until a person removes them (someone asked for each). The newest good backup is
 * never removed, whatever its age: a ledger left alone for a month still has one to go back to.
 * Pure, with today given, so the rule is pinned with a fixed clock.
 */
import type { NamedBackup } from './names';

export const KEEP_DAILY_DAYS = 14;
export const KEEP_MONTHLY_MONTHS = 12;

/** Days since 1970 of a `YYYY-MM-DD` calendar day: whole days, whatever the time zone. */
function dayNumber(day: string): number {
  return Math.floor(
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000,
  );
}

function monthNumber(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

function expired(backup: NamedBackup, today: string): boolean {
  if (backup.kind === 'daily') return dayNumber(today) - dayNumber(backup.day) >= KEEP_DAILY_DAYS;
  if (backup.kind === 'monthly') return monthNumber(today) - monthNumber(backup.day) >= KEEP_MONTHLY_MONTHS;
  return false;
}

/** The names to remove from `good` (every one verified when written), newest kept whatever its age. */
export function prunable(good: readonly NamedBackup[], today: string): string[] {
  const gone = good.filter((backup) => expired(backup, today));
  if (gone.length < good.length) return gone.map((backup) => backup.name);
  const newest = [...good].sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0))[0];
  return gone.filter((backup) => backup !== newest).map((backup) => backup.name);
}

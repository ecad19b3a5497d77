/**
 * What opening a damaged ledger found, worded in the page's language from the core's report: a
 * lead sentence (confirmed entries lost; nothing confirmed lost but the ledger was not closed
 * cleanly; nothing missing but the file was changed), a short list naming each lost entry by its
 * line and number and why, with the cargo it held as far as the damaged line can still be read
 * (the core's codes and structured fields, never its English), and where the damaged original was
 * kept. A report without these fields (an older server) gives null: the banner then shows the
 * core's own message.
 */
import type {
  LostCargo,
  LostEntry,
  LostPeriod,
  RecoveryNote,
  RecoveryReport,
} from '../../../electron/core/api';
import { parseIsoDate } from '../../../electron/core/calendar';
import { unsettledMonths } from '../../../electron/core/journal/describe';
import { calendarDate, monthName, tonnes } from '../format';
import { LOCALES, MESSAGES, type Translate } from '../i18n';
import { pluralCategory } from '../register/text';
import type { Language } from '../settings';

/** At most this many findings are listed; the rest are counted. */
export const LISTED = 5;

export interface RecoveryText {
  lead: string;
  items: string[];
  /** Findings not listed. */
  more: number;
  /** Where the original was kept, and whether the file is left as it was (read-only). */
  after: string[];
}

/** A calendar date the way the language writes it; anything else (a damaged line's text) as it is. */
function dateText(language: Language, date: string | null): string {
  if (date === null) return '?';
  return parseIsoDate(date) !== null ? calendarDate(language, date) : date;
}

/**
 * The cargo a lost entry held, as far as its line can still be read (the core's LostCargo): the
 * fields are data, shown as read, in the language's sentence; a part that cannot be read is `?`.
 */
function cargoText(t: Translate, language: Language, cargo: LostCargo): string {
  const vars = {
    vessel: cargo.vessel ?? '?',
    bl: cargo.blNumber ?? '',
    date: dateText(language, cargo.blDate),
    tonnes: cargo.netKg === null ? '?' : tonnes(language, cargo.netKg),
  };
  return t(cargo.blNumber === null ? 'recovery.cargo.noNumber' : 'recovery.cargo', vars);
}

/** "July 2024" in the page's language. */
function monthText(language: Language, month: string): string {
  return `${monthName(language, month, 'long')} ${month.slice(0, 4)}`;
}

/** The close or reopening a lost entry held, by its month as far as the line still shows it. */
function periodText(t: Translate, language: Language, period: LostPeriod): string {
  if (period.month === null) return t('recovery.period.noMonth');
  return t(`recovery.period.${period.action ?? 'either'}`, { month: monthText(language, period.month) });
}

/**
 * What the list shows after the dash: the cargo the entry held, the month it closed or reopened,
 * or a damaged line's own text when nothing of an entry is left in it; null when the line and
 * number already say all there is.
 */
function detailText(t: Translate, language: Language, entry: LostEntry): string | null {
  if (entry.cargo) return cargoText(t, language, entry.cargo);
  if (entry.period) return periodText(t, language, entry.period);
  if (entry.text) return t('recovery.raw', { text: entry.text });
  return null;
}

function place(t: Translate, line: number | null, seq: number | null, count: number): string | null {
  if (line !== null && count > 1) return t('recovery.where.lines', { line, last: line + count - 1 });
  if (line !== null && seq !== null) return t('recovery.where.lineEntry', { line, seq });
  if (line !== null) return t('recovery.where.line', { line });
  if (seq !== null && count > 1) return t('recovery.where.entries', { seq, last: seq + count - 1 });
  if (seq !== null) return t('recovery.where.entry', { seq });
  return null;
}

function sentenceCase(text: string, language: Language): string {
  return text.charAt(0).toLocaleUpperCase(LOCALES[language]) + text.slice(1);
}

/**
 * "Cut off the end of the file: entries #4–#5", "Damaged (…): line 5, entry #5 — Astana, B/L …".
 * What happened comes first, so its wording never has to agree with one entry or several.
 */
function item(language: Language, what: string, where: string | null, detail: string | null): string {
  const said = where ? `${sentenceCase(what, language)}: ${where}` : sentenceCase(what, language);
  return detail ? `${said} — ${detail}` : said;
}

/** A code this page has no words for (a newer core) is said in the core's own words rather than as a key. */
function said(t: Translate, key: string, coreWords: string): string {
  return key in MESSAGES.en ? t(key) : coreWords;
}

/** Why the entry is lost: its code; for an intact entry left out, the rule it broke, with its facts. */
function lossText(t: Translate, language: Language, entry: LostEntry): string {
  const cause = entry.cause;
  const key = cause ? `recovery.cause.${cause.code}` : null;
  if (cause && key && key in MESSAGES.en) {
    const vars: Record<string, string> = {};
    for (const [name, fact] of Object.entries(cause.facts))
      vars[name] = name === 'date' ? dateText(language, String(fact)) : String(fact);
    const text = t(key, vars);
    if (!/\{\w+\}/.test(text)) return text;
  }
  return said(t, `recovery.loss.${entry.code}`, entry.reason);
}

function lostItem(t: Translate, language: Language, entry: LostEntry): string {
  const where = place(t, entry.line, entry.seq, entry.count);
  return item(language, lossText(t, language, entry), where, detailText(t, language, entry));
}

/** Notes of one kind are said once: where, when there is only one of them. */
function noteItems(t: Translate, language: Language, notes: readonly RecoveryNote[]): string[] {
  const byCode = new Map<RecoveryNote['code'], RecoveryNote[]>();
  for (const note of notes) byCode.set(note.code, [...(byCode.get(note.code) ?? []), note]);
  return [...byCode].map(([code, same]) => {
    const only = same.length === 1 ? same[0] : undefined;
    return item(
      language,
      said(t, `recovery.note.${code}`, same[0]?.message ?? code),
      only ? place(t, only.line, only.seq, 1) : null,
      null,
    );
  });
}

function leadText(t: Translate, language: Language, report: RecoveryReport): string {
  const kept = report.keptEntries.toLocaleString(LOCALES[language]);
  const confirmed = Math.max(
    report.confirmedLost,
    report.lost.filter((entry) => entry.confirmed).reduce((sum, entry) => sum + entry.count, 0),
  );
  if (confirmed > 0) {
    const count = confirmed.toLocaleString(LOCALES[language]);
    const lead = t(`recovery.lead.lost.${pluralCategory(language, confirmed)}`, { count, kept });
    // A lost close leaves its month unsettled: no write until a manager closes it again.
    const months = unsettledMonths(report.lost).map((month) => monthText(language, month));
    const held = months.length > 0 ? ` ${t('recovery.unsettled', { months: months.join(', ') })}` : '';
    return `${lead} ${t('recovery.lead.lostAction')}${held}`;
  }
  if (report.lost.length > 0) return t('recovery.lead.unclean', { kept });
  const serious = !report.complete || report.notes.some((note) => note.serious);
  return t(serious ? 'recovery.lead.suspect' : 'recovery.lead.changed', { kept });
}

function hasStructure(report: Partial<RecoveryReport>): report is RecoveryReport {
  return (
    Array.isArray(report.lost) &&
    Array.isArray(report.notes) &&
    typeof report.keptEntries === 'number' &&
    typeof report.confirmedLost === 'number'
  );
}

export function recoveryText(
  t: Translate,
  language: Language,
  report: RecoveryReport,
  readOnly: boolean,
): RecoveryText | null {
  if (!hasStructure(report)) return null;
  const all = [
    ...report.lost.map((entry) => lostItem(t, language, entry)),
    ...noteItems(t, language, report.notes),
  ];
  const after: string[] = [];
  if (report.backupPath) after.push(t('recovery.backup', { path: report.backupPath }));
  if (readOnly) after.push(t('recovery.readOnly'));
  return {
    lead: leadText(t, language, report),
    items: all.slice(0, LISTED),
    more: Math.max(0, all.length - LISTED),
    after,
  };
}

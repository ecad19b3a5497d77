/**
 * The programme's refusals in the page's language: each code of the core's nomination reader and
 * programme writes has its sentence here (`programme.issue.<code>`), filled with the core's facts,
 * dates as the page writes them; any other failure (the ledger locked, switched) as every screen says it.
 */
import type { FieldIssue } from '../../../electron/core/api';
import { SUGGESTION_SEPARATOR } from '../../../electron/core/fleet';
import { noSuchDay } from '../date-refusal';
import { failureText, type Failure } from '../errors';
import { calendarDate, wholeTonnes } from '../format';
import type { Translate } from '../i18n';
import type { Language } from '../settings';

export function issueText(t: Translate, language: Language, issue: FieldIssue): string {
  const facts = issue.facts ?? {};
  const noDay = issue.code === 'laycan.impossible' ? noSuchDay(language, facts) : null;
  if (noDay) return t(`programme.issue.laycan.${noDay.ending}`, noDay.vars);
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(facts)) vars[name] = value;
  // Every date the core states, the page's way; `value` is the person's text, quoted as typed.
  for (const [name, fact] of Object.entries(facts))
    if (typeof fact === 'string' && name !== 'value') vars[name] = calendarDate(language, fact);
  if (typeof facts.suggestions === 'string')
    vars.suggestions = facts.suggestions.split(SUGGESTION_SEPARATOR).join(', ');
  if (typeof facts.capacity === 'number') vars.capacity = wholeTonnes(language, facts.capacity * 1000);
  if (typeof facts.tonnesKg === 'number') vars.tonnes = wholeTonnes(language, facts.tonnesKg);
  if (typeof facts.deadweightKg === 'number') vars.deadweight = wholeTonnes(language, facts.deadweightKg);
  if (typeof facts.asThousandsKg === 'number') vars.asThousands = wholeTonnes(language, facts.asThousandsKg);
  if (typeof facts.asDecimalKg === 'number') vars.asDecimal = wholeTonnes(language, facts.asDecimalKg);
  const code =
    issue.code === 'vessel.unknown' && vars.suggestions === undefined ? 'vessel.unknown_none' : issue.code;
  const key = `programme.issue.${code}`;
  const said = t(key, vars);
  return said === key
    ? failureText(t, language, { code: 'invalid', message: issue.message, issues: [issue] })
    : said;
}

/** A refusal in one sentence: its first issue's, or the failure as every screen words it. */
export function failureSentence(t: Translate, language: Language, failure: Failure): string {
  const first = failure.issues[0];
  return first ? issueText(t, language, first) : failureText(t, language, failure);
}

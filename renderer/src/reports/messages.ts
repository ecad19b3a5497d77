/**
 * Problems with an import file as a whole, in the person's language. The core gives each a stable
 * code and its specifics as facts (line, byte offset, the byte, an excerpt of the line); the
 * sentence is `reports.import.issue.<code>`, with numbers written the language's way. A code
 * without a sentence, or a sentence missing one of its facts, shows the core's own words rather
 * than a sentence that has lost a specific.
 */
import type { FieldIssue } from '../../../electron/core/api';
import { integer } from '../format';
import { MESSAGES, translate, type Vars } from '../i18n';
import type { Language } from '../settings';

export function fileIssueText(language: Language, issue: FieldIssue): string {
  const key = `reports.import.issue.${issue.code}`;
  if (!(key in MESSAGES.en)) return issue.message;
  const vars: Vars = {};
  for (const [name, fact] of Object.entries(issue.facts ?? {}))
    vars[name] = typeof fact === 'number' ? integer(language, fact) : fact;
  const text = translate(language, key, vars);
  return /\{\w+\}/.test(text) ? issue.message : text;
}

/**
 * Questions asked BEFORE a save. The core accepts a 13–15 kt cargo and a B/L dated more than 60
 * days back, and reports them only as warnings of a save that has already happened
 * (`netTonnes.large`, `blDate.old`). A clerk should be asked first, so the form checks exactly
 * these two rules itself — with the core's own constants, parser and calendar, the same
 * comparisons shipment.ts makes, and no threshold of its own. Everything else (a 20,000 t cargo
 * needing force, impossible dates, duplicates) is decided by the core through the store.
 */
import type { FieldIssue, ShipmentInput } from '../../../electron/core/api';
import { daysBetween, MIN_YEAR, parseIsoDate } from '../../../electron/core/calendar';
import { parseTonnesText } from '../../../electron/core/quantity';
import { OLD_BL_DATE_DAYS, OVERRIDE_CARGO_KG, UNUSUAL_CARGO_KG } from '../../../electron/core/shipment';

export interface Question extends FieldIssue {
  /** What was asked about, so the same answer is not asked for twice. */
  key: string;
}

export function questionsBeforeSaving(input: ShipmentInput, today: string): Question[] {
  const questions: Question[] = [];

  if (typeof input.blDate === 'string') {
    const text = input.blDate.trim();
    const date = parseIsoDate(text);
    const now = parseIsoDate(today);
    if (date && now && date.year >= MIN_YEAR) {
      const age = daysBetween(date, now);
      if (age > OLD_BL_DATE_DAYS) {
        questions.push({
          field: 'blDate',
          code: 'blDate.old',
          message: `B/L date ${text} is ${age} days ago; check the date.`,
          overridable: true,
          facts: { days: age },
          key: `blDate.old:${text}`,
        });
      }
    }
  }

  if (typeof input.netTonnes === 'string') {
    // The core's own reading of tonnes text: trimmed, a leading "+" allowed.
    const text = input.netTonnes.trim().replace(/^\+/, '');
    const parsed = parseTonnesText(text);
    // Above OVERRIDE_CARGO_KG the core itself refuses without force; the store turns that into a question.
    if (parsed.ok && parsed.kg > UNUSUAL_CARGO_KG && parsed.kg <= OVERRIDE_CARGO_KG) {
      questions.push({
        field: 'netTonnes',
        code: 'netTonnes.large',
        message: `${text} t is a very large cargo for the Caspian; check the figure.`,
        overridable: true,
        key: `netTonnes.large:${parsed.kg}`,
      });
    }
  }
  return questions;
}

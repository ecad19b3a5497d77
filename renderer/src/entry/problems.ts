/**
 * What the shipment form makes of the core's answers: refusals and questions, which question was
 * already answered, which field to go to; and which keys save. Pure, so both forms share it.
 */
import type { KeyboardEvent } from 'react';
import type { FieldIssue } from '../../../electron/core/api';
import type { InputKey } from '../../../electron/core/fields';
import type { CheckOutcome } from '../store';
import { fieldOfIssue, FORM_KEYS, type FormValues } from './form-values';

export interface Problems {
  /** Refusals: the field must change before anything is saved. */
  errors: readonly FieldIssue[];
  /** Questions: a person may confirm the value as it is. */
  notes: readonly FieldIssue[];
  /** After a save was tried every field's problems show; before, only those of fields already left. */
  all: boolean;
}

export interface Asking {
  questions: readonly FieldIssue[];
  values: FormValues;
  /** The core refused without force: "Save anyway" sends it. */
  force: boolean;
}

export const NO_PROBLEMS: Problems = { errors: [], notes: [], all: false };

/** The core's answer as refusals and questions. */
export function sorted(outcome: Exclude<CheckOutcome, { status: 'failed' }>): Omit<Problems, 'all'> {
  if (outcome.status === 'ok') return { errors: [], notes: outcome.warnings };
  return {
    errors: outcome.issues.filter((issue) => !issue.overridable),
    notes: outcome.issues.filter((issue) => issue.overridable),
  };
}

/** What a question was about: asked again only when the value it was asked of changes. */
export function questionKey(issue: FieldIssue, values: FormValues): string {
  const key = fieldOfIssue(issue.field);
  return [issue.code, issue.field, key ? values[key] : '', JSON.stringify(issue.facts ?? {})].join('|');
}

/** The first field in form order that one of the issues is about. */
export function firstField(issues: readonly FieldIssue[]): InputKey | undefined {
  return FORM_KEYS.find((key) => issues.some((issue) => fieldOfIssue(issue.field) === key));
}

/**
 * Whether a key press saves: Enter in a one-line field or a list, as in any desktop dialog (in a
 * textarea it starts a new line); Ctrl/Cmd+Enter from anywhere in the form, a textarea included.
 */
export function isSubmitKey(event: KeyboardEvent<HTMLFormElement>): boolean {
  if (event.key !== 'Enter' || event.altKey || event.shiftKey || event.nativeEvent.isComposing) return false;
  const target = event.target;
  return (
    event.ctrlKey ||
    event.metaKey ||
    target instanceof HTMLSelectElement ||
    target instanceof HTMLInputElement
  );
}

/**
 * The one form hook behind the entry form and the edit dialog. It keeps the fields' text and asks
 * the core about it (a check that writes nothing) when a field is left and when the form is
 * submitted; it decides nothing itself. A refusal is shown at its fields, the first in form order
 * focused; the core's questions (an unusual figure, a second entry of a cargo, an old date) are
 * asked together before anything is saved, and an answer is not asked for again while the value
 * it answered stands. Enter saves from a field, Ctrl/Cmd+Enter from anywhere, a textarea included.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { FieldIssue } from '../../../electron/core/api';
import type { InputKey } from '../../../electron/core/fields';
import type { Failure } from '../errors';
import type { CheckOutcome, SaveOutcome } from '../store';
import { fieldOfIssue, FIRST_KEY, isMoreField, withChange, type FormValues } from './form-values';
import {
  firstField,
  NO_PROBLEMS,
  questionKey,
  sorted,
  isSubmitKey,
  type Asking,
  type Problems,
} from './problems';

/** A pause after leaving a field, so that tabbing through several asks the core once. */
export const CHECK_DELAY_MS = 250;

export type Saved = Extract<SaveOutcome, { status: 'saved' }>;

export interface ShipmentFormOptions {
  initial(): FormValues;
  check(values: FormValues): Promise<CheckOutcome>;
  save(values: FormValues, force: boolean): Promise<SaveOutcome>;
  /** After a save: the values the form starts again with, or nothing when the form goes away. */
  onSaved(saved: Saved, values: FormValues, asked: readonly FieldIssue[]): FormValues | null;
  /** A person changed a field (typed, stepped a date, chose a reading); not called by a reset. */
  onEdit?(): void;
  /** Before a submit is checked: false stops it (the view says why, e.g. no reason given). */
  beforeSubmit?(values: FormValues): boolean;
  disabled?: boolean;
  detailsOpen?: boolean;
}

export function useShipmentForm(options: ShipmentFormOptions) {
  const [values, setValuesState] = useState<FormValues>(options.initial);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set());
  const [failure, setFailure] = useState<Failure | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [busy, setBusyState] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(options.detailsOpen === true);
  const [focusRequest, setFocusRequest] = useState({ key: FIRST_KEY as string, n: 0 });
  /**
   * Field errors said aloud by the fieldset's polite live region: those that appear where the
   * focus is not taken to them (a check after a field was left, or a refusal at the field that
   * already has the focus). An error the focus moves to is read from its aria-describedby, so it
   * is not said twice. `n` makes a repeated refusal a new announcement.
   */
  const [announced, setAnnounced] = useState<{ issues: readonly FieldIssue[]; n: number }>({
    issues: [],
    n: 0,
  });
  const shown = useRef<{ problems: Problems; visited: ReadonlySet<string> }>({
    problems: NO_PROBLEMS,
    visited: new Set(),
  });
  const formElement = useRef<HTMLFormElement | null>(null);
  // A callback ref: the form element is for effects and handlers only, never read while rendering.
  const attachForm = useCallback((element: HTMLFormElement | null) => {
    formElement.current = element;
  }, []);
  // For answers that arrive later: the values as they are now, and whether a save is under way.
  const current = useRef(values);
  const busyRef = useRef(false);
  const lastChecked = useRef<FormValues | null>(null);
  const moving = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const answered = useRef(new Set<string>());
  /** The questions the core raised for this submit, answered or not. */
  const seen = useRef<readonly FieldIssue[]>([]);

  useEffect(() => () => window.clearTimeout(timer.current), []);
  // A passive effect on purpose: it runs after a closing <dialog> has handed the focus back.
  useEffect(() => {
    const control = formElement.current?.elements.namedItem(focusRequest.key);
    if (!(control instanceof HTMLElement) || control.matches(':disabled')) return;
    // The field this takes the focus from was not left by the person: after a save it would be
    // checked blank and show the next cargo a refusal before anything was typed.
    moving.current = true;
    control.focus();
    moving.current = false;
    if (control instanceof HTMLInputElement) control.select();
  }, [focusRequest]);

  // What the fields show, at hand for answers that arrive later.
  useEffect(() => {
    shown.current = { problems, visited };
  }, [problems, visited]);

  function announce(issues: readonly FieldIssue[]) {
    if (issues.length > 0) setAnnounced((was) => ({ issues, n: was.n + 1 }));
  }

  function setValues(next: FormValues) {
    current.current = next;
    setValuesState(next);
  }

  function setBusy(on: boolean) {
    busyRef.current = on;
    setBusyState(on);
  }

  function focusField(key: InputKey) {
    if (isMoreField(key)) setDetailsOpen(true);
    setFocusRequest((request) => ({ key, n: request.n + 1 }));
  }

  function change(key: InputKey, value: string) {
    options.onEdit?.();
    setValues(withChange(current.current, key, value));
    const keep = (issue: FieldIssue) => fieldOfIssue(issue.field) !== key;
    setProblems((was) => ({ ...was, errors: was.errors.filter(keep), notes: was.notes.filter(keep) }));
  }

  /** A field was left: its problems may show, and the core is asked once the person pauses. */
  function leave(key: InputKey) {
    if (moving.current) return;
    setVisited((was) => (was.has(key) ? was : new Set(was).add(key)));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void checkQuietly(), CHECK_DELAY_MS);
  }

  async function checkQuietly() {
    const asked = current.current;
    if (busyRef.current || asked === lastChecked.current) return;
    lastChecked.current = asked;
    const outcome = await options.check(asked);
    // An answer about values since changed, or overtaken by a save, says nothing any more.
    if (outcome.status === 'failed' || current.current !== asked || busyRef.current) return;
    const { problems: was, visited: left } = shown.current;
    const found = sorted(outcome);
    // Said aloud: the errors this check brings to a field that shows its problems, new there.
    const key = (issue: FieldIssue) => `${fieldOfIssue(issue.field) ?? ''}|${issue.code}`;
    const before = new Set(was.errors.map(key));
    announce(
      found.errors.filter((issue) => {
        const field = fieldOfIssue(issue.field);
        return field !== null && (was.all || left.has(field)) && !before.has(key(issue));
      }),
    );
    setProblems((prev) => ({ ...found, all: prev.all }));
  }

  function reset(next: FormValues) {
    setValues(next);
    setProblems(NO_PROBLEMS);
    setVisited(new Set());
    setFailure(null);
    answered.current.clear();
    lastChecked.current = null;
    focusField(FIRST_KEY);
  }

  /** Shows what the core found; true when nothing stands in the way of a save. */
  function settle(found: Omit<Problems, 'all'>, asked: FormValues, force: boolean): boolean {
    setProblems({ ...found, all: true });
    seen.current = [...seen.current, ...found.notes];
    if ([...found.errors, ...found.notes].some((issue) => isMoreField(fieldOfIssue(issue.field))))
      setDetailsOpen(true);
    const first = firstField(found.errors);
    if (found.errors.length > 0) {
      if (first) {
        // Focus that does not move reads nothing: the live region says the field's refusal instead.
        const control = formElement.current?.elements.namedItem(first);
        if (control instanceof HTMLElement && control === document.activeElement)
          announce(found.errors.filter((issue) => fieldOfIssue(issue.field) === first));
        focusField(first);
      }
      return false;
    }
    const questions = found.notes.filter((issue) => !answered.current.has(questionKey(issue, asked)));
    if (questions.length > 0) setAsking({ questions, values: asked, force });
    return questions.length === 0;
  }

  async function save(asked: FormValues, force: boolean) {
    setBusy(true);
    const outcome = await options.save(asked, force);
    setBusy(false);
    if (outcome.status === 'failed') return setFailure(outcome);
    // Refused after the check agreed (another window recorded the same cargo meanwhile): asked now.
    if (outcome.status !== 'saved') return void settle(sorted(outcome), asked, true);
    const next = options.onSaved(outcome, asked, seen.current);
    if (next) reset(next);
  }

  async function submit() {
    if (busyRef.current || asking || options.disabled) return;
    window.clearTimeout(timer.current);
    const asked = current.current;
    if (options.beforeSubmit && !options.beforeSubmit(asked)) return;
    setBusy(true);
    setFailure(null);
    seen.current = [];
    const outcome = await options.check(asked);
    setBusy(false);
    if (outcome.status === 'failed') return setFailure(outcome);
    const force = outcome.status === 'confirm';
    if (settle(sorted(outcome), asked, force)) await save(asked, force);
  }

  function saveAnyway() {
    if (!asking) return;
    for (const issue of asking.questions) answered.current.add(questionKey(issue, asking.values));
    setAsking(null);
    void save(asking.values, asking.force);
  }

  function goBack() {
    if (!asking) return;
    setAsking(null);
    focusField(firstField(asking.questions) ?? FIRST_KEY);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (!isSubmitKey(event)) return;
    event.preventDefault();
    void submit();
  }

  /** What shows at a field: its problems once it was left or a save was tried. */
  function at(key: InputKey): Omit<Problems, 'all'> {
    if (!problems.all && !visited.has(key)) return { errors: [], notes: [] };
    const mine = (issue: FieldIssue) => fieldOfIssue(issue.field) === key;
    return { errors: problems.errors.filter(mine), notes: problems.notes.filter(mine) };
  }

  const formIssues = problems.errors.filter((issue) => fieldOfIssue(issue.field) === null);
  return {
    ...{ values, change, leave, at, formIssues, failure, setFailure, asking, busy, reset },
    ...{
      submit,
      saveAnyway,
      goBack,
      onKeyDown,
      attachForm,
      focusField,
      announced,
      detailsOpen,
      setDetailsOpen,
    },
  };
}

/** The form as its parts use it; the element is attached by the view's <form ref>. */
export type ShipmentForm = Omit<ReturnType<typeof useShipmentForm>, 'attachForm'>;

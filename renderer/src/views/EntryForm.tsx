/**
 * New shipment: one bill of lading typed from the keyboard, saved with Enter. The form decides
 * nothing about validity — every refusal and every question comes from the core through the store
 * — except asking before saving about the two values the core only warns of after a save (see
 * entry/precheck.ts). After a save the form starts the next cargo with the carried defaults.
 */
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { FieldIssue, Shipment, ShipmentInput } from '../../../electron/core/api';
import {
  addCalendarDays,
  formatIsoDate,
  parseIsoDate,
  todayAtLoadPort,
} from '../../../electron/core/calendar';
import { Dialog } from '../components/Dialog';
import {
  carriedDefaults,
  DETAIL_FIELDS,
  fieldOfIssue,
  FORM_FIELDS,
  initialValues,
  REQUIRED_FIELDS,
  toShipmentInput,
  type FieldName,
  type FormValues,
} from '../entry/fields';
import { issueText } from '../entry/messages';
import { questionsBeforeSaving } from '../entry/precheck';
import { gradeSuggestions, recentShipments, vesselSuggestions } from '../entry/suggestions';
import { calendarDate, tonnes } from '../format';
import { failureText } from '../errors';
import { useLanguage, useT, type Translate } from '../i18n';
import { useSettings, type Language } from '../settings';
import { useLedger } from '../store';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** One press of Enter: what was on the form and what was sent for it. */
interface Attempt {
  values: FormValues;
  input: ShipmentInput;
}

interface Asking {
  /** 'before': the form's own question (large cargo, old date); 'core': the core wants force. */
  stage: 'before' | 'core';
  issues: FieldIssue[];
  attempt: Attempt;
  /** Everything asked and answered for this attempt so far. */
  asked: FieldIssue[];
}

interface Problems {
  /** The core's refusal, shown as errors. */
  errors: FieldIssue[];
  /** Questions the person chose to go back to, shown as warnings. */
  notes: FieldIssue[];
  /** The input those issues were about, for the specifics in their sentences. */
  sent: ShipmentInput;
}

interface Saved {
  shipment: Shipment;
  /** Warnings of the save that were not already asked about (an outturn far from the B/L figure). */
  notes: FieldIssue[];
  attempt: Attempt;
  /** The fresh form the save left behind; Undo refills the form only while it is still untouched. */
  fresh: FormValues;
  undo: 'available' | 'done' | 'failed';
}

/** Fields with a line of help under them (entry.hint.<field>). */
const HINTED: readonly FieldName[] = [
  'blDate',
  'vessel',
  'grade',
  'netTonnes',
  'imo',
  'outturnTonnes',
  'remarks',
];

const NO_PROBLEMS: Problems = { errors: [], notes: [], sent: {} };

function cargoText(t: Translate, language: Language, shipment: Shipment): string {
  const vars = {
    vessel: shipment.vessel,
    blNumber: shipment.blNumber ?? '',
    date: calendarDate(language, shipment.blDate),
    tonnes: tonnes(language, shipment.netKg),
  };
  return t(shipment.blNumber ? 'entry.cargo' : 'entry.cargoNoBl', vars);
}

function sameValues(a: FormValues, b: FormValues): boolean {
  return FORM_FIELDS.every((name) => a[name] === b[name]);
}

function FieldBlock({
  name,
  label,
  required,
  hint,
  errors,
  notes,
  className,
  children,
}: {
  name: FieldName;
  label: string;
  required: boolean;
  hint?: string;
  errors: string[];
  notes: string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`entry-field${className ? ` ${className}` : ''}`} data-field={name}>
      <label htmlFor={`entry-${name}`} className="entry-label">
        {label}
        {required && (
          <span className="entry-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children}
      {errors.length > 0 && (
        <p id={`entry-${name}-error`} className="field-error entry-message">
          {errors.join(' ')}
        </p>
      )}
      {notes.length > 0 && (
        <p id={`entry-${name}-note`} className="field-warning entry-message">
          {notes.join(' ')}
        </p>
      )}
      {hint && (
        <p id={`entry-${name}-hint`} className="entry-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export function EntryForm({ now = () => new Date() }: { now?: () => Date } = {}) {
  const t = useT();
  const language = useLanguage();
  const record = useLedger((s) => s.record);
  const undoLast = useLedger((s) => s.undoLast);
  const shipments = useLedger((s) => s.shipments);
  const year = useLedger((s) => s.year);
  const readOnly = useLedger((s) => s.info?.readOnly === true);
  const updateSettings = useSettings((s) => s.update);

  const [values, setValues] = useState<FormValues>(() =>
    initialValues(useSettings.getState().entryDefaults, todayAtLoadPort(now())),
  );
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [failure, setFailure] = useState<string | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [busy, setBusy] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ field: FieldName; n: number }>({
    field: 'blDate',
    n: 0,
  });

  const form = useRef<HTMLFormElement>(null);
  const backButton = useRef<HTMLButtonElement>(null);
  const busyRef = useRef(false);
  /** Questions already answered "save anyway" for this cargo, so a later fix does not ask again. */
  const answered = useRef(new Set<string>());

  const vessels = useMemo(() => vesselSuggestions(shipments), [shipments]);
  const grades = useMemo(() => gradeSuggestions(shipments), [shipments]);
  const recent = useMemo(() => recentShipments(shipments, 5), [shipments]);

  // The first field on mount, the first invalid field after a refusal, the questioned field after
  // "Go back". A passive effect on purpose: it runs after the Dialog's own effect has closed the
  // <dialog>, which hands the focus back to where it was before; this then moves it on.
  useEffect(() => {
    const control = form.current?.elements.namedItem(focusRequest.field);
    if (!(control instanceof HTMLElement) || control.matches(':disabled')) return;
    control.focus();
    if (control instanceof HTMLInputElement) control.select();
  }, [focusRequest]);

  // The safe answer has the focus: a reflexive Enter goes back to the figure, not past the question.
  useEffect(() => {
    if (asking) backButton.current?.focus();
  }, [asking]);

  function focusField(field: FieldName) {
    if ((DETAIL_FIELDS as readonly string[]).includes(field)) setDetailsOpen(true);
    setFocusRequest((request) => ({ field, n: request.n + 1 }));
  }

  function change(name: FieldName, value: string) {
    setValues((current) => ({ ...current, [name]: value }));
    setProblems((current) => {
      const keep = (issue: FieldIssue) => fieldOfIssue(issue.field) !== name;
      if (current.errors.every(keep) && current.notes.every(keep)) return current;
      return { ...current, errors: current.errors.filter(keep), notes: current.notes.filter(keep) };
    });
  }

  async function save(attempt: Attempt, force: boolean, asked: FieldIssue[]) {
    busyRef.current = true;
    setBusy(true);
    setFailure(null);
    const outcome = await record(attempt.input, force);
    busyRef.current = false;
    setBusy(false);
    switch (outcome.status) {
      case 'saved': {
        const carried = carriedDefaults(attempt.values);
        updateSettings({ entryDefaults: carried });
        const fresh = initialValues(carried, todayAtLoadPort(now()));
        const askedCodes = new Set(asked.map((issue) => issue.code));
        setSaved({
          shipment: outcome.shipment,
          notes: outcome.warnings.filter((w) => !askedCodes.has(w.code)),
          attempt,
          fresh,
          undo: 'available',
        });
        setValues(fresh);
        setProblems(NO_PROBLEMS);
        answered.current.clear();
        focusField('blDate');
        break;
      }
      case 'confirm':
        setAsking({ stage: 'core', issues: outcome.issues, attempt, asked: [...asked, ...outcome.issues] });
        break;
      case 'invalid': {
        setProblems({ errors: outcome.issues, notes: [], sent: attempt.input });
        const first = FORM_FIELDS.find((name) =>
          outcome.issues.some((issue) => fieldOfIssue(issue.field) === name),
        );
        if (first) focusField(first);
        break;
      }
      case 'failed':
        setFailure(failureText(t, language, outcome));
        break;
    }
  }

  async function submit() {
    if (busyRef.current || readOnly || asking) return;
    const attempt: Attempt = { values, input: toShipmentInput(values) };
    const questions = questionsBeforeSaving(attempt.input, todayAtLoadPort(now())).filter(
      (q) => !answered.current.has(q.key),
    );
    if (questions.length > 0) {
      setAsking({ stage: 'before', issues: questions, attempt, asked: questions });
      return;
    }
    await save(attempt, false, []);
  }

  function saveAnyway() {
    if (!asking) return;
    setAsking(null);
    if (asking.stage === 'before') {
      for (const question of questionsBeforeSaving(asking.attempt.input, todayAtLoadPort(now())))
        answered.current.add(question.key);
      // Not forced: the core still decides, and may yet ask about a cargo above what force covers.
      void save(asking.attempt, false, asking.asked);
    } else {
      void save(asking.attempt, true, asking.asked);
    }
  }

  function goBack() {
    if (!asking) return;
    const first = FORM_FIELDS.find((name) =>
      asking.issues.some((issue) => fieldOfIssue(issue.field) === name),
    );
    setProblems({ errors: [], notes: asking.issues, sent: asking.attempt.input });
    setAsking(null);
    focusField(first ?? 'blDate');
  }

  async function undo() {
    if (!saved || saved.undo !== 'available') return;
    const ok = await undoLast('undo');
    setSaved({ ...saved, undo: ok ? 'done' : 'failed' });
    // Undo usually means "I mistyped that": bring the figures back while the next entry is still blank.
    if (ok && sameValues(values, saved.fresh)) setValues(saved.attempt.values);
    focusField('blDate');
  }

  function clear() {
    setValues(initialValues(useSettings.getState().entryDefaults, todayAtLoadPort(now())));
    setProblems(NO_PROBLEMS);
    setFailure(null);
    answered.current.clear();
    focusField('blDate');
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit();
  }

  // Enter in a text field submits natively; a select needs it done, the textarea takes Ctrl/Cmd+Enter.
  function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || event.altKey || event.shiftKey) return;
    const target = event.target;
    const modified = event.ctrlKey || event.metaKey;
    const saves =
      target instanceof HTMLTextAreaElement
        ? modified
        : target instanceof HTMLSelectElement || (modified && target instanceof HTMLInputElement);
    if (saves) {
      event.preventDefault();
      void submit();
    }
  }

  function onDateKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (
      (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') ||
      event.altKey ||
      event.ctrlKey ||
      event.metaKey ||
      event.shiftKey
    )
      return;
    const date = parseIsoDate(values.blDate.trim());
    if (!date) return;
    event.preventDefault();
    change('blDate', formatIsoDate(addCalendarDays(date, event.key === 'ArrowUp' ? 1 : -1)));
  }

  function onEscape(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape' && asking) {
      event.preventDefault();
      goBack();
    }
  }

  const messagesFor = (list: FieldIssue[], name: FieldName) =>
    list
      .filter((issue) => fieldOfIssue(issue.field) === name)
      .map((issue) => issueText(language, issue, problems.sent));

  function controlProps(name: FieldName) {
    const hint = HINTED.includes(name);
    const errors = messagesFor(problems.errors, name);
    const notes = messagesFor(problems.notes, name);
    const describedBy = [
      errors.length > 0 && `entry-${name}-error`,
      notes.length > 0 && `entry-${name}-note`,
      hint && `entry-${name}-hint`,
    ]
      .filter(Boolean)
      .join(' ');
    return {
      id: `entry-${name}`,
      name,
      value: values[name],
      onChange: (event: ChangeEvent<Control>) => change(name, event.target.value),
      required: REQUIRED_FIELDS.includes(name),
      'aria-invalid': errors.length > 0 ? ('true' as const) : undefined,
      'aria-describedby': describedBy || undefined,
    };
  }

  function field(name: FieldName, control: ReactNode, className?: string) {
    return (
      <FieldBlock
        name={name}
        label={t(`entry.field.${name}`)}
        required={REQUIRED_FIELDS.includes(name)}
        hint={HINTED.includes(name) ? t(`entry.hint.${name}`) : undefined}
        errors={messagesFor(problems.errors, name)}
        notes={messagesFor(problems.notes, name)}
        className={className}
      >
        {control}
      </FieldBlock>
    );
  }

  const text = (name: FieldName, extra: InputHTMLAttributes<HTMLInputElement> = {}) => (
    <input type="text" autoComplete="off" spellCheck={false} {...controlProps(name)} {...extra} />
  );

  const formIssues = problems.errors.filter((issue) => fieldOfIssue(issue.field) === null);
  const route = `${values.loadPort || '—'} → ${values.dischargeTerminal || '—'} · ${values.shipper || '—'} → ${values.receiver || '—'}`;

  return (
    <div className="entry" onKeyDown={onEscape}>
      <section className="card entry-card" aria-labelledby="entry-title">
        <header className="entry-head">
          <h1 id="entry-title" className="entry-title">
            {t('entry.title')}
          </h1>
          <p className="entry-intro">{t('entry.intro')}</p>
        </header>

        <div role="status" aria-live="polite" className="entry-status" data-testid="entry-status">
          {saved && (
            <div className={`entry-saved${saved.undo === 'done' ? ' entry-saved-undone' : ''}`}>
              <span className="entry-saved-mark" aria-hidden="true">
                {saved.undo === 'done' ? '↶' : '✓'}
              </span>
              <div className="entry-saved-body">
                <p className="entry-saved-text">
                  {saved.undo === 'done'
                    ? t('entry.undone', { cargo: cargoText(t, language, saved.shipment) })
                    : t('entry.saved', { cargo: cargoText(t, language, saved.shipment) })}
                </p>
                <p className="entry-saved-id">{t('entry.savedId', { id: saved.shipment.id })}</p>
                {saved.undo === 'available' &&
                  saved.notes.map((note) => (
                    <p key={note.code} className="field-warning entry-saved-note">
                      {t('entry.savedNote')} {issueText(language, note, saved.attempt.input)}
                    </p>
                  ))}
                {saved.undo === 'failed' && <p className="field-error">{t('entry.undoFailed')}</p>}
              </div>
              {saved.undo === 'available' && (
                <button
                  type="button"
                  className="button entry-undo"
                  onClick={() => void undo()}
                  data-testid="entry-undo"
                >
                  {t('entry.undo')}
                </button>
              )}
            </div>
          )}
        </div>

        {readOnly && (
          <p className="entry-readonly" data-testid="entry-readonly">
            {t('entry.readOnly')}
          </p>
        )}

        {(formIssues.length > 0 || failure) && (
          <div role="alert" className="entry-alert">
            <strong>{t('entry.notSaved')}</strong>
            {failure && <p>{failure}</p>}
            {formIssues.map((issue, index) => (
              <p key={`${issue.code}-${index}`}>{issueText(language, issue, problems.sent)}</p>
            ))}
          </div>
        )}

        <form
          ref={form}
          className="entry-form"
          noValidate
          onSubmit={onSubmit}
          onKeyDown={onFormKeyDown}
          aria-labelledby="entry-title"
          data-testid="entry-form"
        >
          <fieldset className="entry-fieldset" disabled={readOnly}>
            <div className="entry-grid">
              {field(
                'blDate',
                text('blDate', {
                  inputMode: 'numeric',
                  placeholder: 'YYYY-MM-DD',
                  maxLength: 10,
                  onKeyDown: onDateKeyDown,
                  className: 'entry-date',
                }),
              )}
              {field('blNumber', text('blNumber'))}
              {field('vessel', text('vessel', { list: 'entry-vessels' }))}
              {field('voyage', text('voyage'))}
              {field('grade', text('grade', { list: 'entry-grades' }))}
              {field(
                'netTonnes',
                <div className="entry-quantity">
                  {text('netTonnes', { inputMode: 'decimal', className: 'entry-tonnes' })}
                  <span className="entry-unit" aria-hidden="true">
                    {t('unit.t')}
                  </span>
                </div>,
                'entry-field-tonnes',
              )}
              {field(
                'status',
                <select {...controlProps('status')}>
                  <option value="loaded">{t('entry.status.loaded')}</option>
                  <option value="in_transit">{t('entry.status.in_transit')}</option>
                  <option value="discharged">{t('entry.status.discharged')}</option>
                </select>,
              )}
            </div>

            <details
              className="entry-details"
              open={detailsOpen}
              onToggle={(event) => setDetailsOpen(event.currentTarget.open)}
            >
              <summary className="entry-summary">
                <span className="entry-summary-title">{t('entry.more')}</span>
                <span className="entry-summary-route">{route}</span>
              </summary>
              <div className="entry-grid entry-grid-details">
                {field('imo', text('imo', { inputMode: 'numeric', maxLength: 11 }))}
                {field('loadPort', text('loadPort'))}
                {field('dischargeTerminal', text('dischargeTerminal'))}
                {field('shipper', text('shipper'))}
                {field('receiver', text('receiver'))}
                {field(
                  'outturnTonnes',
                  text('outturnTonnes', { inputMode: 'decimal', className: 'entry-number' }),
                )}
                {field('barrels', text('barrels', { inputMode: 'decimal', className: 'entry-number' }))}
                {field(
                  'remarks',
                  <textarea rows={2} spellCheck {...controlProps('remarks')} />,
                  'entry-field-wide',
                )}
              </div>
            </details>

            <div className="entry-actions">
              <button
                type="submit"
                className="button button-primary entry-save"
                disabled={busy}
                data-testid="entry-save"
              >
                {busy ? t('entry.saving') : t('entry.save')}
                <kbd className="entry-kbd">Enter</kbd>
              </button>
              <button type="button" className="button" onClick={clear}>
                {t('entry.clear')}
              </button>
              <span className="entry-required-note">{t('entry.requiredNote')}</span>
            </div>
          </fieldset>
        </form>

        <datalist id="entry-vessels">
          {vessels.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <datalist id="entry-grades">
          {grades.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </section>

      <aside className="entry-aside">
        <section className="card entry-side-card" aria-labelledby="entry-recent-title">
          <h2 id="entry-recent-title" className="entry-side-title">
            {t('entry.recent.title')}
          </h2>
          {recent.length === 0 ? (
            <p className="entry-side-empty">{t('entry.recent.empty', { year })}</p>
          ) : (
            <ul className="entry-recent" data-testid="entry-recent">
              {recent.map((shipment) => (
                <li key={shipment.id}>
                  <span className="entry-recent-vessel">{shipment.vessel}</span>
                  <span className="entry-recent-tonnes numeric">
                    {tonnes(language, shipment.netKg)} {t('unit.t')}
                  </span>
                  <span className="entry-recent-meta">
                    {calendarDate(language, shipment.blDate)}
                    {shipment.blNumber ? ` · ${shipment.blNumber}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card entry-side-card" aria-labelledby="entry-keys-title">
          <h2 id="entry-keys-title" className="entry-side-title">
            {t('entry.keys.title')}
          </h2>
          <dl className="entry-keys">
            <dt>
              <kbd>Enter</kbd>
            </dt>
            <dd>{t('entry.keys.enter')}</dd>
            <dt>
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
            </dt>
            <dd>{t('entry.keys.ctrlEnter')}</dd>
            <dt>
              <kbd>↑</kbd> <kbd>↓</kbd>
            </dt>
            <dd>{t('entry.keys.arrows')}</dd>
            <dt>
              <kbd>Esc</kbd>
            </dt>
            <dd>{t('entry.keys.escape')}</dd>
            <dt>
              <kbd>Ctrl</kbd>+<kbd>N</kbd>
            </dt>
            <dd>{t('entry.keys.new')}</dd>
          </dl>
        </section>
      </aside>

      <Dialog
        title={t('entry.confirm.title')}
        open={asking !== null}
        onClose={goBack}
        testId="entry-confirm"
        footer={
          <>
            <button
              type="button"
              className="button"
              ref={backButton}
              onClick={goBack}
              data-testid="entry-go-back"
            >
              {t('entry.confirm.back')}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={saveAnyway}
              data-testid="entry-save-anyway"
            >
              {t('entry.confirm.save')}
            </button>
          </>
        }
      >
        <p className="entry-confirm-lead">{t('entry.confirm.lead')}</p>
        <ul className="entry-confirm-list">
          {asking?.issues.map((issue) => {
            const name = fieldOfIssue(issue.field);
            return (
              <li key={`${issue.code}-${issue.field}`}>
                {name && <strong className="entry-confirm-field">{t(`entry.field.${name}`)}</strong>}
                <span>{issueText(language, issue, asking.attempt.input)}</span>
              </li>
            );
          })}
        </ul>
      </Dialog>
    </div>
  );
}

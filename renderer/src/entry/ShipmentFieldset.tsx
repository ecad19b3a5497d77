/**
 * The one set of shipment fields, shown by the entry form and the edit dialog alike: every row of
 * the core's field table, the main group first and "More details" after it, each with its label,
 * required mark, hint, and the core's refusals and questions beside it (linked for screen readers).
 */
import type { FieldIssue } from '../../../electron/core/api';
import { fieldSpec, type FieldSpec, type InputKey } from '../../../electron/core/fields';
import { QuantityChoices } from '../components/QuantityChoices';
import { useLanguage, useT } from '../i18n';
import { FieldControl, type CommonProps } from './FieldControl';
import { fieldOfIssue, MAIN_FIELDS, MORE_FIELDS } from './form-values';
import { issueText } from './messages';
import { VesselChoices } from './VesselChoices';
import type { ShipmentForm } from './useShipmentForm';

export interface ShipmentFieldsetProps {
  form: ShipmentForm;
  /** Prefix of every id: `<prefix>-<field>`, `<prefix>-<field>-error`, `-note`, `-hint`, `-options`. */
  idPrefix: string;
  /** Names offered while typing a field (the ledger's vessels, the known grades). */
  suggestions?: Partial<Record<InputKey, readonly string[]>>;
  /** Adds `data-testid="<prefix>-<field>"` to each control. */
  testIdPrefix?: string;
}

export function ShipmentFieldset({ form, idPrefix, suggestions = {}, testIdPrefix }: ShipmentFieldsetProps) {
  const t = useT();
  const block = (spec: FieldSpec) => (
    <FieldBlock key={spec.key} {...{ spec, form, idPrefix, testIdPrefix }} list={suggestions[spec.key]} />
  );
  // The carried route and parties, so a closed group still says what it holds.
  const summary = Object.fromEntries(
    MORE_FIELDS.map((spec) => [spec.key, form.values[spec.key].trim() || '—']),
  );
  return (
    <>
      <div className="entry-grid">{MAIN_FIELDS.map(block)}</div>
      <details
        className="entry-details"
        open={form.detailsOpen}
        onToggle={(event) => form.setDetailsOpen(event.currentTarget.open)}
      >
        <summary className="entry-summary">
          <span className="entry-summary-title">{t('entry.more')}</span>
          <span className="entry-summary-route">{t('entry.moreSummary', summary)}</span>
        </summary>
        <div className="entry-grid entry-grid-details">{MORE_FIELDS.map(block)}</div>
      </details>
      <Announcer form={form} id={`${idPrefix}-announce`} />
    </>
  );
}

interface FieldBlockProps {
  spec: FieldSpec;
  form: ShipmentForm;
  idPrefix: string;
  testIdPrefix?: string;
  list?: readonly string[];
}

function FieldBlock({ spec, form, idPrefix, testIdPrefix, list }: FieldBlockProps) {
  const t = useT();
  const { key } = spec;
  const id = `${idPrefix}-${key}`;
  const { errors, notes } = form.at(key);
  const hint = spec.hintKey ? t(spec.hintKey) : null;
  const describedBy = [
    errors.length > 0 && `${id}-error`,
    notes.length > 0 && `${id}-note`,
    hint && `${id}-hint`,
  ]
    .filter(Boolean)
    .join(' ');
  const common: CommonProps = {
    id,
    name: key,
    value: form.values[key],
    onChange: (event) => form.change(key, event.target.value),
    onBlur: () => form.leave(key),
    required: spec.required === true,
    'aria-invalid': errors.length > 0 ? 'true' : undefined,
    'aria-describedby': describedBy || undefined,
    'data-testid': testIdPrefix ? `${testIdPrefix}-${key}` : undefined,
  };
  const choose = (text: string) => {
    form.change(key, text);
    form.leave(key);
    form.focusField(key);
  };
  const wide = spec.kind === 'text' && spec.multiline ? ' entry-field-wide' : '';
  const kind = spec.kind === 'quantity' ? ' entry-field-tonnes' : '';
  return (
    <div className={`entry-field${wide}${kind}`} data-field={key}>
      <label htmlFor={id} className="entry-label">
        {t(spec.labelKey)}
        {spec.required && (
          <span className="entry-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      <FieldControl
        spec={spec}
        common={common}
        set={(text) => form.change(key, text)}
        list={list ? `${id}-options` : undefined}
      />
      <IssueLines id={`${id}-error`} className="field-error" issues={errors} form={form} />
      <IssueLines id={`${id}-note`} className="field-warning" issues={notes} form={form} />
      {errors.map((issue) => (
        <QuantityChoices key={issue.code} issue={issue} unit={spec.kind === 'quantity'} onChoose={choose} />
      ))}
      {[...errors, ...notes].map((issue) => (
        <VesselChoices key={`names-${issue.code}`} issue={issue} onChoose={choose} testId={`${id}-names`} />
      ))}
      {hint && (
        <p id={`${id}-hint`} className="entry-hint">
          {hint}
        </p>
      )}
      {list && (
        <datalist id={`${id}-options`}>
          {list.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      )}
    </div>
  );
}

function IssueLines(props: {
  id: string;
  className: string;
  issues: readonly FieldIssue[];
  form: ShipmentForm;
}) {
  const language = useLanguage();
  if (props.issues.length === 0) return null;
  return (
    <p id={props.id} className={`${props.className} entry-message`}>
      {props.issues.map((issue) => issueText(language, issue, props.form.values)).join(' ')}
    </p>
  );
}

/**
 * The polite live region for field errors the focus is not taken to (see useShipmentForm's
 * `announced`): each said with its field's name, once. Always in the page, so that a screen reader
 * is watching it before anything is said; a new paragraph for each announcement, so that the same
 * refusal said again is heard again.
 */
function Announcer({ form, id }: { form: ShipmentForm; id: string }) {
  const t = useT();
  const language = useLanguage();
  const { issues, n } = form.announced;
  return (
    <div id={id} className="visually-hidden" aria-live="polite" data-testid={id}>
      {issues.length > 0 && (
        <p key={n}>
          {issues
            .map((issue) => {
              const key = fieldOfIssue(issue.field);
              const label = key ? t(fieldSpec(key)?.labelKey ?? '') : '';
              return `${label}: ${issueText(language, issue, form.values)}`;
            })
            .join(' ')}
        </p>
      )}
    </div>
  );
}

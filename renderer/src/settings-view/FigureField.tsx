/**
 * One figure of the settings with its unit (a target in tonnes, an allowance in percent): the input,
 * what beside the unit says where the figure comes from, a hint, the core's refusal and its question.
 */
import type { ReactNode } from 'react';
import type { FieldIssue } from '../../../electron/core/api';
import { QuantityChoices } from '../components/QuantityChoices';
import type { Translate } from '../i18n';

export interface FigureFieldProps {
  /** The input's id; its hint and refusal are `<id>-hint` and `<id>-error`. */
  id: string;
  label: string;
  unit: string;
  value: string;
  onChange(text: string): void;
  hint: string;
  /** The core's refusal of the figure, worded. */
  error: string | null;
  /** The core's question about an ambiguous figure, offered as its two readings. */
  question?: FieldIssue;
  onChoose?(issue: FieldIssue, text: string): void;
  inputClassName: string;
  testId: string;
  /** Shown after the unit, such as where the figure comes from. */
  beside?: ReactNode;
  t: Translate;
}

export function FigureField(props: FigureFieldProps) {
  const { id, error, question, onChoose, t } = props;
  return (
    <div className="st-annual">
      <label htmlFor={id}>{props.label}</label>
      <div className="st-annual-input">
        <input
          id={id}
          className={props.inputClassName}
          inputMode="decimal"
          autoComplete="off"
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          data-testid={props.testId}
        />
        <span className="st-unit">{props.unit}</span>
        {props.beside}
      </div>
      <p id={`${id}-hint`} className="muted rs-note">
        {props.hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          <strong>{t('settings.targets.refused')}</strong> {error}
        </p>
      )}
      {question && onChoose && (
        <QuantityChoices issue={question} onChoose={(text) => onChoose(question, text)} />
      )}
    </div>
  );
}

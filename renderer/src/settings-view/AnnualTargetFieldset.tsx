/**
 * The year's annual target: the figure, where it comes from (the
 * agreement's default or the ledger), and the core's refusal of it.
 */
import type { FieldIssue, YearTargets } from '../../../electron/core/api';
import { QuantityChoices } from '../components/QuantityChoices';
import type { Translate } from '../i18n';

interface AnnualTargetFieldsetProps {
  source: YearTargets['source'];
  value: string;
  onChange(text: string): void;
  /** The core's refusal of the figure, worded. */
  error: string | null;
  /** The core's question about an ambiguous figure, offered as its two readings. */
  question?: FieldIssue;
  onChoose(issue: FieldIssue, text: string): void;
  disabled: boolean;
  t: Translate;
}

export function AnnualTargetFieldset({
  source,
  value,
  onChange,
  error,
  question,
  onChoose,
  disabled,
  t,
}: AnnualTargetFieldsetProps) {
  return (
    <fieldset className="rs-fieldset" disabled={disabled}>
      <legend>{t('settings.targets.annualLegend')}</legend>
      <div className="st-annual">
        <label htmlFor="st-annual">{t('settings.targets.annual')}</label>
        <div className="st-annual-input">
          <input
            id="st-annual"
            className="st-number"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            onChange={(event) => onChange(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'st-annual-hint st-annual-error' : 'st-annual-hint'}
            data-testid="annual-target"
          />
          <span className="st-unit">{t('unit.t')}</span>
          {source === 'default' ? (
            <span className="rs-pill" data-testid="targets-default">
              {t('settings.targets.default')}
            </span>
          ) : (
            <span className="rs-pill rs-pill-ok">{t('settings.targets.fromLedger')}</span>
          )}
        </div>
        <p id="st-annual-hint" className="muted rs-note">
          {source === 'default' ? t('settings.targets.defaultHint') : t('settings.targets.annualHint')}
        </p>
        {error && (
          <p id="st-annual-error" className="field-error" role="alert">
            <strong>{t('settings.targets.refused')}</strong> {error}
          </p>
        )}
        {question && <QuantityChoices issue={question} onChoose={(text) => onChoose(question, text)} />}
      </div>
    </fieldset>
  );
}

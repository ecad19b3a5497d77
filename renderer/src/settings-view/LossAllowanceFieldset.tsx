/** The year's transit loss allowance (percent of B/L), saved with its targets; the core reads and checks it. */
import type { Translate } from '../i18n';

interface LossAllowanceFieldsetProps {
  value: string;
  onChange(text: string): void;
  /** The core's refusal of the figure, worded. */
  error: string | null;
  disabled: boolean;
  t: Translate;
}

export function LossAllowanceFieldset({ value, onChange, error, disabled, t }: LossAllowanceFieldsetProps) {
  return (
    <fieldset className="rs-fieldset" disabled={disabled}>
      <legend>{t('settings.allowance.legend')}</legend>
      <div className="st-annual">
        <label htmlFor="st-allowance">{t('settings.allowance.label')}</label>
        <div className="st-annual-input">
          <input
            id="st-allowance"
            className="st-number st-allowance"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            onChange={(event) => onChange(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'st-allowance-hint st-allowance-error' : 'st-allowance-hint'}
            data-testid="loss-allowance"
          />
          <span className="st-unit">%</span>
        </div>
        <p id="st-allowance-hint" className="muted rs-note">
          {t('settings.allowance.hint')}
        </p>
        {error && (
          <p id="st-allowance-error" className="field-error" role="alert">
            <strong>{t('settings.targets.refused')}</strong> {error}
          </p>
        )}
      </div>
    </fieldset>
  );
}

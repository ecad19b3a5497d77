/** The year's transit loss allowance (percent of B/L), saved with its targets; the core reads and checks it. */
import type { Translate } from '../i18n';
import { FigureField } from './FigureField';

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
      <FigureField
        id="st-allowance"
        label={t('settings.allowance.label')}
        unit="%"
        value={value}
        onChange={onChange}
        hint={t('settings.allowance.hint')}
        error={error}
        inputClassName="st-number st-allowance"
        testId="loss-allowance"
        t={t}
      />
    </fieldset>
  );
}

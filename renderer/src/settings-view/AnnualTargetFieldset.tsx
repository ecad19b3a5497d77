/**
 * The year's annual target: the figure, where it comes from (the
 * agreement's default or the ledger), and the core's refusal of it.
 */
import type { FieldIssue, YearTargets } from '../../../electron/core/api';
import type { Translate } from '../i18n';
import { FigureField } from './FigureField';

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
  const pill =
    source === 'default' ? (
      <span className="rs-pill" data-testid="targets-default">
        {t('settings.targets.default')}
      </span>
    ) : (
      <span className="rs-pill rs-pill-ok">{t('settings.targets.fromLedger')}</span>
    );
  return (
    <fieldset className="rs-fieldset" disabled={disabled}>
      <legend>{t('settings.targets.annualLegend')}</legend>
      <FigureField
        id="st-annual"
        label={t('settings.targets.annual')}
        unit={t('unit.t')}
        value={value}
        onChange={onChange}
        hint={source === 'default' ? t('settings.targets.defaultHint') : t('settings.targets.annualHint')}
        error={error}
        question={question}
        onChoose={onChoose}
        inputClassName="st-number"
        testId="annual-target"
        beside={pill}
        t={t}
      />
    </fieldset>
  );
}

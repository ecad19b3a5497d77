/**
 * Under the plan, as the person types: what the months add up to, whether that matches the annual
 * target, and which months could not be read. Guidance only; the core decides on save.
 */
import { tonnes } from '../format';
import type { Translate } from '../i18n';
import type { Language } from '../settings';
import type { PlanSum } from './planMonths';

interface PlanSumLineProps {
  sum: PlanSum;
  /** The annual figure as typed, or null while it is not a number. */
  annualKg: number | null;
  /** Names of months by 0-based index. */
  monthName(i: number): string;
  t: Translate;
  language: Language;
}

export function PlanSumLine({ sum, annualKg, monthName, t, language }: PlanSumLineProps) {
  if (sum.counted === 0 && sum.unreadable.length === 0)
    return <span className="muted">{t('settings.plan.none')}</span>;
  const amount = (kg: number) => `${tonnes(language, kg)} ${t('unit.t')}`;
  return (
    <>
      <span>
        {t('settings.plan.sum')}{' '}
        <strong className="numeric" data-testid="plan-sum">
          {amount(sum.kg)}
        </strong>{' '}
        <span className="muted">{t('settings.plan.counted', { count: sum.counted })}</span>
      </span>
      {sum.counted === 12 && annualKg !== null && (
        <Comparison difference={sum.kg - annualKg} amount={amount} t={t} />
      )}
      {sum.unreadable.length > 0 && (
        <span className="st-mismatch">
          {t('settings.plan.unreadable', { months: sum.unreadable.map(monthName).join(', ') })}
        </span>
      )}
    </>
  );
}

function Comparison({
  difference,
  amount,
  t,
}: {
  difference: number;
  amount(kg: number): string;
  t: Translate;
}) {
  if (difference === 0) return <span className="st-match">{t('settings.plan.matches')}</span>;
  return (
    <span className="st-mismatch">
      {t(difference > 0 ? 'settings.plan.over' : 'settings.plan.under', {
        amount: amount(Math.abs(difference)),
      })}
    </span>
  );
}

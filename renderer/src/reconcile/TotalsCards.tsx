/** At a glance: the transit loss, the cargoes beyond the allowance, and those still waiting for an outturn. */
import type { LossTotals } from '../../../electron/core/api';
import type { Translate } from '../i18n';
import type { Language } from '../settings';
import { allowancePercent, lossPercent, summaryTonnes } from './figures';

function Card({
  id,
  label,
  value,
  detail,
  tone,
}: {
  id: string;
  label: string;
  value: string;
  detail: string;
  tone?: string;
}) {
  return (
    <article className="dash-kpi" data-testid={`reconcile-${id}`} aria-labelledby={`rc-${id}-label`}>
      <h3 className="dash-kpi-label" id={`rc-${id}-label`}>
        {label}
      </h3>
      <p className={`dash-kpi-value ${tone ?? ''}`} data-testid={`reconcile-${id}-value`}>
        {value}
      </p>
      <p className="dash-kpi-detail">{detail}</p>
    </article>
  );
}

export function TotalsCards({
  totals,
  allowance,
  language,
  t,
}: {
  totals: LossTotals;
  allowance: number;
  language: Language;
  t: Translate;
}) {
  const unit = t('unit.t');
  const allowanceText = allowancePercent(language, allowance);
  return (
    <div className="dash-kpis rc-kpis">
      <Card
        id="loss"
        label={t('reconcile.totals.loss')}
        value={
          totals.lossPercent === null
            ? t('reconcile.totals.none')
            : `${summaryTonnes(language, totals.lossKg)}\u00a0${unit}`
        }
        tone={totals.beyondAllowance ? 'dash-behind' : undefined}
        detail={
          totals.lossPercent === null
            ? t('reconcile.totals.pendingDetail')
            : t('reconcile.totals.lossDetail', {
                percent: lossPercent(language, totals.lossPercent),
                bl: `${summaryTonnes(language, totals.blKg)}\u00a0${unit}`,
                count: totals.cargoes,
              })
        }
      />
      <Card
        id="flagged"
        label={t('reconcile.totals.flagged')}
        value={String(totals.flagged)}
        tone={totals.flagged > 0 ? 'dash-behind' : undefined}
        detail={t('reconcile.totals.flaggedDetail', { allowance: allowanceText })}
      />
      <Card
        id="pending"
        label={t('reconcile.totals.pending')}
        value={String(totals.pending)}
        detail={t('reconcile.totals.pendingDetail')}
      />
    </div>
  );
}

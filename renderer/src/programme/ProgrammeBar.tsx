/**
 * A month's programme against its plan in one line and one bar: shipped (solid), still nominated
 * (hatched) and the plan (a mark), scaled to the larger of the plan and shipped + nominated. The
 * Programme screen shows it over its nominations; the dashboard, for the current month.
 */
import type { Programme } from '../../../electron/core/api';
import { integer, monthName } from '../format';
import type { Translate } from '../i18n';
import type { Language } from '../settings';
import './programme.css';

/** Whole tonnes, as the dashboard shows a month. */
export function wholeT(language: Language, kg: number): string {
  return integer(language, Math.round(kg / 1000));
}

function share(kg: number, scale: number): string {
  return scale <= 0 ? '0%' : `${Math.min(100, (kg / scale) * 100).toFixed(2)}%`;
}

export function ProgrammeBar({
  programme: p,
  language,
  t,
  title,
  className = '',
}: {
  programme: Programme;
  language: Language;
  t: Translate;
  title?: string;
  /** More classes for the card: the dashboard keeps it off its one printed page. */
  className?: string;
}) {
  const scale = Math.max(p.planKg, p.outlookKg);
  const tonnes = (kg: number) => wholeT(language, kg);
  const month = `${monthName(language, p.month, 'long')} ${p.month.slice(0, 4)}`;
  return (
    <section
      className={`card pg-bar ${className}`.trim()}
      aria-label={title ?? t('programme.bar.title', { month })}
      data-testid="programme-bar"
    >
      <h2 className="dash-card-title pg-bar-title">{title ?? t('programme.bar.title', { month })}</h2>
      <p className="pg-bar-line" data-testid="programme-bar-line">
        {t('programme.bar.line', {
          shipped: tonnes(p.shippedKg),
          nominated: tonnes(p.nominatedKg),
          outlook: tonnes(p.outlookKg),
          plan: tonnes(p.planKg),
        })}{' '}
        <strong className={p.gapKg > 0 ? 'dash-behind' : 'dash-ahead'} data-testid="programme-bar-gap">
          {p.gapKg > 0
            ? t('programme.bar.short', { gap: tonnes(p.gapKg) })
            : t('programme.bar.above', { gap: tonnes(-p.gapKg) })}
        </strong>
      </p>
      <div className="pg-bar-track" aria-hidden="true">
        <span className="pg-bar-shipped" style={{ width: share(p.shippedKg, scale) }} />
        <span className="pg-bar-nominated" style={{ width: share(p.nominatedKg, scale) }} />
        <span className="pg-bar-plan" style={{ left: share(p.planKg, scale) }} />
      </div>
      <p className="pg-bar-legend muted">
        <span className="pg-key pg-key-shipped" /> {t('programme.bar.shipped')}{' '}
        <span className="pg-key pg-key-nominated" /> {t('programme.bar.nominated')}{' '}
        <span className="pg-key pg-key-plan" /> {t('programme.bar.plan')}
      </p>
    </section>
  );
}

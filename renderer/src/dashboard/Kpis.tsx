/**
 * The key figures as large cards. Every number is a field of the core's Progress, formatted; the
 * ahead/behind state is said with an arrow and a word as well as a colour.
 */
import type { ReactNode } from 'react';
import type { Progress } from '../../../electron/core/api';
import type { Translate } from '../i18n';
import type { DashboardFormat } from './formatters';

export type Direction = 'up' | 'down' | 'level';

export function directionOf(value: number): Direction {
  if (value > 0) return 'up';
  if (value < 0) return 'down';
  return 'level';
}

const ARROWS: Record<Direction, string> = { up: '▲', down: '▼', level: '●' };

export function StatusChip({
  direction,
  good,
  children,
}: {
  direction: Direction;
  good: boolean | null;
  children: ReactNode;
}) {
  const tone = good === null ? 'dash-level' : good ? 'dash-ahead' : 'dash-behind';
  return (
    <span className={`dash-status ${tone}`}>
      <span aria-hidden="true" className="dash-status-arrow">
        {ARROWS[direction]}
      </span>
      {children}
    </span>
  );
}

interface CardProps {
  id: string;
  label: string;
  value: ReactNode;
  valueClass?: string;
  status?: ReactNode;
  detail: ReactNode;
  extra?: ReactNode;
  wide?: boolean;
}

function Card({ id, label, value, valueClass, status, detail, extra, wide }: CardProps) {
  return (
    <article
      className={`dash-kpi${wide ? ' dash-kpi-wide' : ''}`}
      data-testid={`kpi-${id}`}
      aria-labelledby={`kpi-${id}-label`}
    >
      <h3 className="dash-kpi-label" id={`kpi-${id}-label`}>
        {label}
      </h3>
      <p className={`dash-kpi-value ${valueClass ?? ''}`} data-testid={`kpi-${id}-value`}>
        {value}
      </p>
      {status && <p className="dash-kpi-status">{status}</p>}
      {extra}
      <p className="dash-kpi-detail">{detail}</p>
    </article>
  );
}

function tone(value: number): string {
  if (value > 0) return 'dash-ahead';
  if (value < 0) return 'dash-behind';
  return '';
}

export function Kpis({ progress: p, t, f }: { progress: Progress; t: Translate; f: DashboardFormat }) {
  const date = f.date(p.asOf);
  const target = f.short(p.targetKg);
  const ahead = directionOf(p.aheadKg);
  const reaches = p.forecastKg >= p.targetKg;

  let required: { value: string; detail: string; done: boolean };
  if (p.requiredPerDayKg === null)
    required = {
      value: t('dashboard.kpi.required.closed'),
      detail: t('dashboard.kpi.required.closedDetail', { year: p.year }),
      done: true,
    };
  else if (p.requiredPerDayKg === 0)
    required = {
      value: t('dashboard.kpi.required.reached'),
      detail: t('dashboard.kpi.required.reachedDetail', { target }),
      done: true,
    };
  else
    required = {
      value: f.perDay(p.requiredPerDayKg),
      detail: t('dashboard.kpi.required.detail', {
        days: f.integer(p.daysLeft),
        target,
        rate: f.perDay(p.runRatePerDayKg),
      }),
      done: false,
    };

  return (
    <div className="dash-kpis">
      <Card
        id="ytd"
        wide
        label={t('dashboard.kpi.ytd.label')}
        value={f.short(p.tonnesKg)}
        detail={t('dashboard.kpi.ytd.detail', { count: f.integer(p.shipments), date })}
      />
      <Card
        id="percent"
        label={t('dashboard.kpi.percent.label')}
        value={f.percent(p.percentOfTarget)}
        extra={
          <div className="dash-meter" aria-hidden="true">
            <div
              className="dash-meter-fill"
              style={{ width: `${Math.min(100, Math.max(0, p.percentOfTarget))}%` }}
            />
          </div>
        }
        detail={t('dashboard.kpi.percent.detail', { target })}
      />
      <Card
        id="ahead"
        label={t('dashboard.kpi.ahead.label')}
        value={f.signedShort(p.aheadKg)}
        valueClass={tone(p.aheadKg)}
        status={
          <StatusChip direction={ahead} good={ahead === 'level' ? null : ahead === 'up'}>
            {t(
              ahead === 'up'
                ? 'dashboard.status.ahead'
                : ahead === 'down'
                  ? 'dashboard.status.behind'
                  : 'dashboard.status.onTarget',
            )}
          </StatusChip>
        }
        detail={t('dashboard.kpi.ahead.detail', { date, due: f.short(p.proRataKg) })}
      />
      <Card
        id="runRate"
        label={t('dashboard.kpi.runRate.label')}
        value={f.perDay(p.runRatePerDayKg)}
        detail={t('dashboard.kpi.runRate.detail', { days: f.integer(p.daysElapsed) })}
      />
      <Card
        id="required"
        label={t('dashboard.kpi.required.label')}
        value={required.value}
        valueClass={required.done ? 'dash-kpi-value-text' : undefined}
        detail={required.detail}
      />
      <Card
        id="forecast"
        label={t('dashboard.kpi.forecast.label')}
        value={f.short(p.forecastKg)}
        status={
          <StatusChip direction={reaches ? 'up' : 'down'} good={reaches}>
            {t(reaches ? 'dashboard.kpi.forecast.reaches' : 'dashboard.kpi.forecast.short')}
          </StatusChip>
        }
        detail={t('dashboard.kpi.forecast.detail', { target })}
      />
      <BaselineCard progress={p} t={t} f={f} date={date} />
    </div>
  );
}

/** The year against the baseline's pace; the baseline year itself is not compared with itself (a dash). */
function BaselineCard({
  progress: p,
  t,
  f,
  date,
}: {
  progress: Progress;
  t: Translate;
  f: DashboardFormat;
  date: string;
}) {
  const change = p.changeVsBaselineKg;
  if (change === null)
    return (
      <Card
        id="baseline"
        label={t('dashboard.kpi.baseline.label', { year: p.baselineYear })}
        value="—"
        detail={t('dashboard.kpi.baseline.self', { year: p.baselineYear })}
      />
    );
  const baseline = directionOf(change);
  return (
    <Card
      id="baseline"
      label={t('dashboard.kpi.baseline.label', { year: p.baselineYear })}
      value={
        <>
          {f.signedShort(change)}
          {p.changeVsBaselinePercent !== null && (
            <>
              {' '}
              <span className="dash-kpi-value-sub">{f.signedPercent(p.changeVsBaselinePercent)}</span>
            </>
          )}
        </>
      }
      valueClass={tone(change)}
      status={
        <StatusChip direction={baseline} good={baseline === 'level' ? null : baseline === 'up'}>
          {t(
            baseline === 'up'
              ? 'dashboard.status.above'
              : baseline === 'down'
                ? 'dashboard.status.below'
                : 'dashboard.status.level',
            { year: p.baselineYear },
          )}
        </StatusChip>
      }
      detail={t('dashboard.kpi.baseline.detail', {
        year: p.baselineYear,
        date,
        pace: f.short(p.baselineProRataKg),
        how: t(p.baselinePace === 'monthly' ? 'dashboard.pace.monthly' : 'dashboard.pace.proRata'),
      })}
    />
  );
}

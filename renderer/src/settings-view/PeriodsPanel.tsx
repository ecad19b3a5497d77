/**
 * Periods: a manager closes a month once its figures are reconciled and sent, and reopens one with
 * a reason. Each closed month says who closed it, when and why, and whether it has changed since.
 */
import { useState } from 'react';
import type { PeriodReport } from '../../../electron/core/api';
import { todayAtLoadPort } from '../../../electron/core/calendar';
import { closedOn } from '../../../electron/core/periods';
import { calendarDate, integer, monthName, tonnes } from '../format';
import { useLanguage, useT } from '../i18n';
import type { Language } from '../settings';
import { useLedger } from '../store';
import { usePeriods } from './usePeriods';

/** The months of `year` that are over and not closed now: the ones a manager may close. */
function closableMonths(year: number, periods: readonly PeriodReport[], today: string): string[] {
  const months: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (month >= today.slice(0, 7)) break;
    if (!periods.some((p) => p.month === month && p.closed)) months.push(month);
  }
  return months;
}

const monthLabel = (language: Language, month: string) =>
  `${monthName(language, month, 'long')} ${month.slice(0, 4)}`;

function PeriodRow({
  period,
  onReopen,
  busy,
}: {
  period: PeriodReport;
  onReopen: () => void;
  busy: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const close = period.lastClose;
  const figures = (shipments: number, kg: number) =>
    t('settings.periods.figures', { shipments: integer(language, shipments), tonnes: tonnes(language, kg) });
  return (
    <li className="st-period" data-testid={`period-${period.month}`}>
      <div className="st-period-head">
        <strong>{monthLabel(language, period.month)}</strong>
        <span className={period.closed ? 'badge st-badge-closed' : 'badge st-badge-reopened'}>
          {t(period.closed ? 'settings.periods.closed' : 'settings.periods.reopened')}
        </span>
        {period.closed && (
          <button type="button" className="button st-period-reopen" disabled={busy} onClick={onReopen}>
            {t('settings.periods.reopen')}
          </button>
        )}
      </div>
      <div className="muted">
        {t('settings.periods.closedBy', {
          actor: close.actor,
          date: calendarDate(language, closedOn(close)),
          reason: close.reason,
        })}
      </div>
      <div>{figures(period.now.shipments, period.now.kg)}</div>
      {period.changedSinceClose && close.figures && (
        <div className="st-period-changed" role="note">
          {t('settings.periods.changed', { closed: figures(close.figures.shipments, close.figures.kg) })}
        </div>
      )}
    </li>
  );
}

/** A month a repair left held: no close of it is left to show, only what settles it. */
function HeldRow({ month, onReopen, busy }: { month: string; onReopen: () => void; busy: boolean }) {
  const t = useT();
  const language = useLanguage();
  return (
    <li className="st-period" data-testid={`period-held-${month}`}>
      <div className="st-period-head">
        <strong>{monthLabel(language, month)}</strong>
        <span className="badge st-badge-closed">{t('settings.periods.held')}</span>
        <button type="button" className="button st-period-reopen" disabled={busy} onClick={onReopen}>
          {t('settings.periods.reopen')}
        </button>
      </div>
      <div className="st-period-changed" role="note">
        {t('settings.periods.heldNote')}
      </div>
    </li>
  );
}

export function PeriodsPanel() {
  const t = useT();
  const language = useLanguage();
  const year = useLedger((s) => s.year);
  const readOnly = useLedger((s) => s.info?.readOnly ?? false);
  const controller = usePeriods();
  const [month, setMonth] = useState('');
  const [reason, setReason] = useState('');
  const [reopening, setReopening] = useState<string | null>(null);
  const periods = controller.periods ?? [];
  const closable = closableMonths(year, periods, todayAtLoadPort(new Date()));
  const chosen = closable.includes(month) ? month : (closable.at(-1) ?? '');
  const inYear = periods.filter((p) => p.month.startsWith(`${year}-`));
  const held = useLedger((s) => s.info?.heldMonths);
  const heldInYear = (held ?? []).filter((m) => m.startsWith(`${year}-`));

  const submit = async () => {
    const done = reopening
      ? await controller.reopen(reopening, reason)
      : await controller.close(chosen, reason);
    if (done) {
      setReason('');
      setReopening(null);
    }
  };

  return (
    <section className="card rs-card" aria-labelledby="st-periods-title" data-testid="periods-panel">
      <h2 id="st-periods-title" className="rs-card-title">
        {t('settings.periods.title', { year })}
      </h2>
      <p className="muted rs-lead">{t('settings.periods.intro')}</p>
      {(inYear.length > 0 || heldInYear.length > 0) && (
        <ul className="st-periods">
          {heldInYear.map((month) => (
            <HeldRow
              key={month}
              month={month}
              busy={controller.busy || readOnly}
              onReopen={() => setReopening(month)}
            />
          ))}
          {inYear.map((period) => (
            <PeriodRow
              key={period.month}
              period={period}
              busy={controller.busy || readOnly}
              onReopen={() => setReopening(period.month)}
            />
          ))}
        </ul>
      )}
      <form
        className="st-period-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {reopening ? (
          <p className="st-period-what">
            {t('settings.periods.reopenWhat', { month: monthLabel(language, reopening) })}
          </p>
        ) : (
          <label className="st-period-field">
            <span>{t('settings.periods.month')}</span>
            <select
              value={chosen}
              onChange={(e) => setMonth(e.target.value)}
              disabled={closable.length === 0}
            >
              {closable.map((m) => (
                <option key={m} value={m}>
                  {monthLabel(language, m)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="st-period-field st-period-reason">
          <span>{t('settings.periods.reason')}</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="period-reason" />
        </label>
        <div className="rs-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={controller.busy || readOnly || (!reopening && chosen === '')}
            data-testid="period-submit"
          >
            {t(reopening ? 'settings.periods.reopenSubmit' : 'settings.periods.close')}
          </button>
          {reopening && (
            <button type="button" className="button" onClick={() => setReopening(null)}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
      {controller.error && (
        <p className="rs-error" role="alert">
          {controller.error}
        </p>
      )}
    </section>
  );
}

/**
 * "What if loadings stop?": two dates typed as the page writes them, read by the core
 * (readStoppage), and the core's answer (whatIf) said as three figures: the year-end forecast with
 * the stoppage, its gap to the target, and the daily rate required on the loading days left. A
 * question, never a record: nothing is saved, and Clear returns the dashboard to the year as it is.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { FieldIssue, Progress } from '../../../electron/core/api';
import { readStoppage, type Scenario, type Stoppage } from '../../../electron/core/scenario';
import { noSuchDay } from '../date-refusal';
import { calendarDate, typedDate } from '../format';
import type { Translate } from '../i18n';
import type { Language } from '../settings';
import type { DashboardFormat } from './formatters';
import { StatusChip } from './Kpis';

interface Props {
  progress: Progress;
  scenario: Scenario | null;
  onAsk(stoppage: Stoppage | null): void;
  t: Translate;
  f: DashboardFormat;
}

function issueText(issue: FieldIssue, example: string, t: Translate, language: Language): string {
  if (issue.code === 'stoppageTo.before_from') return t('dashboard.whatIf.issue.order');
  // A day past its month's end (31.04.2026) is said as a B/L date's is: when that month ends.
  const noDay = issue.code.endsWith('.impossible') ? noSuchDay(language, issue.facts ?? {}) : null;
  if (noDay) return t(`dashboard.whatIf.issue.${noDay.ending}`, noDay.vars);
  return t('dashboard.whatIf.issue.date', { value: String(issue.facts?.value ?? ''), example });
}

function Figure({
  id,
  label,
  value,
  tone,
  status,
  detail,
}: {
  id: string;
  label: string;
  value: string;
  tone?: string;
  status?: ReactNode;
  detail: string;
}) {
  return (
    <article
      className="dash-kpi dash-whatif-kpi"
      data-testid={`whatif-${id}`}
      aria-labelledby={`whatif-${id}-label`}
    >
      <h3 className="dash-kpi-label" id={`whatif-${id}-label`}>
        {label}
      </h3>
      <p className={`dash-kpi-value ${tone ?? ''}`} data-testid={`whatif-${id}-value`}>
        {value}
      </p>
      {status && <p className="dash-kpi-status">{status}</p>}
      <p className="dash-kpi-detail">{detail}</p>
    </article>
  );
}

function Answer({
  progress: p,
  scenario: s,
  t,
  f,
}: {
  progress: Progress;
  scenario: Scenario;
  t: Translate;
  f: DashboardFormat;
}) {
  const target = f.short(p.targetKg);
  const reaches = s.gapKg >= 0;
  return (
    <div className="dash-kpis dash-whatif-kpis">
      <Figure
        id="forecast"
        label={t('dashboard.whatIf.forecast.label')}
        value={f.short(s.forecastKg)}
        status={
          <StatusChip direction={reaches ? 'up' : 'down'} good={reaches}>
            {t(reaches ? 'dashboard.kpi.forecast.reaches' : 'dashboard.kpi.forecast.short')}
          </StatusChip>
        }
        detail={t('dashboard.whatIf.forecast.detail', { forecast: f.short(p.forecastKg) })}
      />
      <Figure
        id="gap"
        label={t('dashboard.whatIf.gap.label')}
        value={f.signedShort(s.gapKg)}
        tone={reaches ? 'dash-ahead' : 'dash-behind'}
        detail={t('dashboard.whatIf.gap.detail', { target })}
      />
      <Figure
        id="required"
        label={t('dashboard.whatIf.required.label')}
        value={
          s.requiredPerDayKg === null ? t('dashboard.whatIf.required.none') : f.perDay(s.requiredPerDayKg)
        }
        tone={s.requiredPerDayKg === null ? 'dash-kpi-value-text' : undefined}
        detail={t('dashboard.whatIf.required.detail', { days: f.integer(s.workingDaysLeft), target })}
      />
    </div>
  );
}

export function WhatIf({ progress, scenario, onAsk, t, f }: Props) {
  const [from, setFrom] = useState(scenario?.stoppage ? f.date(scenario.stoppage.from) : '');
  const [to, setTo] = useState(scenario?.stoppage ? f.date(scenario.stoppage.to) : '');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const example = calendarDate(f.language, `${progress.year}-08-01`);

  const ask = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readStoppage(from, to);
    setIssues(Array.isArray(read) ? read : []);
    // A refused question clears the last answer: what is shown never answers another question.
    onAsk(Array.isArray(read) ? null : read);
  };
  const clear = () => {
    setFrom('');
    setTo('');
    setIssues([]);
    onAsk(null);
  };
  const issueOf = (field: string) => issues.find((issue) => issue.field === field);
  const field = (
    id: 'stoppageFrom' | 'stoppageTo',
    label: string,
    value: string,
    set: (text: string) => void,
  ) => {
    const issue = issueOf(id);
    return (
      <label className="dash-whatif-field">
        <span>{label}</span>
        <input
          value={value}
          onChange={(event) => set(event.target.value)}
          // Left with a date in it, the field shows it as the page writes dates (2024-08-05 → 05.08.2024).
          onBlur={() => set(typedDate(f.language, value))}
          placeholder={example}
          autoComplete="off"
          aria-invalid={issue ? true : undefined}
          aria-describedby={issue ? `whatif-${id}-issue` : undefined}
          data-testid={`whatif-${id}`}
        />
      </label>
    );
  };

  return (
    <section
      className="card dash-card dash-whatif no-print"
      aria-labelledby="whatif-heading"
      data-testid="whatif"
    >
      <form className="dash-whatif-form" onSubmit={ask} noValidate>
        <h2 id="whatif-heading" className="dash-card-title">
          {t('dashboard.whatIf.title')}
        </h2>
        {field('stoppageFrom', t('dashboard.whatIf.from'), from, setFrom)}
        {field('stoppageTo', t('dashboard.whatIf.to'), to, setTo)}
        <button type="submit" className="button button-primary" data-testid="whatif-show">
          {t('dashboard.whatIf.show')}
        </button>
        <button
          type="button"
          className="button"
          onClick={clear}
          disabled={!scenario && from === '' && to === ''}
          data-testid="whatif-clear"
        >
          {t('dashboard.whatIf.clear')}
        </button>
        <p className="muted dash-whatif-hint">{t('dashboard.whatIf.hint')}</p>
      </form>
      {issues.map((issue) => (
        <p key={issue.field} id={`whatif-${issue.field}-issue`} className="field-error" role="alert">
          {issueText(issue, example, t, f.language)}
        </p>
      ))}
      {scenario?.stoppage && (
        <>
          <p className="dash-whatif-active" data-testid="whatif-active">
            {t('dashboard.whatIf.active', {
              from: f.date(scenario.stoppage.from),
              to: f.date(scenario.stoppage.to),
              date: f.date(progress.asOf),
              lost: f.integer(scenario.lostDays),
            })}
          </p>
          <Answer progress={progress} scenario={scenario} t={t} f={f} />
        </>
      )}
    </section>
  );
}

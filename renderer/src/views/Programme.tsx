/**
 * The loading programme of a month of the chosen year: shipped + still nominated against the plan,
 * the nominations with their state (open, loaded, missed, cancelled) and the cargo that loaded
 * each, a keyboard-fast form to nominate a tanker, and by hand: tie a cargo, untie one, cancel a
 * nomination. Every figure and every rule is the core's; this view lays them out.
 */
import { useState } from 'react';
import { todayAtLoadPort } from '../../../electron/core/calendar';
import type { Programme as ProgrammeData } from '../../../electron/core/api';
import { failureText } from '../errors';
import { calendarDate, monthName } from '../format';
import { useLanguage, useT, type Translate } from '../i18n';
import { NominationForm } from '../programme/NominationForm';
import { NominationRow } from '../programme/NominationRow';
import { ProgrammeBar } from '../programme/ProgrammeBar';
import { ProgrammeExport } from '../programme/ProgrammeExport';
import { failureSentence } from '../programme/text';
import {
  useProgrammeData,
  useProgrammeWrites,
  type ProgrammeWrites,
  type WriteOutcome,
} from '../programme/useProgramme';
import type { Language } from '../settings';
import { useLedger } from '../store';

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/** The current month when the chosen year is this one; else the year's first month. */
function startMonth(year: number): string {
  const today = todayAtLoadPort(new Date());
  return today.startsWith(`${year}-`) ? today.slice(0, 7) : `${year}-01`;
}

function Table({
  data,
  writes,
  locked,
  language,
  t,
  onOutcome,
}: {
  data: ProgrammeData;
  writes: ProgrammeWrites;
  locked: boolean;
  language: Language;
  t: Translate;
  onOutcome(outcome: WriteOutcome): void;
}) {
  if (data.nominations.length === 0)
    return (
      <p className="card muted" data-testid="programme-empty">
        {t('programme.empty')}
      </p>
    );
  return (
    <div className="card pg-table-wrap">
      <table className="pg-table" data-testid="programme-table">
        <thead>
          <tr>
            <th>{t('programme.column.vessel')}</th>
            <th>{t('programme.column.laycan')}</th>
            <th className="numeric">{t('programme.column.tonnes')}</th>
            <th>{t('programme.column.state')}</th>
            <th>{t('programme.column.cargo')}</th>
          </tr>
        </thead>
        <tbody>
          {data.nominations.map((n) => (
            <NominationRow
              key={n.id}
              nomination={n}
              writes={writes}
              locked={locked}
              language={language}
              t={t}
              onOutcome={onOutcome}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Programme({ desktop }: { desktop: boolean }) {
  const t = useT();
  const language = useLanguage();
  const year = useLedger((s) => s.year);
  const info = useLedger((s) => s.info);
  const fleet = useLedger((s) => s.fleet);
  const [chosen, setChosen] = useState<{ year: number; month: string }>({ year, month: startMonth(year) });
  // A month of another year is forgotten when the year at the top changes.
  const month = chosen.year === year ? chosen.month : startMonth(year);
  const state = useProgrammeData(month);
  const writes = useProgrammeWrites();
  const [outcome, setOutcome] = useState<WriteOutcome | null>(null);
  const data = state.status === 'ready' && state.value.month === month ? state.value : null;
  const locked = (data?.closed ?? false) || (info?.readOnly ?? false);
  const period = `${monthName(language, month, 'long')} ${month.slice(0, 4)}`;

  return (
    <div className="rs-page pg-page" data-testid="programme-view">
      <header className="rc-head">
        <div>
          <h1 className="rs-page-title">{t('programme.title', { period })}</h1>
          <p className="muted">{t('programme.subtitle')}</p>
        </div>
        <div className="rc-controls no-print">
          <label className="rc-period">
            <span>{t('programme.month.label')}</span>
            <select
              value={month}
              onChange={(event) => setChosen({ year, month: event.target.value })}
              data-testid="programme-month"
            >
              {MONTHS.map((m) => (
                <option key={m} value={`${year}-${m}`}>
                  {monthName(language, `${year}-${m}`, 'long')}
                </option>
              ))}
            </select>
          </label>
          <ProgrammeExport desktop={desktop} year={year} t={t} />
        </div>
      </header>
      {state.status === 'failed' && (
        <p className="rs-error" role="alert">
          {failureText(t, language, state.failure)}
        </p>
      )}
      {!data && state.status !== 'failed' && <p className="muted">{t('common.loading')}</p>}
      {data && (
        <>
          <ProgrammeBar programme={data} language={language} t={t} />
          {data.closed && (
            <p className="pg-closed" data-testid="programme-closed">
              {t('programme.closed', { period })}
            </p>
          )}
          {!locked && (
            <NominationForm
              month={month}
              fleet={fleet}
              writes={writes}
              disabled={false}
              language={language}
              t={t}
            />
          )}
          <div role="status" aria-live="polite">
            {outcome && !outcome.ok && (
              <p className="rs-error" data-testid="programme-failure">
                {failureSentence(t, language, outcome.failure)}
              </p>
            )}
          </div>
          <Table
            data={data}
            writes={writes}
            locked={locked}
            language={language}
            t={t}
            onOutcome={setOutcome}
          />
          <p className="muted pg-note">{t('programme.note', { date: calendarDate(language, data.asOf) })}</p>
        </>
      )}
    </div>
  );
}

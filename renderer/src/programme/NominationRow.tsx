/**
 * One nomination: tanker, laycan, planned tonnes, its state, the cargo(s) that loaded it (each can
 * be untied: "not this cargo"), and by hand: tie one of the cargoes dated near its laycan, or cancel
 * it with a reason. A closed month's row offers no change.
 */
import { useState, type FormEvent } from 'react';
import type { FieldIssue, NominationStatus, ProgrammeCargo } from '../../../electron/core/api';
import { calendarDate, tonnes, wholeTonnes } from '../format';
import type { Translate } from '../i18n';
import type { Language } from '../settings';
import { onlyQuestions, ProgrammeQuestion } from './ProgrammeQuestion';
import type { ProgrammeWrites, WriteOutcome } from './useProgramme';

interface Props {
  nomination: NominationStatus;
  writes: ProgrammeWrites;
  locked: boolean;
  language: Language;
  t: Translate;
  onOutcome(outcome: WriteOutcome): void;
}

/** A cargo in one line: its tanker when not the nomination's, B/L number, date and tonnes. */
function cargoLabel(cargo: ProgrammeCargo, vessel: string, language: Language, t: Translate): string {
  const number = cargo.blNumber ?? t('programme.cargo.noNumber');
  const weight = `${tonnes(language, cargo.netKg)} ${t('unit.t')}`;
  const parts = [number, calendarDate(language, cargo.blDate), weight];
  return (cargo.vessel === vessel ? parts : [cargo.vessel, ...parts]).join(' · ');
}

function TieCargo({ nomination: n, writes, language, t, onOutcome }: Omit<Props, 'locked'>) {
  const [chosen, setChosen] = useState('');
  const [questions, setQuestions] = useState<FieldIssue[] | null>(null);
  if (n.candidates.length === 0) return null;
  const tie = async (force: boolean) => {
    if (chosen === '') return;
    setQuestions(null);
    const outcome = await writes.link(n.id, chosen, true, force);
    // Another tanker's cargo, or one outside the laycan: asked before it is tied.
    if (!outcome.ok && !force && onlyQuestions(outcome.failure.issues)) {
      setQuestions(outcome.failure.issues);
      return;
    }
    onOutcome(outcome);
    setChosen('');
  };
  return (
    <span className="pg-tie">
      <select
        value={chosen}
        onChange={(event) => setChosen(event.target.value)}
        aria-label={t('programme.tie.label', { vessel: n.vessel })}
        data-testid={`tie-select-${n.id}`}
      >
        <option value="">{t('programme.tie.choose')}</option>
        {n.candidates.map((cargo) => (
          <option key={cargo.id} value={cargo.id}>
            {cargoLabel(cargo, n.vessel, language, t)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        disabled={chosen === '' || writes.busy}
        onClick={() => void tie(false)}
        data-testid={`tie-${n.id}`}
      >
        {t('programme.tie.button')}
      </button>
      <ProgrammeQuestion
        questions={questions}
        onBack={() => setQuestions(null)}
        onConfirm={() => void tie(true)}
        language={language}
        t={t}
        testId={`tie-question-${n.id}`}
      />
    </span>
  );
}

function CancelNomination({ nomination: n, writes, t, onOutcome }: Omit<Props, 'locked' | 'language'>) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  if (!asking)
    return (
      <button
        type="button"
        className="button pg-small"
        onClick={() => setAsking(true)}
        data-testid={`cancel-${n.id}`}
      >
        {t('programme.cancel.button')}
      </button>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await writes.cancel(n.id, reason);
    onOutcome(outcome);
    if (outcome.ok) setAsking(false);
  };
  return (
    <form className="pg-cancel" onSubmit={(event) => void submit(event)}>
      <input
        autoFocus
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && setAsking(false)}
        placeholder={t('programme.cancel.reason')}
        aria-label={t('programme.cancel.reason')}
        data-testid={`cancel-reason-${n.id}`}
      />
      <button type="submit" className="button" disabled={writes.busy}>
        {t('programme.cancel.confirm')}
      </button>
    </form>
  );
}

export function NominationRow(props: Props) {
  const { nomination: n, writes, locked, language, t, onOutcome } = props;
  const live = n.state !== 'cancelled' && !locked;
  // A nomination not yet loaded can be given a cargo by hand, or cancelled.
  const waiting = live && n.state !== 'loaded';
  return (
    <tr className={`pg-row pg-row-${n.state}`} data-testid={`nomination-${n.id}`}>
      <td>{n.vessel}</td>
      <td className="pg-laycan">
        {calendarDate(language, n.laycanFrom)} – {calendarDate(language, n.laycanTo)}
      </td>
      <td className="numeric">{wholeTonnes(language, n.tonnesKg)}</td>
      <td>
        <span className={`pg-state pg-state-${n.state}`} data-testid={`state-${n.id}`}>
          {t(`programme.state.${n.state}`)}
        </span>
      </td>
      <td className="pg-cargoes">
        {n.state === 'cancelled' && <span className="muted">{n.cancelReason}</span>}
        {n.cargoes.map((cargo) => (
          <span key={cargo.id} className="pg-cargo">
            {cargoLabel(cargo, n.vessel, language, t)}
            {cargo.byHand && <em className="muted"> ({t('programme.cargo.byHand')})</em>}
            {live && (
              <button
                type="button"
                className="button pg-small pg-untie"
                onClick={() => void writes.link(n.id, cargo.id, false).then(onOutcome)}
                title={t('programme.untie.title')}
                aria-label={t('programme.untie.label', { cargo: cargo.blNumber ?? cargo.id })}
                data-testid={`untie-${n.id}-${cargo.id}`}
              >
                <span aria-hidden="true">×</span>
              </button>
            )}
          </span>
        ))}
        {waiting && (
          <span className="pg-actions no-print">
            <TieCargo {...props} />
            <CancelNomination {...props} />
          </span>
        )}
      </td>
    </tr>
  );
}

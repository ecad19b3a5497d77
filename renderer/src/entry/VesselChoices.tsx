/**
 * A vessel the fleet does not know is asked about, never guessed: the core's question carries the
 * closest names in the fleet, and one button per name puts it in the field (as the two readings of
 * an ambiguous figure do). Keeping the name as typed is the question's "Save anyway".
 */
import type { FieldIssue } from '../../../electron/core/api';
import { LOOKALIKE_VESSEL, SUGGESTION_SEPARATOR, UNKNOWN_VESSEL } from '../../../electron/core/fleet';
import { useT } from '../i18n';

/** The names an unknown-vessel or a look-alike question offers, or none for any other issue. */
export function offeredNames(issue: FieldIssue): string[] {
  const asks = issue.code === UNKNOWN_VESSEL || issue.code === LOOKALIKE_VESSEL;
  const names = asks ? issue.facts?.suggestions : undefined;
  return typeof names === 'string' && names !== '' ? names.split(SUGGESTION_SEPARATOR) : [];
}

interface VesselChoicesProps {
  issue: FieldIssue;
  onChoose(name: string): void;
  testId?: string;
}

export function VesselChoices({ issue, onChoose, testId }: VesselChoicesProps) {
  const t = useT();
  const names = offeredNames(issue);
  if (names.length === 0) return null;
  const question = t('entry.vesselChoices');
  return (
    <div className="quantity-choices vessel-choices" role="group" aria-label={question} data-testid={testId}>
      <span className="quantity-choices-label">{question}</span>
      {names.map((name) => (
        <button key={name} type="button" className="button quantity-choice" onClick={() => onChoose(name)}>
          {name}
        </button>
      ))}
    </div>
  );
}

/**
 * An ambiguous figure ("9,959": nine thousand, or nine point nine?) is asked about, never guessed.
 * The core's question carries both readings (in thousandths of the unit); one button per reading
 * writes the figure so that it can only mean that.
 */
import type { FieldIssue } from '../../../electron/core/api';
import { quantityInput, tonnes } from '../format';
import { useLanguage, useT } from '../i18n';

/** The two readings of an ambiguous figure, in thousandths, or null when the issue is no such question. */
export function readings(issue: FieldIssue): [number, number] | null {
  if (!issue.code.endsWith('.ambiguous')) return null;
  const { asThousandsKg, asDecimalKg, asThousands, asDecimal } = issue.facts ?? {};
  if (typeof asThousandsKg === 'number' && typeof asDecimalKg === 'number')
    return [asThousandsKg, asDecimalKg];
  // Barrels are counted, not weighed: their readings come as numbers of barrels.
  if (typeof asThousands === 'number' && typeof asDecimal === 'number')
    return [Math.round(asThousands * 1000), Math.round(asDecimal * 1000)];
  return null;
}

interface QuantityChoicesProps {
  issue: FieldIssue;
  /** Shows each reading in tonnes (t), or as a bare number. */
  unit?: boolean;
  /** What the figure's field is called, for screen readers ("Net tonnes", "March"). */
  label?: string;
  onChoose(text: string): void;
}

export function QuantityChoices({ issue, unit = true, label, onChoose }: QuantityChoicesProps) {
  const t = useT();
  const language = useLanguage();
  const pair = readings(issue);
  if (!pair) return null;
  const question = t('entry.choose');
  return (
    <div className="quantity-choices" role="group" aria-label={label ? `${label}: ${question}` : question}>
      {label && <span className="quantity-choices-label">{label}</span>}
      {pair.map((kg) => (
        <button
          key={kg}
          type="button"
          className="button quantity-choice"
          onClick={() => onChoose(quantityInput(language, kg))}
        >
          {tonnes(language, kg)}
          {unit ? ` ${t('unit.t')}` : ''}
        </button>
      ))}
    </div>
  );
}

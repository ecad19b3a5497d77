/**
 * One field's control, chosen by the kind the field table gives it: a date (typed, ↑ ↓ for a day,
 * or picked from a calendar), a figure, a list of values, a textarea for text that keeps its lines,
 * one line of text otherwise. Every control keeps the text as typed (the core reads it); a date left
 * in its field is shown as the language writes dates, once the core's reader takes it.
 */
import { useRef, type ChangeEvent, type KeyboardEvent } from 'react';
import { addCalendarDays, formatIsoDate, parseIsoDate, readDate } from '../../../electron/core/calendar';
import type { FieldSpec } from '../../../electron/core/fields';
import { calendarDate, typedDate } from '../format';
import { useLanguage, useT } from '../i18n';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What every control gets: its id, name, value, handlers and accessible state. */
export interface CommonProps {
  id: string;
  name: string;
  value: string;
  onChange(event: ChangeEvent<Control>): void;
  onBlur(): void;
  required: boolean;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
  'data-testid'?: string;
}

interface FieldControlProps {
  spec: FieldSpec;
  common: CommonProps;
  /** Sets the field's text (a picked date, a day up or down). */
  set(text: string): void;
  /** The id of the datalist offering names for this field, if any. */
  list?: string;
}

export function FieldControl({ spec, common, set, list }: FieldControlProps) {
  const t = useT();
  switch (spec.kind) {
    case 'date':
      return <DateInput common={common} set={set} />;
    case 'enum':
      return (
        <select {...common}>
          {Object.keys(spec.values).map((value) => (
            <option key={value} value={value}>
              {t(`entry.${spec.key}.${value}`)}
            </option>
          ))}
        </select>
      );
    case 'quantity':
      return (
        <div className="entry-quantity">
          <input type="text" autoComplete="off" inputMode="decimal" className="entry-tonnes" {...common} />
          <span className="entry-unit" aria-hidden="true">
            {t('unit.t')}
          </span>
        </div>
      );
    case 'decimal':
    case 'imo':
      return (
        <input type="text" autoComplete="off" inputMode="decimal" className="entry-number" {...common} />
      );
    case 'text':
      if (spec.multiline) return <textarea rows={2} spellCheck {...common} />;
      return <input type="text" autoComplete="off" spellCheck={false} list={list} {...common} />;
  }
}

function CalendarIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
      <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" fill="none" />
    </svg>
  );
}

/**
 * A date typed as a clerk writes it (03.05.2024 or 2024-05-03), or picked from the browser's own
 * calendar, which gives YYYY-MM-DD and is shown the language's way. ↑ and ↓ move it a day.
 */
function DateInput({ common, set }: { common: CommonProps; set(text: string): void }) {
  const t = useT();
  const language = useLanguage();
  const picker = useRef<HTMLInputElement>(null);
  const reading = readDate(common.value);
  const shown = (iso: string) => calendarDate(language, iso);

  function step(event: KeyboardEvent<HTMLInputElement>) {
    const arrow = event.key === 'ArrowUp' ? 1 : event.key === 'ArrowDown' ? -1 : 0;
    if (arrow === 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const date = reading.ok ? parseIsoDate(reading.date) : null;
    if (!date) return;
    event.preventDefault();
    set(shown(formatIsoDate(addCalendarDays(date, arrow))));
  }

  // Left with a date in it, the field shows it as every screen does: 2024-05-04 becomes 04.05.2024.
  function leave() {
    const shownDate = typedDate(language, common.value);
    if (shownDate !== common.value) set(shownDate);
    common.onBlur();
  }

  return (
    <div className="entry-date-input">
      <input
        type="text"
        autoComplete="off"
        spellCheck={false}
        className="entry-date"
        placeholder={t('entry.datePlaceholder')}
        onKeyDown={step}
        {...common}
        onBlur={leave}
      />
      <button
        type="button"
        className="entry-date-pick"
        tabIndex={-1}
        title={t('entry.pickDate')}
        aria-label={t('entry.pickDate')}
        onClick={() => picker.current?.showPicker?.()}
      >
        <CalendarIcon />
      </button>
      <input
        ref={picker}
        type="date"
        className="entry-date-picker"
        tabIndex={-1}
        aria-hidden="true"
        value={reading.ok ? reading.date : ''}
        onChange={(event) => event.target.value && set(shown(event.target.value))}
      />
    </div>
  );
}

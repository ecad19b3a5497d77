/**
 * The register's filters: free text, vessel, grade, status and month (on a station's ledger, the
 * recording station too), whether voided cargoes show, and a way back to everything. A vessel or
 * grade chosen earlier stays in its list even when no shipment of the year has it any more, so the
 * choice shown is never silently different.
 */
import type { RefObject } from 'react';
import { SHIPMENT_STATUSES, type ShipmentStatus } from '../../../electron/core/api';
import type { Translate } from '../i18n';
import type { Language } from '../settings';
import { SearchIcon } from './icons';
import { isFiltered, type RegisterIndex } from './model';
import { monthLabel, statusLabel } from './text';
import type { SearchText } from './useSearchText';
import { useRegisterView } from './viewState';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** The values present, plus the chosen one when no shipment has it. */
function withChosen(values: string[], chosen: string): string[] {
  return chosen !== '' && !values.includes(chosen) ? [...values, chosen] : values;
}

interface Choice {
  value: string;
  label: string;
}

interface ChoiceFilterProps {
  label: string;
  value: string;
  /** The first option, '': no filter on this column. */
  all: string;
  choices: readonly Choice[];
  onChange(value: string): void;
  testId: string;
}

function ChoiceFilter({ label, value, all, choices, onChange, testId }: ChoiceFilterProps) {
  return (
    <label className="register-filter">
      <span className="register-filter-label">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        <option value="">{all}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const asChoices = (values: readonly string[]): Choice[] => values.map((value) => ({ value, label: value }));

interface FilterBarProps {
  index: RegisterIndex;
  search: SearchText;
  /** The search box, which Ctrl+F and `/` focus (useFindKeys). */
  searchRef?: RefObject<HTMLInputElement | null>;
  /** ↓ in the search box: on into the rows. */
  onSearchDown?(): void;
  t: Translate;
  language: Language;
}

export function FilterBar({ index, search, searchRef, onSearchDown, t, language }: FilterBarProps) {
  const filters = useRegisterView((s) => s.filters);
  const setFilters = useRegisterView((s) => s.setFilters);
  const statuses = SHIPMENT_STATUSES.map((status) => ({ value: status, label: statusLabel(t, status) }));
  const months = MONTHS.map((month) => ({
    value: String(month).padStart(2, '0'),
    label: monthLabel(language, month),
  }));
  return (
    <div className="register-filters" role="search" aria-label={t('register.filters.label')}>
      <SearchBox search={search} inputRef={searchRef} onDown={onSearchDown} t={t} />
      <ChoiceFilter
        label={t('register.filters.vessel')}
        value={filters.vessel}
        all={t('register.filters.allVessels')}
        choices={asChoices(withChosen(index.vessels, filters.vessel))}
        onChange={(vessel) => setFilters({ vessel })}
        testId="filter-vessel"
      />
      <ChoiceFilter
        label={t('register.filters.grade')}
        value={filters.grade}
        all={t('register.filters.allGrades')}
        choices={asChoices(withChosen(index.grades, filters.grade))}
        onChange={(grade) => setFilters({ grade })}
        testId="filter-grade"
      />
      <ChoiceFilter
        label={t('register.filters.status')}
        value={filters.status}
        all={t('register.filters.allStatuses')}
        choices={statuses}
        onChange={(status) => setFilters({ status: status as ShipmentStatus | '' })}
        testId="filter-status"
      />
      <ChoiceFilter
        label={t('register.filters.month')}
        value={filters.month}
        all={t('register.filters.allMonths')}
        choices={months}
        onChange={(month) => setFilters({ month })}
        testId="filter-month"
      />
      {index.stations.length > 0 && (
        <ChoiceFilter
          label={t('register.filter.station')}
          value={filters.station ?? ''}
          all={t('register.filter.allStations')}
          choices={asChoices(withChosen(index.stations, filters.station ?? ''))}
          onChange={(station) => setFilters({ station })}
          testId="filter-station"
        />
      )}
      <label className="register-toggle">
        <input
          type="checkbox"
          checked={filters.showVoided}
          onChange={(event) => setFilters({ showVoided: event.target.checked })}
          data-testid="filter-voided"
        />
        <span>{t('register.filters.showVoided')}</span>
      </label>
      {isFiltered(filters) && (
        <button
          type="button"
          className="button register-clear"
          onClick={search.clearAll}
          data-testid="filter-clear"
        >
          {t('register.filters.clear')}
        </button>
      )}
    </div>
  );
}

interface SearchBoxProps {
  search: SearchText;
  inputRef?: RefObject<HTMLInputElement | null>;
  onDown?(): void;
  t: Translate;
}

/** Enter runs the search now; ↓ runs it and goes on to the first row it found. */
function SearchBox({ search, inputRef, onDown, t }: SearchBoxProps) {
  return (
    <label className="register-filter register-filter-text">
      <span className="register-filter-label">{t('register.filters.search')}</span>
      <span className="register-search">
        <SearchIcon />
        <input
          ref={inputRef}
          type="search"
          value={search.text}
          placeholder={t('register.filters.searchPlaceholder')}
          autoComplete="off"
          aria-keyshortcuts="Control+F /"
          onChange={(event) => search.setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') search.commit();
            if (event.key !== 'ArrowDown' || !onDown || event.altKey || event.ctrlKey || event.metaKey)
              return;
            event.preventDefault();
            search.commit();
            onDown();
          }}
          data-testid="filter-text"
        />
      </span>
    </label>
  );
}

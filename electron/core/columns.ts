/**
 * The register's columns by name in each language: a field's from the field table, and the three
 * an import reads that are no field of a cargo (the id, and a sheet's own voided mark and reason).
 * Pure data, apart from csv.ts (which brings the CSV parser), so a page can name a column in its
 * own language when it says what is wrong with a file.
 */
import { FIELDS, fieldSpec, type Language, type Translations } from './fields';

/**
 * The columns an import reads that are not fields of a cargo. The register itself writes the id, and
 * on a station's ledger the recording station and any open conflict; an import reads those two back
 * and sets them aside (a cargo imported here is this station's, and a conflict is the fold's to say).
 */
export type ExtraColumn = 'id' | 'voided' | 'voidReason' | 'station' | 'conflict';

export const EXTRA_COLUMNS: Readonly<Record<ExtraColumn, Translations>> = {
  id: { en: 'ID', ru: 'ID', az: 'ID', kk: 'ID' },
  voided: { en: 'Voided', ru: 'Аннулирован', az: 'Ləğv edilib', kk: 'Күші жойылды' },
  voidReason: {
    en: 'Void reason',
    ru: 'Причина аннулирования',
    az: 'Ləğv səbəbi',
    kk: 'Күшін жою себебі',
  },
  station: { en: 'Station', ru: 'Пункт', az: 'Məntəqə', kk: 'Пункт' },
  conflict: { en: 'Conflict', ru: 'Конфликт', az: 'Ziddiyyət', kk: 'Қайшылық' },
};

/** A column's header in a language, named by its field's key or as an extra column; null for neither. */
export function columnHeader(key: string, language: Language): string | null {
  const spec = fieldSpec(key);
  if (spec) return spec.csv[language];
  return Object.hasOwn(EXTRA_COLUMNS, key) ? EXTRA_COLUMNS[key as ExtraColumn][language] : null;
}

/** Every column an import keeps, in the register's order, by its header in a language (not Station or Conflict). */
export function importColumnHeaders(language: Language): string[] {
  return [
    EXTRA_COLUMNS.id[language],
    ...FIELDS.map((field) => field.csv[language]),
    EXTRA_COLUMNS.voided[language],
    EXTRA_COLUMNS.voidReason[language],
  ];
}

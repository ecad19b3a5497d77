/**
 * A year's loading programme as a CSV report for Excel, in the reader's language: one row per
 * nomination (cancelled ones too), by month and laycan, with its state as of the day it is written,
 * the tonnes loaded against it and the B/L numbers that loaded it. Written by csv-table.ts with csv.ts's cells, so it
 * is Excel-safe the same way: a BOM, `;` with decimal commas for decimal-comma Excel, text guarded
 * against formulas, tonnes to the kilogram as numbers Excel sums.
 */
import type { CsvSeparator, NominationState, Programme } from './api';
import { csvFile, csvTable } from './csv-table';
import type { Language, Translations } from './fields';

const HEADERS = {
  month: { en: 'Month', ru: 'Месяц', az: 'Ay', kk: 'Ай' },
  vessel: { en: 'Vessel', ru: 'Судно', az: 'Gəmi', kk: 'Кеме' },
  laycanFrom: { en: 'Laycan from', ru: 'Лейкан с', az: 'Leykan başlanğıcı', kk: 'Лейкан басы' },
  laycanTo: { en: 'Laycan to', ru: 'Лейкан по', az: 'Leykan sonu', kk: 'Лейкан соңы' },
  planned: { en: 'Planned tonnes', ru: 'План, т', az: 'Plan, t', kk: 'Жоспар, т' },
  state: { en: 'State', ru: 'Состояние', az: 'Vəziyyət', kk: 'Жағдайы' },
  loaded: { en: 'Loaded tonnes', ru: 'Погружено, т', az: 'Yüklənib, t', kk: 'Тиелді, т' },
  cargoes: {
    en: 'B/L numbers',
    ru: 'Номера коносаментов',
    az: 'Konosament nömrələri',
    kk: 'Коносамент нөмірлері',
  },
  reason: { en: 'Cancel reason', ru: 'Причина отмены', az: 'Ləğv səbəbi', kk: 'Болдырмау себебі' },
} as const satisfies Record<string, Translations>;

const STATES: Readonly<Record<NominationState, Translations>> = {
  open: { en: 'open', ru: 'открыта', az: 'açıq', kk: 'ашық' },
  loaded: { en: 'loaded', ru: 'погружена', az: 'yüklənib', kk: 'тиелді' },
  missed: { en: 'missed', ru: 'пропущена', az: 'buraxılıb', kk: 'өткізілді' },
  cancelled: { en: 'cancelled', ru: 'отменена', az: 'ləğv edilib', kk: 'болдырылмады' },
};

/** The months' programmes in calendar order, as one table. */
export function programmeCsv(
  months: readonly Programme[],
  separator: CsvSeparator,
  language: Language,
): string {
  const t = csvTable(separator, language);
  const lines = [t.header(Object.values(HEADERS))];
  for (const month of months)
    for (const n of month.nominations)
      lines.push(
        t.row([
          n.month,
          t.text(n.vessel),
          n.laycanFrom,
          n.laycanTo,
          t.tonnes(n.tonnesKg),
          t.word(STATES[n.state]),
          t.tonnes(n.loadedKg),
          t.text(n.cargoes.map((c) => c.blNumber ?? c.id).join(', ')),
          t.text(n.cancelReason),
        ]),
      );
  return csvFile(lines);
}

/** How many nominations the months hold: the export's row count. */
export function nominationCount(months: readonly Programme[]): number {
  return months.reduce((sum, month) => sum + month.nominations.length, 0);
}

/**
 * The words a workbook writes around its figures, in the reader's language: sheet names, titles,
 * the as-of line and the totals row. Column headers come from the field table and csv.ts, so a
 * workbook and a CSV export of the same report name their columns the same way.
 */
import type { Language, Translations } from '../fields';

export type WorkbookWord =
  | 'registerSheet'
  | 'registerTitle'
  | 'monthlySheet'
  | 'monthlyTitle'
  | 'reconciliationTitle'
  | 'cargoesSheet'
  | 'vesselsSheet'
  | 'monthsSheet'
  | 'voyagesTitle'
  | 'pendingNote'
  | 'asOf'
  | 'station'
  | 'total';

const WORDS: Readonly<Record<WorkbookWord, Translations>> = {
  registerSheet: { en: 'Register', ru: 'Реестр', az: 'Reyestr', kk: 'Тізілім' },
  registerTitle: {
    en: 'Shipment register {year}',
    ru: 'Реестр отгрузок за {year} год',
    az: '{year} ili üzrə göndərmələr reyestri',
    kk: '{year} жылғы жөнелтімдер тізілімі',
  },
  monthlySheet: { en: 'Monthly', ru: 'По месяцам', az: 'Aylar üzrə', kk: 'Айлар бойынша' },
  monthlyTitle: {
    en: 'Monthly shipments against plan {year}',
    ru: 'Отгрузки по месяцам против плана, {year} год',
    az: '{year} ili üzrə aylıq göndərmələr və plan',
    kk: '{year} жылғы айлық жөнелтімдер мен жоспар',
  },
  reconciliationTitle: {
    en: 'Outturn and transit loss {year}',
    ru: 'Выгрузка и потери в пути за {year} год',
    az: '{year} ili üzrə boşaltma və yolda itkilər',
    kk: '{year} жылғы түсіру және жолдағы шығын',
  },
  cargoesSheet: { en: 'Cargoes', ru: 'Грузы', az: 'Yüklər', kk: 'Жүктер' },
  vesselsSheet: { en: 'By vessel', ru: 'По судам', az: 'Gəmilər üzrə', kk: 'Кемелер бойынша' },
  monthsSheet: { en: 'By month', ru: 'По месяцам', az: 'Aylar üzrə', kk: 'Айлар бойынша' },
  voyagesTitle: {
    en: 'Vessels and voyages {year}',
    ru: 'Танкеры и рейсы за {year} год',
    az: '{year} ili üzrə tankerlər və reyslər',
    kk: '{year} жылғы танкерлер мен рейстер',
  },
  pendingNote: {
    en: 'Totals are over the cargoes with an outturn; awaiting outturn: {pending}',
    ru: 'Итоги — по грузам с выгрузкой; ожидают выгрузки: {pending}',
    az: 'Yekunlar boşaldılmış yüklər üzrədir; boşaltma gözlənilir: {pending}',
    kk: 'Қорытындылар түсірілген жүктер бойынша; түсіруді күтеді: {pending}',
  },
  asOf: {
    en: 'As of {date}',
    ru: 'По состоянию на {date}',
    az: '{date} tarixinə',
    kk: '{date} күнгі жағдай',
  },
  station: {
    en: 'Station {station}',
    ru: 'Станция {station}',
    az: 'Stansiya {station}',
    kk: 'Станция {station}',
  },
  total: { en: 'Total', ru: 'Итого', az: 'Cəmi', kk: 'Барлығы' },
};

/** A word in `language`, its `{name}` places filled from `facts`. */
export function workbookWord(
  word: WorkbookWord,
  language: Language,
  facts: Readonly<Record<string, string | number>> = {},
): string {
  return WORDS[word][language].replace(/\{(\w+)\}/g, (place, name: string) =>
    name in facts ? String(facts[name]) : place,
  );
}

/** A date as the reader's language writes it: ISO in English, DD.MM.YYYY otherwise (as the app shows it). */
function shownDate(iso: string, language: Language): string {
  return language === 'en' ? iso : iso.split('-').reverse().join('.');
}

/** The lines under a sheet's title: the as-of date, then `extra`, then the ledger's station if it is one. */
export function headingNotes(
  context: { language: Language; asOf: string; station: string | null },
  extra: readonly string[] = [],
): string[] {
  const { language, asOf, station } = context;
  const lines = [workbookWord('asOf', language, { date: shownDate(asOf, language) }), ...extra];
  if (station) lines.push(workbookWord('station', language, { station }));
  return lines;
}

import type { CsvSeparator } from '../../../electron/core/api';
import { useLanguage } from '../i18n';
import { defaultSeparator, useSettings } from '../settings';

/** The CSV separator: the person's last choice, else the one their language's Excel expects. */
export function useSeparator(): [CsvSeparator, (separator: CsvSeparator) => void] {
  const language = useLanguage();
  const chosen = useSettings((s) => s.separator);
  const update = useSettings((s) => s.update);
  return [chosen ?? defaultSeparator(language), (separator) => update({ separator })];
}

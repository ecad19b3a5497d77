/** Beside the entry form: the latest cargoes recorded, and the keys that drive the form. */
import type { Shipment } from '../../../electron/core/api';
import { isDesktop } from '../client';
import { calendarDate, tonnes } from '../format';
import { useLanguage, useT } from '../i18n';
import { newShipmentKeys, ShortcutKeys } from '../shortcuts';

export function EntryAside({
  recent,
  year,
  desktop = isDesktop(),
}: {
  recent: readonly Shipment[];
  year: number;
  /** The desktop app (Ctrl+N) or browser mode (Alt+N). */
  desktop?: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <aside className="entry-aside">
      <section className="card entry-side-card" aria-labelledby="entry-recent-title">
        <h2 id="entry-recent-title" className="entry-side-title">
          {t('entry.recent.title')}
        </h2>
        {recent.length === 0 ? (
          <p className="entry-side-empty">{t('entry.recent.empty', { year })}</p>
        ) : (
          <ul className="entry-recent" data-testid="entry-recent">
            {recent.map((shipment) => (
              <li key={shipment.id}>
                <span className="entry-recent-vessel">{shipment.vessel}</span>
                <span className="entry-recent-tonnes numeric">
                  {tonnes(language, shipment.netKg)} {t('unit.t')}
                </span>
                <span className="entry-recent-meta">
                  {calendarDate(language, shipment.blDate)}
                  {shipment.blNumber ? ` · ${shipment.blNumber}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card entry-side-card" aria-labelledby="entry-keys-title">
        <h2 id="entry-keys-title" className="entry-side-title">
          {t('entry.keys.title')}
        </h2>
        <dl className="entry-keys">
          <dt>
            <kbd>Enter</kbd>
          </dt>
          <dd>{t('entry.keys.enter')}</dd>
          <dt>
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
          </dt>
          <dd>{t('entry.keys.ctrlEnter')}</dd>
          <dt>
            <kbd>↑</kbd> <kbd>↓</kbd>
          </dt>
          <dd>{t('entry.keys.arrows')}</dd>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>{t('entry.keys.escape')}</dd>
          <dt data-testid="entry-keys-new">
            <ShortcutKeys keys={newShipmentKeys(desktop)} />
          </dt>
          <dd>{t('entry.keys.new')}</dd>
        </dl>
      </section>
    </aside>
  );
}

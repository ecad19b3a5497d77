/**
 * What the last save did, announced politely: the cargo and its entry id, anything the core noted
 * that was not asked about, and Undo, which voids the entry with reason "undo".
 */
import type { FieldIssue, Shipment } from '../../../electron/core/api';
import { calendarDate, tonnes } from '../format';
import { useLanguage, useT, type Translate } from '../i18n';
import type { Language } from '../settings';
import type { FormValues } from './form-values';
import { issueText } from './messages';

export interface SavedCargo {
  shipment: Shipment;
  /** Warnings of the save that were not already asked about. */
  notes: readonly FieldIssue[];
  /** The form as it was saved, and the fresh form the save left behind (Undo refills only an untouched one). */
  values: FormValues;
  fresh: FormValues;
  undo: 'available' | 'done' | 'failed';
}

export function cargoText(t: Translate, language: Language, shipment: Shipment): string {
  const vars = {
    vessel: shipment.vessel,
    blNumber: shipment.blNumber ?? '',
    date: calendarDate(language, shipment.blDate),
    tonnes: tonnes(language, shipment.netKg),
  };
  return t(shipment.blNumber ? 'entry.cargo' : 'entry.cargoNoBl', vars);
}

export function SavedStatus({ saved, onUndo }: { saved: SavedCargo | null; onUndo(): void }) {
  const t = useT();
  const language = useLanguage();
  return (
    <div role="status" aria-live="polite" className="entry-status" data-testid="entry-status">
      {saved && (
        <div className={`entry-saved${saved.undo === 'done' ? ' entry-saved-undone' : ''}`}>
          <span className="entry-saved-mark" aria-hidden="true">
            {saved.undo === 'done' ? '↶' : '✓'}
          </span>
          <div className="entry-saved-body">
            <p className="entry-saved-text">
              {t(saved.undo === 'done' ? 'entry.undone' : 'entry.saved', {
                cargo: cargoText(t, language, saved.shipment),
              })}
            </p>
            <p className="entry-saved-id">{t('entry.savedId', { id: saved.shipment.id })}</p>
            {saved.undo === 'available' &&
              saved.notes.map((note) => (
                <p key={note.code} className="field-warning entry-saved-note">
                  {t('entry.savedNote')} {issueText(language, note, saved.values)}
                </p>
              ))}
            {saved.undo === 'failed' && <p className="field-error">{t('entry.undoFailed')}</p>}
          </div>
          {saved.undo === 'available' && (
            <button type="button" className="button entry-undo" onClick={onUndo} data-testid="entry-undo">
              {t('entry.undo')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

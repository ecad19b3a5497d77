/** The dialog a row's Edit, Void or History button opened, on the shipment as the ledger holds it now. */
import type { Shipment } from '../../../electron/core/api';
import { EditDialog } from './EditDialog';
import { HistoryDialog } from './HistoryDialog';
import type { RegisterIndex } from './model';
import type { RowDialog } from './useRowDialog';
import { VoidDialog } from './VoidDialog';

interface RowDialogsProps {
  dialogs: RowDialog;
  shipments: readonly Shipment[];
  /** Vessels and grades already in the register, offered while editing. */
  index: RegisterIndex;
}

export function RowDialogs({ dialogs, shipments, index }: RowDialogsProps) {
  const { dialog } = dialogs;
  // A shipment no longer in the register (another window voided it, a reload) has no dialog to show.
  const shipment = dialog ? shipments.find((s) => s.id === dialog.id) : undefined;
  if (!dialog || !shipment) return null;
  switch (dialog.kind) {
    case 'edit':
      return (
        <EditDialog
          shipment={shipment}
          vessels={index.vessels}
          grades={index.grades}
          onClose={dialogs.close}
          onSaved={dialogs.saved}
        />
      );
    case 'void':
      return <VoidDialog shipment={shipment} onClose={dialogs.close} onVoided={dialogs.voided} />;
    case 'history':
      return <HistoryDialog shipment={shipment} onClose={dialogs.close} />;
  }
}

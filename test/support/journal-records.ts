/** Cargoes as the journal stores them, numbered: what the journal's own specs append, below any validation. */
import type { ShipmentFields } from '../../electron/core/api';
import type { EventPayload } from '../../electron/core/events';

/** Cargo `n`: its B/L number KZ-n and its weight 9,000 t and n kilograms tell it apart. */
export const journalFields = (n: number): ShipmentFields => ({
  blDate: '2024-07-01',
  vessel: `Vessel ${n}`,
  netKg: 9_000_000 + n,
  blNumber: `KZ-${n}`,
  imo: null,
  voyage: null,
  grade: 'Tengiz',
  loadPort: 'Aktau',
  dischargeTerminal: 'Sangachal',
  shipper: 'KMG',
  receiver: 'SOCAR',
  status: 'loaded',
  outturnKg: null,
  barrels: null,
  remarks: null,
  arrivalDate: null,
  dischargeDate: null,
});

/** The record of cargo `n`, with the id ship000n. */
export const journalRecord = (n: number): EventPayload => ({
  type: 'record',
  id: `ship${String(n).padStart(4, '0')}`,
  shipment: journalFields(n),
});

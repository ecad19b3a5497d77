import type { Shipment } from '../../../electron/core/api';

let serial = 0;

/** A live shipment with sensible defaults; `over` sets what a test cares about. */
export function shipment(over: Partial<Shipment> = {}): Shipment {
  serial++;
  return {
    id: `s${serial}`,
    blDate: '2024-03-10',
    vessel: 'Astana',
    netKg: 9_959_500,
    blNumber: `AKT-2024-${String(serial).padStart(4, '0')}`,
    imo: null,
    voyage: `AST-24/${String(serial).padStart(3, '0')}`,
    grade: 'Tengiz',
    loadPort: 'Aktau',
    dischargeTerminal: 'Sangachal',
    shipper: 'KMG',
    receiver: 'SOCAR',
    status: 'discharged',
    outturnKg: null,
    barrels: null,
    remarks: null,
    arrivalDate: null,
    dischargeDate: null,
    voided: false,
    voidReason: null,
    recordedAt: '2024-03-11T08:00:00.000Z',
    recordedBy: 'clerk',
    updatedAt: '2024-03-11T08:00:00.000Z',
    ...over,
  };
}

const VESSELS = [
  'Astana',
  'Aktau',
  'Taraz',
  'Liwa',
  'President Heydar Aliyev',
  'Akademik Khoshbakht Yusifzade',
];

/** `count` shipments over one year, in the ledger's order (B/L date), every tenth of them Kashagan. */
export function manyShipments(count: number, year = 2024): Shipment[] {
  const out: Shipment[] = [];
  for (let i = 0; i < count; i++) {
    const day = Math.floor((i * 365) / count);
    const date = new Date(Date.UTC(year, 0, 1 + day));
    const iso = date.toISOString().slice(0, 10);
    out.push({
      id: `m${i}`,
      blDate: iso,
      vessel: VESSELS[i % VESSELS.length] as string,
      netKg: 6_000_000 + ((i * 7919) % 4_000_000),
      blNumber: `AKT-${year}-${String(i + 1).padStart(6, '0')}`,
      imo: null,
      voyage: `V-${i}`,
      grade: i % 10 === 0 ? 'Kashagan' : 'Tengiz',
      loadPort: 'Aktau',
      dischargeTerminal: 'Sangachal',
      shipper: 'KMG',
      receiver: 'SOCAR',
      status: 'discharged',
      outturnKg: null,
      barrels: null,
      remarks: null,
      arrivalDate: null,
      dischargeDate: null,
      voided: false,
      voidReason: null,
      recordedAt: `${iso}T08:00:00.000Z`,
      recordedBy: 'bench',
      updatedAt: `${iso}T08:00:00.000Z`,
    });
  }
  return out;
}

/**
 * A month's figures as a close records them: its live cargoes, their tonnes to the kilogram, and a
 * digest of every stored field of each, so that any later change to the month (a cargo added,
 * voided or amended in any field) shows as a different digest.
 */
import crypto from 'node:crypto';
import type { MonthFigures, Shipment } from './api';
import { STORED_KEYS } from './fields';

export function monthFigures(month: string, shipments: Iterable<Shipment>): MonthFigures {
  const inMonth: Shipment[] = [];
  for (const s of shipments) if (!s.voided && s.blDate.startsWith(month)) inMonth.push(s);
  inMonth.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const hash = crypto.createHash('sha256');
  let kg = 0;
  for (const s of inMonth) {
    kg += s.netKg;
    const record = s as Shipment & Record<string, unknown>;
    hash.update(JSON.stringify([s.id, ...STORED_KEYS.map((key) => record[key] ?? null)]));
    hash.update('\n');
  }
  return { shipments: inMonth.length, kg, digest: hash.digest('hex').slice(0, 16) };
}

export function sameFigures(a: MonthFigures, b: MonthFigures): boolean {
  return a.shipments === b.shipments && a.kg === b.kg && a.digest === b.digest;
}

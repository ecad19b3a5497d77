/** How the command line shows tonnes, a cargo, a table and a cargo as JSON. */
import type { Shipment } from '../core/api';
import { inTonnes } from '../core/fields';
import { formatKgAsTonnes } from '../core/quantity';

/** Kilograms as tonnes with their unit: `9,959.500 t`. */
export function t(kg: number): string {
  return `${formatKgAsTonnes(kg)} t`;
}

/** A cargo in one line: vessel, B/L number and date, tonnes. */
export function describe(shipment: Shipment): string {
  return `${shipment.vessel}, B/L ${shipment.blNumber ?? '(no number)'} dated ${shipment.blDate}, ${t(shipment.netKg)}`;
}

/** Columns padded to their widest cell, a rule under the headers; `rightAligned` holds the numeric columns. */
export function table(headers: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A cargo for --json: quantities in tonnes, as a person and a CSV give them. */
export function shipmentJson(shipment: Shipment): Record<string, unknown> {
  return inTonnes(shipment);
}

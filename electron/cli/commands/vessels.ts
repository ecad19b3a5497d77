/** `vessels`: per vessel for a year, cargoes, tonnes, voyages, transit and turnaround days; tables or JSON in kg. */
import type { Voyages, VoyageTotals } from '../../core/api';
import { formatKgAsTonnes } from '../../core/quantity';
import { flag, given } from '../args';
import type { Command } from '../command';
import { EXIT } from '../io';
import { table } from '../output';

const tonnes = (kg: number | null) => (kg === null ? '-' : formatKgAsTonnes(kg));
const days = (value: number | null) => (value === null ? '-' : value.toFixed(1));
const count = (value: number | null) => (value === null ? '-' : String(value));

function totalsCells(totals: VoyageTotals): string[] {
  return [
    String(totals.cargoes),
    tonnes(totals.netKg),
    tonnes(totals.averageCargoKg),
    String(totals.voyages),
    String(totals.discharged),
    String(totals.pending),
    days(totals.averageTransitDays),
    days(totals.averageTurnaroundDays),
  ];
}

const SUMMARY = [
  'Cargoes',
  'Tonnes',
  'Avg cargo t',
  'Voyages',
  'Discharged',
  'Pending',
  'Transit d',
  'Turnaround d',
];

function cargoTable(r: Voyages): string {
  return table(
    [
      'B/L date',
      'B/L number',
      'Vessel',
      'Voyage',
      'Tonnes',
      'Arrived',
      'Discharged',
      'At sea d',
      'Transit d',
    ],
    r.cargoes.map((c) => [
      c.blDate,
      c.blNumber ?? '-',
      c.vessel,
      c.voyage ?? '-',
      tonnes(c.netKg),
      c.arrivalDate ?? '-',
      c.dischargeDate ?? 'pending',
      count(c.daysAtSea),
      count(c.transitDays),
    ]),
    new Set([4, 7, 8]),
  );
}

function vesselsText(r: Voyages): string {
  const t = r.totals;
  return [
    `Vessels and voyages, ${r.year} (transit = discharge date − B/L date; turnaround = days between a ` +
      `vessel's successive voyages)`,
    `  ${t.cargoes} cargoes, ${tonnes(t.netKg)} t in ${t.voyages} voyages; ` +
      `${t.pending} awaiting a discharge date (not in the transit average)`,
    '',
    table(
      ['Vessel', ...SUMMARY],
      [...r.byVessel.map((v) => [v.vessel, ...totalsCells(v)]), ['Total', ...totalsCells(t)]],
      new Set([1, 2, 3, 4, 5, 6, 7, 8]),
    ),
    '',
    r.cargoes.length === 0 ? 'No cargoes.' : cargoTable(r),
  ].join('\n');
}

export const vesselsCommand: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => ({
    writes: false,
    async run({ service, io, year }) {
      const answer = await service.vessels({ year: flag(invocation, 'year') ?? year });
      io.out(given(invocation, 'json') ? JSON.stringify(answer, null, 2) : vesselsText(answer));
      return EXIT.ok;
    },
  }),
};

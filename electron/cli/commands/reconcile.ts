/** `reconcile`: outturn against B/L figure (transit loss) by cargo, vessel and month, as tables or JSON in kg. */
import type { LossTotals, Reconciliation } from '../../core/api';
import { formatKgAsTonnes } from '../../core/quantity';
import { flag, given } from '../args';
import type { Command } from '../command';
import { EXIT } from '../io';
import { table } from '../output';

const percent = (value: number | null) => (value === null ? '-' : `${value.toFixed(3)}%`);
const tonnes = (kg: number | null) => (kg === null ? '-' : formatKgAsTonnes(kg));

function cargoTable(r: Reconciliation): string {
  return table(
    ['B/L date', 'B/L number', 'Vessel', 'B/L t', 'Outturn t', 'Loss t', 'Loss %', ''],
    r.cargoes.map((c) => [
      c.blDate,
      c.blNumber ?? '-',
      c.vessel,
      tonnes(c.blKg),
      tonnes(c.outturnKg),
      tonnes(c.lossKg),
      percent(c.lossPercent),
      c.outturnKg === null ? 'pending' : c.beyondAllowance ? 'BEYOND ALLOWANCE' : '',
    ]),
    new Set([3, 4, 5, 6]),
  );
}

function totalsCells(totals: LossTotals): string[] {
  return [
    String(totals.cargoes),
    String(totals.pending),
    tonnes(totals.blKg),
    tonnes(totals.outturnKg),
    tonnes(totals.lossKg),
    percent(totals.lossPercent),
    String(totals.flagged),
  ];
}

const SUMMARY = ['Cargoes', 'Pending', 'B/L t', 'Outturn t', 'Loss t', 'Loss %', 'Beyond'];
const NUMERIC = new Set([1, 2, 3, 4, 5, 6, 7]);

function reconcileText(r: Reconciliation): string {
  const t = r.totals;
  return [
    `Outturn and transit loss, ${r.month ?? r.year} (allowance ${r.lossAllowancePercent.toFixed(3)}% of B/L)`,
    `  ${t.cargoes} cargoes with outturn: loss ${tonnes(t.lossKg)} t of ${tonnes(t.blKg)} t ` +
      `(${percent(t.lossPercent)}), ` +
      `${t.flagged} beyond the allowance; ${t.pending} pending outturn (not counted)`,
    '',
    r.cargoes.length === 0 ? 'No cargoes.' : cargoTable(r),
    '',
    'By vessel',
    table(
      ['Vessel', ...SUMMARY],
      r.byVessel.map((v) => [v.vessel, ...totalsCells(v)]),
      NUMERIC,
    ),
    '',
    'By month',
    table(
      ['Month', ...SUMMARY],
      [...r.byMonth.map((m) => [m.month, ...totalsCells(m)]), ['Total', ...totalsCells(t)]],
      NUMERIC,
    ),
  ].join('\n');
}

export const reconcileCommand: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => ({
    writes: false,
    async run({ service, io, year }) {
      const month = flag(invocation, 'month');
      // --month alone names its year.
      const asked = flag(invocation, 'year') ?? (month !== undefined ? month.slice(0, 4) : year);
      const answer = await service.reconcile({ year: asked, month });
      io.out(given(invocation, 'json') ? JSON.stringify(answer, null, 2) : reconcileText(answer));
      return EXIT.ok;
    },
  }),
};

/**
 * `programme`: the month's loading programme. Lists its nominations with their state (open, loaded,
 * missed, cancelled) and the cargo that loaded each, and the month's shipped + still nominated
 * against its plan; `--add` nominates a tanker for a laycan and tonnes, `--cancel` cancels one,
 * `--link`/`--unlink` ties a cargo to a nomination by hand or keeps it from one (another tanker's
 * cargo, or one outside the laycan, only with `--force`).
 */
import type { NominationStatus, Programme } from '../../core/api';
import { kgToTonnes } from '../../core/quantity';
import { flag, given, type Invocation } from '../args';
import type { Command, LedgerContext } from '../command';
import { EXIT, UsageError } from '../io';
import { t, table } from '../output';

const LAYCAN = /^\s*(\S+?)\s*\.\.\s*(\S+)\s*$/;

function laycanOf(invocation: Invocation): [string, string] {
  const text = flag(invocation, 'laycan');
  const match = text === undefined ? null : LAYCAN.exec(text);
  if (!match) throw new UsageError('--laycan needs two days, D1..D2, e.g. --laycan 29.07.2025..02.08.2025.');
  return [match[1] as string, match[2] as string];
}

function cargoesText(n: NominationStatus): string {
  return n.cargoes.map((c) => `${c.blNumber ?? c.id} ${c.blDate}${c.byHand ? ' (by hand)' : ''}`).join(', ');
}

function printProgramme(programme: Programme, io: LedgerContext['io']): void {
  const rows = programme.nominations.map((n) => [
    n.id,
    n.vessel,
    `${n.laycanFrom}..${n.laycanTo}`,
    t(n.tonnesKg),
    n.state,
    n.cargoes.length > 0 ? t(n.loadedKg) : '',
    n.state === 'cancelled' ? (n.cancelReason ?? '') : cargoesText(n),
  ]);
  const closed = programme.closed ? ' (closed)' : '';
  io.out(`Programme for ${programme.month}${closed}, as of ${programme.asOf}`);
  if (rows.length === 0) io.out('No nominations.');
  else
    io.out(table(['ID', 'Vessel', 'Laycan', 'Planned', 'State', 'Loaded', 'Cargo'], rows, new Set([3, 5])));
  io.out('');
  io.out(`Plan          ${t(programme.planKg)}`);
  io.out(`Shipped       ${t(programme.shippedKg)}`);
  io.out(`Nominated     ${t(programme.nominatedKg)} (open nominations)`);
  io.out(`Outlook       ${t(programme.outlookKg)} (shipped + nominated)`);
  const gap = programme.gapKg;
  io.out(gap > 0 ? `Short of plan ${t(gap)}` : `Above plan    ${t(-gap)}`);
}

function programmeJson(programme: Programme): Record<string, unknown> {
  return {
    month: programme.month,
    asOf: programme.asOf,
    closed: programme.closed,
    planTonnes: kgToTonnes(programme.planKg),
    shippedTonnes: kgToTonnes(programme.shippedKg),
    nominatedTonnes: kgToTonnes(programme.nominatedKg),
    programmeTonnes: kgToTonnes(programme.programmeKg),
    outlookTonnes: kgToTonnes(programme.outlookKg),
    gapTonnes: kgToTonnes(programme.gapKg),
    nominations: programme.nominations.map((n) => ({
      id: n.id,
      month: n.month,
      vessel: n.vessel,
      laycanFrom: n.laycanFrom,
      laycanTo: n.laycanTo,
      tonnes: kgToTonnes(n.tonnesKg),
      state: n.state,
      loadedTonnes: kgToTonnes(n.loadedKg),
      cargoes: n.cargoes.map(({ netKg, ...cargo }) => ({ ...cargo, tonnes: kgToTonnes(netKg) })),
      nominatedBy: n.nominatedBy,
      nominatedAt: n.nominatedAt,
      cancelReason: n.cancelReason,
    })),
  };
}

type Action = (context: LedgerContext) => Promise<Programme>;

/** What the flags ask for: a write (and what to say once done) or the month's listing. */
function actionOf(invocation: Invocation): { writes: boolean; act: Action; said?: (p: Programme) => string } {
  const month = flag(invocation, 'month');
  const cargo = flag(invocation, 'cargo');
  const linkId = flag(invocation, 'link') ?? flag(invocation, 'unlink');
  const asked = [
    given(invocation, 'add'),
    ...['cancel', 'link', 'unlink'].map((k) => flag(invocation, k) !== undefined),
  ];
  if (asked.filter(Boolean).length > 1)
    throw new UsageError('programme does one thing at a time: --add, --cancel, --link or --unlink.');
  if (given(invocation, 'add')) {
    if (month === undefined) throw new UsageError('programme --add needs --month YYYY-MM.');
    const [laycanFrom, laycanTo] = laycanOf(invocation);
    const input = {
      month,
      vessel: flag(invocation, 'vessel'),
      laycanFrom,
      laycanTo,
      tonnes: flag(invocation, 'tonnes'),
    };
    let made = '';
    return {
      writes: true,
      act: async ({ service }) => {
        const before = new Set((await service.programme({ month })).nominations.map((n) => n.id));
        const after = await service.nominate(input, { force: given(invocation, 'force') });
        made = after.nominations.find((n) => !before.has(n.id))?.id ?? '';
        return after;
      },
      // The new nomination's id alone on the last line, as `add` prints a cargo's.
      said: () => made,
    };
  }
  const cancel = flag(invocation, 'cancel');
  if (cancel !== undefined)
    return {
      writes: true,
      act: ({ service }) => service.cancelNomination({ id: cancel, reason: flag(invocation, 'reason') }),
      said: () => `Cancelled nomination ${cancel}.`,
    };
  if (linkId !== undefined) {
    if (cargo === undefined) throw new UsageError('programme --link/--unlink NOMINATION needs --cargo ID.');
    const linked = flag(invocation, 'link') !== undefined;
    return {
      writes: true,
      act: ({ service }) =>
        service.linkNomination({ id: linkId, cargo, linked }, { force: given(invocation, 'force') }),
      said: () =>
        linked
          ? `Tied cargo ${cargo} to nomination ${linkId}.`
          : `Kept cargo ${cargo} from nomination ${linkId}.`,
    };
  }
  if (month === undefined) throw new UsageError('programme needs --month YYYY-MM.');
  const asOf = flag(invocation, 'as-of');
  return {
    writes: false,
    act: ({ service }) => service.programme({ month, ...(asOf === undefined ? {} : { asOf }) }),
  };
}

export const programme: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => {
    const { writes, act, said } = actionOf(invocation);
    return {
      writes,
      async run(context) {
        const result = await act(context);
        if (given(invocation, 'json')) context.io.out(JSON.stringify(programmeJson(result)));
        else if (said) {
          printProgramme(result, context.io);
          context.io.out('');
          context.io.out(said(result));
        } else printProgramme(result, context.io);
        return EXIT.ok;
      },
    };
  },
};

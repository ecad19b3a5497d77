/**
 * Month close (issue 12 part 3): a closed month holds against every write path of this ledger (a
 * record, an amend, a void, an import, a second writer), says who closed it and how to reopen,
 * and a change after a reopen shows against what was closed.
 */
import fs from 'node:fs';
import { main, type CliIo } from '../electron/cli';
import type { PeriodReport } from '../electron/core/api';
import { closedOn, isMonth } from '../electron/core/periods';
import { LedgerService } from '../electron/core/service';
import { fixedNow, tempDir } from './support/temp';

let temp: ReturnType<typeof tempDir>;
let service: LedgerService;

const cargo = (blDate: string, blNumber: string, netTonnes = '9959.5') => ({
  blDate,
  blNumber,
  vessel: 'Liwa',
  netTonnes,
});

beforeEach(async () => {
  temp = tempDir('transit-periods-');
  service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'aliya', now: fixedNow });
  await service.recordShipment(cargo('2024-06-03', 'JUN-1'));
  await service.recordShipment(cargo('2024-07-02', 'JUL-1', '6980'));
  await service.recordShipment(cargo('2024-07-30', 'JUL-2', '7000.125'));
});

afterEach(() => {
  service.close();
  temp.cleanup();
});

const closeJuly = () =>
  service.closeMonth({ month: '2024-07', reason: 'Reconciled with Sangachal, sent to SOCAR' });

const refusedAsClosed = {
  code: 'invalid',
  issues: [
    expect.objectContaining({
      field: 'blDate',
      code: 'blDate.month_closed',
      facts: {
        month: '2024-07',
        closedBy: 'aliya',
        date: '2024-08-15',
        reason: 'Reconciled with Sangachal, sent to SOCAR',
      },
    }),
  ],
};

async function julyCargo(blNumber: string) {
  const all = await service.listShipments({ year: 2024 });
  const found = all.find((s) => s.blNumber === blNumber);
  if (!found) throw new Error(`no cargo ${blNumber}`);
  return found;
}

describe('closing a month', () => {
  test("records the month's cargoes, tonnes and a digest of its entries, with who and why", async () => {
    const period = await closeJuly();
    expect(period).toMatchObject({
      month: '2024-07',
      closed: true,
      lastClose: { action: 'close', actor: 'aliya', reason: 'Reconciled with Sangachal, sent to SOCAR' },
      now: { shipments: 2, kg: 13_980_125 },
      changedSinceClose: false,
    });
    expect(period.lastClose.figures).toEqual(period.now);
    expect(period.now.digest).toMatch(/^[0-9a-f]{16}$/);
  });

  test('refuses a new cargo dated in it, naming the month, who closed it and how to reopen', async () => {
    await closeJuly();
    const refused = service.recordShipment(cargo('2024-07-31', 'JUL-3'));
    await expect(refused).rejects.toMatchObject(refusedAsClosed);
    await expect(refused).rejects.toThrow(/reopen --month 2024-07 --reason R/);
    // Even a check (the form's, before saving) says so, and a cargo of an open month is still welcome.
    await expect(service.recordShipment(cargo('2024-07-31', 'JUL-3'), { check: true })).rejects.toMatchObject(
      refusedAsClosed,
    );
    await expect(service.recordShipment(cargo('2024-08-01', 'AUG-1'))).resolves.toBeTruthy();
  });

  test('refuses an amend or a void of a cargo dated in it, and an amend moving a cargo into it', async () => {
    await closeJuly();
    const july = await julyCargo('JUL-1');
    await expect(
      service.amendShipment(july.id, { netTonnes: '6981' }, { reason: 'typo' }),
    ).rejects.toMatchObject(refusedAsClosed);
    await expect(service.voidShipment(july.id, 'entered twice')).rejects.toMatchObject(refusedAsClosed);
    const june = await julyCargo('JUN-1');
    await expect(
      service.amendShipment(june.id, { blDate: '2024-07-01' }, { reason: 'wrong month' }),
    ).rejects.toMatchObject(refusedAsClosed);
    expect((await service.periods())[0]?.changedSinceClose).toBe(false);
  });

  test('an import with a row dated in the closed month names that row and writes nothing', async () => {
    await closeJuly();
    const text =
      'B/L date,B/L number,Vessel,Net tonnes\n2024-07-15,JUL-9,Liwa,5000\n2024-08-02,AUG-9,Liwa,5000\n';
    const report = await service.importCsv({ text });
    // An import is whole or nothing (as for any invalid row): the clerk removes the row and imports again.
    expect(report).toMatchObject({ committed: false, added: 1, invalid: 1 });
    expect((await service.listShipments({ year: 2024 })).map((s) => s.blNumber)).toEqual([
      'JUN-1',
      'JUL-1',
      'JUL-2',
    ]);
    expect(report.rows).toEqual([
      expect.objectContaining({
        line: 2,
        issues: [expect.objectContaining({ code: 'blDate.month_closed' })],
      }),
    ]);
  });

  test('a month closed by another writer while an import is in preview holds at its commit', async () => {
    const text =
      'B/L date,B/L number,Vessel,Net tonnes\n2024-07-15,JUL-9,Liwa,5000\n2024-08-02,AUG-9,Liwa,5000\n';
    const preview = await service.importCsv({ text, dryRun: true });
    expect(preview).toMatchObject({ added: 2, invalid: 0 });
    // The manager closes July from the command line while the clerk looks at the preview.
    service.close();
    const closed = await cli(
      '--ledger',
      temp.file('ledger.jsonl'),
      'close',
      '--month',
      '2024-07',
      '--reason',
      'Final',
    );
    expect(closed).toMatchObject({ code: 0, err: '' });
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'aliya', now: fixedNow });
    const committed = await service.importCsv({ text });
    expect(committed).toMatchObject({ committed: false, invalid: 1 });
    expect(committed.rows[0]?.issues[0]?.code).toBe('blDate.month_closed');
  });

  test('a month not yet over cannot be closed, nor closed twice; only a closed month can be reopened', async () => {
    await expect(service.closeMonth({ month: '2024-08', reason: 'early' })).rejects.toMatchObject({
      issues: [
        expect.objectContaining({
          code: 'month.not_ended',
          facts: { month: '2024-08', today: '2024-08-15' },
        }),
      ],
    });
    await expect(service.reopenMonth({ month: '2024-06', reason: 'why' })).rejects.toMatchObject({
      code: 'conflict',
      issues: [expect.objectContaining({ code: 'month.not_closed' })],
    });
    await closeJuly();
    await expect(closeJuly()).rejects.toMatchObject({
      code: 'conflict',
      issues: [
        expect.objectContaining({
          code: 'month.already_closed',
          facts: expect.objectContaining({ closedBy: 'aliya' }),
        }),
      ],
    });
    await expect(service.closeMonth({ month: '2024-13', reason: 'x' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ code: 'month.invalid' })],
    });
    await expect(service.closeMonth({ month: '2024-05', reason: ' ' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ code: 'reason.required' })],
    });
  });
});

describe('what the adversary found', () => {
  test('a close is dated at the load port: 19:00 UTC on 30 November is 1 December in Aktau', () => {
    const step = {
      action: 'close' as const,
      at: '2026-11-30T19:00:05.000Z',
      actor: 'aliya',
      reason: 'final',
    };
    expect(closedOn(step)).toBe('2026-12-01');
  });

  test('a month of a year the ledger does not know is no month', async () => {
    expect(isMonth('0000-01')).toBe(false);
    await expect(service.closeMonth({ month: '1999-12', reason: 'x' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ code: 'month.invalid' })],
    });
  });

  test('a reason holding a control character (a terminal escape) is refused, and nothing is written', async () => {
    await expect(service.closeMonth({ month: '2024-07', reason: 'done\u001b[2J' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: 'reason', code: 'reason.control' })],
    });
    expect(await service.periods()).toEqual([]);
  });
});

/** Spoils the journal line holding `marker` on disk: a letter of it changed, or the whole line replaced. */
function spoilLine(marker: string, replacement?: string): void {
  const file = temp.file('ledger.jsonl');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((line) => line.includes(marker));
  if (at === -1) throw new Error(`no line holds ${marker}`);
  lines[at] = replacement ?? (lines[at] as string).replace('Reconciled', 'reconciled');
  fs.writeFileSync(file, lines.join('\n'));
}

const unsettled = (action: 'recorded' | 'amended' | 'voided') =>
  expect.objectContaining({
    code: 'invalid',
    issues: [
      expect.objectContaining({
        field: 'blDate',
        code: 'blDate.month_unsettled',
        facts: { month: '2024-07' },
        message:
          `A close or reopen of 2024-07 was lost when the damaged ledger file was repaired, so no cargo ` +
          `dated in it can be ${action} until a manager closes it again ` +
          '(transit-ledger close --month 2024-07 --reason R) or reopens it to keep it open ' +
          '(transit-ledger reopen --month 2024-07 --reason R).',
      }),
    ],
  });

describe('a close lost to a damaged file (issue 12: what the adversary found)', () => {
  test('the repair names the month whose close it lost, in the report and its message', async () => {
    await closeJuly();
    service.close();
    spoilLine('"type":"close"');
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'marat', now: fixedNow });
    const recovery = (await service.info()).recovery;
    expect(recovery?.lost).toEqual([
      expect.objectContaining({
        code: 'damaged',
        seq: 5,
        period: { action: 'close', month: '2024-07' },
        excerpt: 'close of 2024-07, entry #5 (its details cannot be read)',
      }),
    ]);
    expect(recovery?.message).toContain(
      'The close or reopen of 2024-07 was lost: no cargo dated in that month can be recorded, amended or ' +
        'voided until a manager closes it again or reopens it (transit-ledger close or reopen --month M --reason R; ' +
        'see transit-ledger periods).',
    );
  });

  test('the month takes no write until a manager closes it again or reopens it, after a restart too', async () => {
    await closeJuly();
    service.close();
    spoilLine('"type":"close"');
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'marat', now: fixedNow });
    await expect(service.recordShipment(cargo('2024-07-31', 'JUL-3'))).rejects.toEqual(unsettled('recorded'));
    service.close();
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'marat', now: fixedNow });
    // The repaired file is whole again, but the month is still held until someone decides.
    expect((await service.info()).recovery).toBeNull();
    const july = await julyCargo('JUL-1');
    await expect(service.amendShipment(july.id, { netTonnes: '6981' }, { reason: 'typo' })).rejects.toEqual(
      unsettled('amended'),
    );
    await expect(service.voidShipment(july.id, 'twice')).rejects.toEqual(unsettled('voided'));
    await expect(service.recordShipment(cargo('2024-08-01', 'AUG-1'))).resolves.toBeTruthy();
  });

  test('closing it again settles it: the month is closed as any other, and reopened after if it must be', async () => {
    await closeJuly();
    service.close();
    spoilLine('"type":"close"');
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'marat', now: fixedNow });
    await service.closeMonth({ month: '2024-07', reason: 'Closed again after the repair' });
    await expect(service.recordShipment(cargo('2024-07-31', 'JUL-3'))).rejects.toMatchObject({
      issues: [expect.objectContaining({ code: 'blDate.month_closed' })],
    });
    await service.reopenMonth({ month: '2024-07', reason: 'Late outturn' });
    await expect(service.recordShipment(cargo('2024-07-31', 'JUL-3'))).resolves.toBeTruthy();
  });

  test('reopening it settles it as open, without closing it first: the way out for a month not yet over', async () => {
    await closeJuly();
    service.close();
    spoilLine('"type":"close"');
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'marat', now: fixedNow });
    await expect(service.recordShipment(cargo('2024-07-31', 'JUL-3'))).rejects.toEqual(unsettled('recorded'));
    expect((await service.info()).heldMonths).toEqual(['2024-07']);
    await expect(
      service.reopenMonth({ month: '2024-07', reason: 'Keep July open after the repair' }),
    ).resolves.toBeNull();
    expect((await service.info()).heldMonths).toBeUndefined();
    await expect(service.recordShipment(cargo('2024-07-31', 'JUL-3'))).resolves.toBeTruthy();
    // Settled for good: a reopen of it again, now neither closed nor held, is refused as before.
    await expect(service.reopenMonth({ month: '2024-07', reason: 'again' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ code: 'month.not_closed' })],
    });
  });

  test("a held month's programme takes no change either: no nomination added or cancelled", async () => {
    const { id } = (
      await service.nominate({
        month: '2024-07',
        vessel: 'Liwa',
        laycanFrom: '2024-07-02',
        laycanTo: '2024-07-04',
        tonnes: '8000',
      })
    ).nominations[0] as { id: string };
    await closeJuly();
    service.close();
    spoilLine('"type":"close"');
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'marat', now: fixedNow });
    const held = expect.objectContaining({
      issues: [expect.objectContaining({ code: 'programme.month_held', facts: { month: '2024-07' } })],
    });
    const nomination = { month: '2024-07', vessel: 'Liwa', laycanFrom: '2024-07-10', laycanTo: '2024-07-12' };
    await expect(service.nominate({ ...nomination, tonnes: '9000' })).rejects.toEqual(held);
    await expect(service.cancelNomination({ id, reason: 'moved' })).rejects.toEqual(held);
  });

  test('a damaged nomination is named as the entry it was and holds no month, though it names one', async () => {
    await service.nominate({
      month: '2024-07',
      vessel: 'Liwa',
      laycanFrom: '2024-07-02',
      laycanTo: '2024-07-04',
      tonnes: '8000',
    });
    service.close();
    const file = temp.file('ledger.jsonl');
    const line = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .find((text) => text.includes('"type":"nominate"'));
    spoilLine('"type":"nominate"', line?.replace('"Liwa"', '"Liwb"'));
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'marat', now: fixedNow });
    const [lost] = (await service.info()).recovery?.lost ?? [];
    expect(lost).toMatchObject({ code: 'damaged', cargo: null });
    expect(lost?.period).toBeUndefined();
    expect(lost?.excerpt).toMatch(/^nominate entry #\d+ \(its details cannot be read\)$/);
    expect((await service.info()).recovery?.message).not.toContain('close or reopen');
    await expect(service.recordShipment(cargo('2024-07-31', 'JUL-3'))).resolves.toBeTruthy();
  });

  test('a lost reopen is named too, and its month stays closed', async () => {
    await closeJuly();
    await service.reopenMonth({ month: '2024-07', reason: 'Reconciled again' });
    service.close();
    spoilLine('"type":"reopen"');
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'marat', now: fixedNow });
    expect((await service.info()).recovery?.lost[0]?.period).toEqual({ action: 'reopen', month: '2024-07' });
    await expect(service.recordShipment(cargo('2024-07-31', 'JUL-3'))).rejects.toMatchObject({
      issues: [expect.objectContaining({ code: 'blDate.month_closed' })],
    });
  });

  test('a line that cannot be read at all is still named by its entry number, in the message too', async () => {
    await closeJuly();
    service.close();
    spoilLine('"type":"close"', 'zzzz garbage');
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'marat', now: fixedNow });
    const recovery = (await service.info()).recovery;
    expect(recovery?.lost).toEqual([
      expect.objectContaining({ code: 'unreadable', line: 5, seq: 5, text: 'zzzz garbage' }),
    ]);
    expect(recovery?.message).toContain('line 5, entry #5: zzzz garbage');
  });

  test('a line spoilt after an earlier repair is given its own number, not the one that repair lost', async () => {
    await closeJuly();
    await service.recordShipment(cargo('2024-08-01', 'AUG-1'));
    service.close();
    spoilLine('"type":"close"');
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'marat', now: fixedNow });
    service.close();
    // Entry #5 (the close) is a known gap now; the August cargo, #6, is the fifth line of the repaired file.
    spoilLine('AUG-1', 'zzzz garbage');
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'marat', now: fixedNow });
    const recovery = (await service.info()).recovery;
    expect(recovery?.lost).toEqual([expect.objectContaining({ code: 'unreadable', line: 5, seq: 6 })]);
    expect(recovery?.confirmedLost).toBe(1);
  });

  test('verify names the month whose close was lost, before the repair and after it', async () => {
    await closeJuly();
    service.close();
    spoilLine('"type":"close"');
    const ledger = temp.file('ledger.jsonl');
    const before = await cli('--ledger', ledger, 'verify');
    expect(before.out).toContain('The close or reopen of 2024-07 was lost');
    service = LedgerService.open(ledger, { actor: 'marat', now: fixedNow });
    service.close();
    const after = await cli('--ledger', ledger, 'verify', '--json');
    expect(JSON.parse(after.out)).toMatchObject({ ok: true, unsettledMonths: ['2024-07'] });
    // periods names it too: the close it lost is no period any more, but the month is held.
    const periods = await cli('--ledger', ledger, 'periods');
    expect(periods.out).toContain('2024-07 is held: a repair lost its close or reopen.');
    const listed = await cli('--ledger', ledger, 'periods', '--json');
    expect(JSON.parse(listed.out)).toEqual([{ month: '2024-07', held: true }]);
    service = LedgerService.open(ledger, { actor: 'marat', now: fixedNow });
  });
});

describe("a closed month's loss allowance", () => {
  test('a change of the allowance of a year with a closed month is refused, naming the months', async () => {
    await service.closeMonth({ month: '2024-06', reason: 'Final' });
    await closeJuly();
    const refused = service.setTargets({ year: 2024, annualTonnes: '2200000', lossAllowancePercent: '0.7' });
    await expect(refused).rejects.toMatchObject({
      code: 'invalid',
      issues: [
        {
          field: 'lossAllowancePercent',
          code: 'lossAllowancePercent.month_closed',
          facts: { year: 2024, months: '2024-06,2024-07', allowance: 0.5 },
        },
      ],
    });
    await expect(refused).rejects.toThrow(
      'The transit loss allowance of 2024 stays 0.5% while 2024-06, 2024-07 are closed: their figures were ' +
        'reconciled against it. Reopen them first (transit-ledger reopen --month 2024-06 --reason R).',
    );
    expect((await service.getTargets(2024)).lossAllowancePercent).toBe(0.5);
  });

  test('the target, the same allowance and another year are saved; after a reopen the allowance too', async () => {
    await closeJuly();
    await expect(
      service.setTargets({ year: 2024, annualTonnes: '2300000', lossAllowancePercent: '0,5' }),
    ).resolves.toMatchObject({ annualKg: 2_300_000_000, lossAllowancePercent: 0.5 });
    await expect(
      service.setTargets({ year: 2023, annualTonnes: '1500000', lossAllowancePercent: '0.7' }),
    ).resolves.toMatchObject({ lossAllowancePercent: 0.7 });
    await service.reopenMonth({ month: '2024-07', reason: 'New allowance agreed' });
    await expect(
      service.setTargets({ year: 2024, annualTonnes: '2300000', lossAllowancePercent: '0.7' }),
    ).resolves.toMatchObject({ lossAllowancePercent: 0.7 });
  });
});

describe('the monthly report', () => {
  test('names who closed a month and when, in progress, CSV and the workbook', async () => {
    await closeJuly();
    const progress = await service.progress({ year: 2024 });
    expect(progress.months.map((m) => m.closed ?? null).slice(5, 8)).toEqual([
      null,
      { by: 'aliya', on: '2024-08-15' },
      null,
    ]);
    const csv = await service.exportReport({ year: 2024, report: 'monthly' });
    expect(csv.content.split('\r\n')[7]).toMatch(/^2024-07,2,13980\.125,.*,aliya,2024-08-15$/);
  });
});

describe('reopening a month', () => {
  test('lets writes in again, is kept with who and why, and a change shows against what was closed', async () => {
    await closeJuly();
    const reopened = await service.reopenMonth({ month: '2024-07', reason: 'Outturn of JUL-2 corrected' });
    expect(reopened).toMatchObject({ closed: false, changedSinceClose: false });
    const july = await julyCargo('JUL-2');
    await service.amendShipment(july.id, { netTonnes: '7000.100' }, { reason: 'B/L corrected' });
    const [period] = await service.periods();
    expect(period).toMatchObject({
      month: '2024-07',
      closed: false,
      now: { shipments: 2, kg: 13_980_100 },
      lastClose: { figures: { shipments: 2, kg: 13_980_125 } },
      changedSinceClose: true,
    });
    expect(period?.steps.map((step) => [step.action, step.actor, step.reason])).toEqual([
      ['close', 'aliya', 'Reconciled with Sangachal, sent to SOCAR'],
      ['reopen', 'aliya', 'Outturn of JUL-2 corrected'],
    ]);
  });

  test('a change of any field, not only the tonnes, shows against the close', async () => {
    await closeJuly();
    await service.reopenMonth({ month: '2024-07', reason: 'remarks' });
    const july = await julyCargo('JUL-1');
    await service.amendShipment(july.id, { remarks: 'pumped slow' }, { reason: 'note' });
    const [period] = await service.periods();
    expect(period?.now.kg).toBe(period?.lastClose.figures?.kg);
    expect(period?.changedSinceClose).toBe(true);
  });

  test('closes and reopens are journal entries: a ledger opened again knows them', async () => {
    await closeJuly();
    service.close();
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'marat', now: fixedNow });
    await expect(service.recordShipment(cargo('2024-07-31', 'JUL-3'))).rejects.toMatchObject(refusedAsClosed);
    expect((await service.periods()).map((p) => [p.month, p.closed])).toEqual([['2024-07', true]]);
  });
});

/** Runs the command line in this process with a fixed clock; its output joined by lines. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text), env: {}, now: fixedNow };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the command line', () => {
  test('close, periods --json and reopen, with the figures and the steps', async () => {
    service.close();
    const ledger = temp.file('ledger.jsonl');
    const run = (...args: string[]) => cli('--ledger', ledger, ...args);
    expect(await run('close', '--month', '2024-07', '--reason', 'Final')).toEqual({
      code: 0,
      out: 'Closed 2024-07: 2 cargoes, 13980.125 t.',
      err: '',
    });
    const refused = await run('add', '--bl-date', '15.07.2024', '--vessel', 'Liwa', '--tonnes', '5000');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('2024-07 was closed by');
    const listed = JSON.parse((await run('periods', '--json')).out) as PeriodReport[];
    expect(listed).toEqual([
      expect.objectContaining({
        month: '2024-07',
        closed: true,
        closedTonnes: 13980.125,
        changedSinceClose: false,
      }),
    ]);
    expect((await run('close', '--month', '2024-06', '--reason', 'Final')).out).toBe(
      'Closed 2024-06: 1 cargo, 9959.500 t.',
    );
    expect((await run('reopen', '--month', '2024-07', '--reason', 'Late outturn')).code).toBe(0);
    expect((await run('add', '--bl-date', '15.07.2024', '--vessel', 'Liwa', '--tonnes', '5000')).code).toBe(
      0,
    );
    const after = JSON.parse((await run('periods', '--json')).out) as Record<string, unknown>[];
    expect(after.find((p) => p.month === '2024-07')).toMatchObject({
      closed: false,
      shipments: 3,
      changedSinceClose: true,
    });
    service = LedgerService.open(ledger, { actor: 'aliya', now: fixedNow });
  });

  test('periods gives every column a heading, the last saying whether figures changed since the close', async () => {
    await closeJuly();
    await service.closeMonth({ month: '2024-06', reason: 'Final' });
    await service.reopenMonth({ month: '2024-07', reason: 'Late outturn' });
    const july = await julyCargo('JUL-2');
    await service.amendShipment(july.id, { netTonnes: '7000.100' }, { reason: 'B/L corrected' });
    service.close();
    const listed = await cli('--ledger', temp.file('ledger.jsonl'), 'periods');
    expect(listed.out.split('\n')).toEqual([
      'Month    State     Closed by  On           Tonnes now  Since close',
      '-------  --------  ---------  ----------  -----------  -------------------------------',
      '2024-06  closed    aliya      2024-08-15   9959.500 t  unchanged',
      '2024-07  reopened  aliya      2024-08-15  13980.100 t  changed (closed at 13980.125 t)',
    ]);
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'aliya', now: fixedNow });
  });
});

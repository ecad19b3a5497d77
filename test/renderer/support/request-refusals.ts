/**
 * The core's refusals of malformed requests, made for real: each API call a page (or a hostile
 * caller) can get wrong, sent to the core's service on a fresh ledger at a fixed clock (15 August
 * 2024), with the issue the core answers. One case for every code the request readers give
 * (electron/core/requests.ts) and for the service's own refusals of a year or date it cannot show,
 * a month it cannot close or reopen, and a backup of nothing.
 * The core's modules use Node, which the page's types leave out: they are loaded untyped and typed here.
 */
import type { FieldIssue } from '../../../electron/core/api';

interface Fs {
  mkdtempSync(prefix: string): string;
  rmSync(path: string, options: { recursive: boolean; force: boolean }): void;
}

type Call = (argument: unknown, options?: unknown) => Promise<unknown>;

/** The service's methods as a page calls them, each taking what the page sends. */
type Service = Record<
  | 'listShipments'
  | 'progress'
  | 'setTargets'
  | 'setBaseline'
  | 'closeMonth'
  | 'reopenMonth'
  | 'exportReport'
  | 'importCsv'
  | 'reconcile'
  | 'recordShipment'
  | 'voidShipment'
  | 'getTargets'
  | 'setBackupFolder'
  | 'backupNow',
  Call
> & {
  amendShipment(id: unknown, changes: unknown, options: unknown): Promise<unknown>;
  close(): void;
};

export interface RequestRefusal {
  /** What was sent, for a failing spec's message. */
  sent: string;
  code: string;
  message: string;
  issues: FieldIssue[];
}

const fs = jest.requireActual<Fs>('node:fs');
const { tmpdir } = jest.requireActual<{ tmpdir(): string }>('node:os');
const { LedgerService } = jest.requireActual<{
  LedgerService: { open(path: string, options: object): Service };
}>('../../../electron/core/service');
const { MAX_IMPORT_BYTES, MAX_IMPORT_BASE64_CHARS } = jest.requireActual<{
  MAX_IMPORT_BYTES: number;
  MAX_IMPORT_BASE64_CHARS: number;
}>('../../../electron/core/requests');

const PLAN = Array.from({ length: 12 }, () => '183333');
const LIWA = { blDate: '2024-08-01', vessel: 'Liwa', netTonnes: '8800' };

/** Each call and what it sends: a wrong value in every place the readers look. */
function cases(api: Service): [string, () => Promise<unknown>][] {
  const list = (query: unknown) => [`listShipments ${JSON.stringify(query)}`, () => api.listShipments(query)];
  const targets = (request: object) => [
    `setTargets ${JSON.stringify(request).slice(0, 80)}`,
    () => api.setTargets({ year: 2024, annualTonnes: null, ...request }),
  ];
  const exported = (request: object) => [
    `exportReport ${JSON.stringify(request)}`,
    () => api.exportReport({ year: 2024, report: 'register', ...request }),
  ];
  const imported = (request: object, shown = JSON.stringify(request)) => [
    `importCsv ${shown}`,
    () => api.importCsv(request),
  ];
  const all: unknown[][] = [
    ['backupNow on a ledger with no entries', () => api.backupNow(undefined)],
    list({ year: 'MMXXIV' }),
    list({ year: [2024] }),
    list({ from: '31/07' }),
    list({ from: '2024-02-30' }),
    list({ to: 'tomorrow' }),
    list({ to: '2024-04-31' }),
    list({ from: '2024-08-01', to: '2024-07-01' }),
    list({ year: 2024, from: '2024-01-01' }),
    list({ includeVoided: 'yes' }),
    list({ colour: 'red', size: 9 }),
    list({ ['x'.repeat(300)]: 1 }),
    list('everything'),
    ['progress 1 Aug', () => api.progress({ year: 2024, asOf: '1 Aug' })],
    ['progress 2024-02-30', () => api.progress({ year: 2024, asOf: '2024-02-30' })],
    ['progress 2023-12-31 in 2024', () => api.progress({ year: 2024, asOf: '2023-12-31' })],
    ['progress 2024-09-01', () => api.progress({ year: 2024, asOf: '2024-09-01' })],
    ['progress 2025', () => api.progress({ year: 2025 })],
    targets({ annualTonnes: 'lots' }),
    targets({ annualTonnes: '2,200' }),
    targets({ annualTonnes: '60000000' }),
    targets({ annualTonnes: '' }),
    targets({ monthlyPlanTonnes: ['1', '2'] }),
    targets({ monthlyPlanTonnes: [...PLAN.slice(0, 7), 'much', ...PLAN.slice(8)] }),
    targets({ monthlyPlanTonnes: [...PLAN.slice(0, 7), '183,333', ...PLAN.slice(8)] }),
    targets({ monthlyPlanTonnes: [...PLAN.slice(0, 7), '60000000', ...PLAN.slice(8)] }),
    targets({ annualTonnes: '2200000', monthlyPlanTonnes: PLAN }),
    targets({ annualTonnes: '2200000', lossAllowancePercent: '7' }),
    ['setBaseline x', () => api.setBaseline({ year: 2023, tonnes: 'x' })],
    ['setBaseline 1,057', () => api.setBaseline({ year: 2023, tonnes: '1,057' })],
    ['setBaseline 60000000', () => api.setBaseline({ year: 2023, tonnes: '60000000' })],
    [
      'setBaseline months off the total',
      () => api.setBaseline({ year: 2023, tonnes: '1057000', monthlyTonnes: Array(12).fill('88000') }),
    ],
    ['setBaseline 2099', () => api.setBaseline({ year: 2099, tonnes: '1000' })],
    ['closeMonth August', () => api.closeMonth({ month: 'August', reason: 'done' })],
    ['closeMonth {year}', () => api.closeMonth({ month: '{year}', reason: 'done' })],
    ['closeMonth 2024-08', () => api.closeMonth({ month: '2024-08', reason: 'done' })],
    ['reopenMonth 2024-07', () => api.reopenMonth({ month: '2024-07', reason: 'a late outturn' })],
    ['closeMonth no reason', () => api.closeMonth({ month: '2024-07', reason: ' ' })],
    ['closeMonth reason 42', () => api.closeMonth({ month: '2024-07', reason: 42 })],
    ['closeMonth reason bell', () => api.closeMonth({ month: '2024-07', reason: 'done\u0007' })],
    ['closeMonth reason 501', () => api.closeMonth({ month: '2024-07', reason: 'x'.repeat(501) })],
    exported({ report: 'summary' }),
    exported({ separator: '|' }),
    exported({ language: 'de' }),
    exported({ format: 'pdf' }),
    imported({}),
    imported({ text: 5 }),
    imported({ text: 'x'.repeat(MAX_IMPORT_BYTES + 1) }, '{"text":"65 MB"}'),
    imported({ base64: 5 }),
    imported({ base64: '!!!!' }),
    imported({ base64: 'A'.repeat(MAX_IMPORT_BASE64_CHARS + 4) }, '{"base64":"87 MB"}'),
    imported({ text: 'a', dryRun: 'yes' }),
    imported({ text: 'a', force: 1 }),
    imported({ text: 'a', allRows: 'all' }),
    ['reconcile 2024-13', () => api.reconcile({ year: 2024, month: '2024-13' })],
    ['reconcile 2023-08 in 2024', () => api.reconcile({ year: 2024, month: '2023-08' })],
    ['recordShipment check yes', () => api.recordShipment(LIWA, { check: 'yes' })],
    ['recordShipment ledger mine', () => api.recordShipment(LIWA, { ledgerId: 'mine' })],
    ['recordShipment a text', () => api.recordShipment('Liwa, 8800 t')],
    ['recordShipment colour', () => api.recordShipment({ ...LIWA, colour: 'red' })],
    ['voidShipment K3M9!', () => api.voidShipment('K3M9!', 'typo')],
    ['getTargets 1800', () => api.getTargets(1800)],
    ['setBackupFolder 5', () => api.setBackupFolder({ folder: 5 })],
  ];
  return all as [string, () => Promise<unknown>][];
}

/** Every case's refusal, one for each issue it carries; a call the core takes fails the spec. */
export async function requestRefusals(): Promise<RequestRefusal[]> {
  const dir = fs.mkdtempSync(`${tmpdir()}/transit-requests-`);
  const api = LedgerService.open(`${dir}/ledger.jsonl`, {
    actor: 'clerk',
    now: () => new Date('2024-08-15T12:00:00Z'),
  });
  const out: RequestRefusal[] = [];
  try {
    for (const [sent, call] of cases(api)) {
      const error = await call().then(
        () => new Error(`the core took ${sent}`),
        (refusal: unknown) => refusal,
      );
      const { code, issues } = error as { code?: string; issues?: FieldIssue[] };
      if (typeof code !== 'string' || !Array.isArray(issues) || issues.length === 0) throw error;
      for (const issue of issues) out.push({ sent, code, message: issue.message, issues: [issue] });
    }
  } finally {
    api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DesktopApi } from '../../../electron/desktop-api';
import { useSettings } from '../../../renderer/src/settings';
import { useLedger } from '../../../renderer/src/store';
import { Reports } from '../../../renderer/src/views/Reports';
import { decodeCsvBytes } from '../../../electron/core/encoding';
import { ApiError } from '../../../renderer/src/client';
import {
  cellText,
  fakeApi,
  importReport,
  importRow,
  ledgerInfo,
  loadStore,
  resetSettings,
  YEAR,
  type FakeApi,
} from './fake-api';

// jsdom has no TextDecoder; Node's reads the downloaded bytes back.
const { TextDecoder } = jest.requireActual<{ TextDecoder: typeof globalThis.TextDecoder }>('node:util');

type FakeDesktop = { [K in keyof DesktopApi]: jest.Mock };

function fakeDesktop(): FakeDesktop {
  return {
    saveReport: jest.fn(async () => ({ saved: true, path: '/home/anna/Documents/transit-monthly-2024.csv' })),
    importFile: jest.fn(async () => ({ cancelled: true, fileName: null, report: null })),
    backupLedger: jest.fn(async () => ({ saved: true, path: '/mnt/backup/transit-ledger-backup.jsonl' })),
    openDataFolder: jest.fn(async () => undefined),
    chooseBackupFolder: jest.fn(async () => ({ chosen: false, path: null })),
    onMenuCommand: jest.fn(() => () => undefined),
  };
}

function readBlob(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** What the page must send: the file's bytes as base64, exactly as they are on disk. */
function base64Of(content: string | Uint8Array): string {
  return btoa(typeof content === 'string' ? content : String.fromCharCode(...content));
}

function bytesOf(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

let api: FakeApi;

beforeEach(() => {
  api = fakeApi();
  loadStore(api);
  resetSettings('en');
  delete window.transitDesktop;
});

afterEach(() => {
  delete window.transitDesktop;
  jest.restoreAllMocks();
});

describe('CSV separator', () => {
  test('defaults to ";" in Russian and "," in English', () => {
    resetSettings('ru');
    const { unmount } = render(<Reports desktop={false} />);
    expect((screen.getByTestId('separator-semicolon') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('separator-comma') as HTMLInputElement).checked).toBe(false);
    unmount();

    resetSettings('en');
    render(<Reports desktop={false} />);
    expect((screen.getByRole('radio', { name: /Comma/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /Semicolon/ }) as HTMLInputElement).checked).toBe(false);
  });

  test('a change is remembered in the settings and survives a new visit to the screen', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<Reports desktop={false} />);
    await user.click(screen.getByRole('radio', { name: /Semicolon/ }));
    expect(useSettings.getState().separator).toBe(';');
    expect(JSON.parse(localStorage.getItem('transit-ledger-settings') ?? '{}')).toMatchObject({
      separator: ';',
    });
    unmount();

    render(<Reports desktop={false} />);
    expect((screen.getByRole('radio', { name: /Semicolon/ }) as HTMLInputElement).checked).toBe(true);
    // The choice holds even when the language would suggest the other one.
    act(() => useSettings.getState().update({ language: 'en' }));
    expect((screen.getByRole('radio', { name: /Semicolon/ }) as HTMLInputElement).checked).toBe(true);
  });

  test('the radio group is a labelled fieldset', () => {
    render(<Reports desktop={false} />);
    expect(screen.getByRole('group', { name: 'CSV column separator' })).toBeTruthy();
  });
});

/** Catches what the page hands to the browser's downloads: each blob and the link clicked for it. */
function captureDownloads(url: string): { blobs: Blob[]; clicked: HTMLAnchorElement[] } {
  const blobs: Blob[] = [];
  URL.createObjectURL = jest.fn((blob: Blob) => {
    blobs.push(blob);
    return url;
  });
  URL.revokeObjectURL = jest.fn();
  const clicked: HTMLAnchorElement[] = [];
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
  return { blobs, clicked };
}

describe('export in browser mode', () => {
  test('downloads the file the core wrote, under its name, with its BOM', async () => {
    const user = userEvent.setup();
    const content = '\uFEFFID;B/L date;Vessel\r\nk3m9x2pq7d;2024-03-01;Astana\r\n';
    api.exportReport.mockResolvedValue({
      fileName: 'transit-register-2024.csv',
      format: 'csv',
      content,
      encoding: 'utf8',
      rows: 1,
    });
    const { blobs, clicked } = captureDownloads('blob:transit/1');
    resetSettings('ru');

    render(<Reports desktop={false} />);
    await user.click(screen.getByTestId('export-register'));

    // A Russian page asks for a Russian file: headers and status words in the reader's language.
    expect(api.exportReport).toHaveBeenCalledWith({
      year: YEAR,
      report: 'register',
      format: 'csv',
      separator: ';',
      language: 'ru',
    });
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]?.download).toBe('transit-register-2024.csv');
    expect(clicked[0]?.href).toBe('blob:transit/1');
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    const bytes = await readBlob(blobs[0] as Blob);
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(content.slice(1));
    expect(screen.getByTestId('export-status').textContent).toContain('transit-register-2024.csv');
    // The temporary link is gone again.
    expect(document.querySelector('a[download]')).toBeNull();
  });

  test("a workbook is downloaded as the workbook's bytes, under its name", async () => {
    const user = userEvent.setup();
    const bytes = [0x50, 0x4b, 0x03, 0x04, 0xff, 0x00];
    api.exportReport.mockResolvedValue({
      fileName: 'transit-monthly-2024.xlsx',
      format: 'xlsx',
      content: btoa(String.fromCharCode(...bytes)),
      encoding: 'base64',
      rows: 12,
    });
    const { blobs, clicked } = captureDownloads('blob:transit/2');
    resetSettings('az');

    render(<Reports desktop={false} />);
    await user.click(screen.getByTestId('export-monthly-xlsx'));

    expect(api.exportReport).toHaveBeenCalledWith({
      year: YEAR,
      report: 'monthly',
      format: 'xlsx',
      separator: ';',
      language: 'az',
    });
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]?.download).toBe('transit-monthly-2024.xlsx');
    expect(blobs[0]?.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Array.from(await readBlob(blobs[0] as Blob))).toEqual(bytes);
  });

  test('each report offers a workbook and a CSV file, each button named for its report', () => {
    render(<Reports desktop={false} />);
    for (const name of [
      'Shipment register as an Excel workbook (.xlsx)',
      'Shipment register as CSV',
      'Monthly summary as an Excel workbook (.xlsx)',
      'Monthly summary as CSV',
    ])
      expect(screen.getByRole('button', { name })).toBeTruthy();
  });

  test('a failure is shown, not swallowed', async () => {
    const user = userEvent.setup();
    api.exportReport.mockRejectedValue(new Error('The disk is full.'));
    render(<Reports desktop={false} />);
    await user.click(screen.getByTestId('export-monthly'));
    expect((await screen.findByRole('alert')).textContent).toContain('The disk is full.');
  });

  test("desktop-only actions are hidden, the ledger's whereabouts are not", () => {
    render(<Reports desktop={false} />);
    expect(screen.queryByRole('button', { name: /Back up ledger/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open data folder' })).toBeNull();
    // Where the ledger is still shows.
    expect(
      within(screen.getByTestId('ledger-file-panel')).getByText(
        '/home/anna/.config/Transit Ledger/ledger.jsonl',
      ),
    ).toBeTruthy();
  });
});

describe('export on the desktop', () => {
  test('asks the main process to save with the year, report and separator', async () => {
    const user = userEvent.setup();
    const desktop = fakeDesktop();
    window.transitDesktop = desktop;
    render(<Reports desktop />);
    await user.click(screen.getByTestId('export-monthly'));
    expect(desktop.saveReport).toHaveBeenCalledWith({
      year: YEAR,
      report: 'monthly',
      format: 'csv',
      separator: ',',
      language: 'en',
    });
    expect(api.exportReport).not.toHaveBeenCalled();
    expect(await screen.findByText(/Saved \/home\/anna\/Documents\/transit-monthly-2024.csv/)).toBeTruthy();
  });

  test('a workbook is saved by the main process, asked for by its format', async () => {
    const user = userEvent.setup();
    const desktop = fakeDesktop();
    desktop.saveReport.mockResolvedValue({
      saved: true,
      path: '/home/anna/Documents/transit-register-2024.xlsx',
    });
    window.transitDesktop = desktop;
    resetSettings('kk');
    render(<Reports desktop />);
    await user.click(screen.getByTestId('export-register-xlsx'));
    expect(desktop.saveReport).toHaveBeenCalledWith({
      year: YEAR,
      report: 'register',
      format: 'xlsx',
      separator: ';',
      language: 'kk',
    });
    expect(await screen.findByText(/transit-register-2024\.xlsx/)).toBeTruthy();
  });

  test('a cancelled dialog shows nothing written', async () => {
    const user = userEvent.setup();
    const desktop = fakeDesktop();
    desktop.saveReport.mockResolvedValue({ saved: false, path: null });
    window.transitDesktop = desktop;
    render(<Reports desktop />);
    await user.click(screen.getByTestId('export-register'));
    await waitFor(() =>
      expect((screen.getByTestId('export-register') as HTMLButtonElement).disabled).toBe(false),
    );
    expect(desktop.saveReport).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('export-status').textContent).toBe('');
    expect(screen.queryByText(/Saved/)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a refusal from the main process is shown', async () => {
    const user = userEvent.setup();
    const desktop = fakeDesktop();
    // The bridge rejects with a plain {code, message} object, not an Error.
    desktop.saveReport.mockRejectedValue({ code: 'io', message: 'The file could not be written: EACCES.' });
    window.transitDesktop = desktop;
    render(<Reports desktop />);
    await user.click(screen.getByTestId('export-register'));
    expect((await screen.findByRole('alert')).textContent).toContain('EACCES');
  });

  test("a disk's refusal is said in the page's language from the core's code and facts", async () => {
    const user = userEvent.setup();
    resetSettings('ru');
    const desktop = fakeDesktop();
    const message = 'The file /mnt/usb/transit-register-2024.csv could not be written (EACCES).';
    desktop.saveReport.mockRejectedValue({
      code: 'io',
      message,
      issues: [
        {
          field: 'file',
          code: 'report.write_failed',
          message,
          facts: { path: '/mnt/usb/transit-register-2024.csv', reason: 'EACCES' },
        },
      ],
    });
    desktop.backupLedger.mockRejectedValue({
      code: 'io',
      message: 'The backup /mnt/usb/b.jsonl could not be written (ENOSPC).',
      issues: [
        {
          field: 'file',
          code: 'backup.write_failed',
          message: 'The backup /mnt/usb/b.jsonl could not be written (ENOSPC).',
          facts: { path: '/mnt/usb/b.jsonl', reason: 'ENOSPC' },
        },
      ],
    });
    window.transitDesktop = desktop;
    render(<Reports desktop />);
    await user.click(screen.getByTestId('export-register'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Отчёт не сохранён. Отчёт не удалось записать в /mnt/usb/transit-register-2024.csv (EACCES).',
    );
    await user.click(screen.getByRole('button', { name: 'Резервная копия журнала…' }));
    expect(
      await screen.findByText('Резервную копию не удалось записать в /mnt/usb/b.jsonl (ENOSPC).'),
    ).toBeTruthy();
  });

  test('back up and open the data folder', async () => {
    const user = userEvent.setup();
    const desktop = fakeDesktop();
    window.transitDesktop = desktop;
    render(<Reports desktop />);
    await user.click(screen.getByRole('button', { name: 'Back up ledger…' }));
    expect(await screen.findByText(/Backup saved: \/mnt\/backup/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open data folder' }));
    expect(desktop.openDataFolder).toHaveBeenCalledTimes(1);
  });
});

describe('menu commands', () => {
  test('a command given before the screen mounted is carried out once it has, and only once', async () => {
    const desktop = fakeDesktop();
    window.transitDesktop = desktop;
    useLedger.getState().menuCommand('export-register');
    expect(useLedger.getState().tab).toBe('reports');
    render(<Reports desktop />);
    await waitFor(() =>
      expect(desktop.saveReport).toHaveBeenCalledWith({
        year: YEAR,
        report: 'register',
        format: 'csv',
        separator: ',',
        language: 'en',
      }),
    );
    expect(useLedger.getState().reportsCommands).toEqual([]);
    expect(desktop.saveReport).toHaveBeenCalledTimes(1);
  });

  test('commands while the screen is shown reach their action, each once', async () => {
    const desktop = fakeDesktop();
    window.transitDesktop = desktop;
    render(<Reports desktop />);
    act(() => {
      for (const command of ['export-monthly', 'backup', 'open-data-folder', 'import'] as const)
        useLedger.getState().menuCommand(command);
    });
    await waitFor(() => expect(desktop.importFile).toHaveBeenCalledWith({ dryRun: true }));
    expect(desktop.saveReport).toHaveBeenCalledWith({
      year: YEAR,
      report: 'monthly',
      format: 'csv',
      separator: ',',
      language: 'en',
    });
    expect(desktop.backupLedger).toHaveBeenCalledTimes(1);
    expect(desktop.openDataFolder).toHaveBeenCalledTimes(1);
    expect(useLedger.getState().reportsCommands).toEqual([]);
  });
});

test('the print button asks the app for the dashboard print layout', async () => {
  const user = userEvent.setup();
  render(<Reports desktop={false} />);
  expect(useLedger.getState().printPending).toBe(false);
  await user.click(screen.getByRole('button', { name: 'Print dashboard / Save as PDF' }));
  expect(useLedger.getState()).toMatchObject({ tab: 'dashboard', printPending: true });
});

describe('import', () => {
  const csv =
    'B/L date,Vessel,Net tonnes,B/L number\n2024-03-01,Astana,9959.5,KZ-1\n' +
    '2024-03-02,Taraz,abc,KZ-2\n2024-03-03,Liwa,8800,KZ-3\n';
  // As the core reports it: codes, facts and each listed row's cargo as read.
  const withInvalid = importReport({
    added: 1,
    duplicates: 1,
    invalid: 1,
    rows: [
      importRow({
        line: 2,
        blNumber: 'KZ-1',
        warnings: [
          {
            field: 'blDate',
            code: 'blDate.old',
            message: 'B/L date 2024-03-01 is 400 days ago; check the date.',
            overridable: true,
            facts: { days: 400 },
          },
        ],
      }),
      importRow({
        line: 3,
        outcome: 'invalid',
        blNumber: 'KZ-2',
        blDate: '2024-03-02',
        vessel: 'Taraz',
        netKg: null,
        netTonnesText: 'abc',
        issues: [
          {
            field: 'netTonnes',
            code: 'netTonnes.format',
            message: 'Net tonnes "abc" is not a number of tonnes; write it like 9959.5 or 9 959,5.',
            facts: { value: 'abc' },
          },
        ],
      }),
      importRow({
        line: 4,
        outcome: 'duplicate',
        blNumber: 'KZ-3',
        blDate: '2024-03-03',
        vessel: 'Liwa',
        netKg: 8_800_000,
        issues: [
          {
            field: 'blNumber',
            code: 'blNumber.duplicate',
            message: 'B/L number KZ-3 is already in the ledger (Liwa, 2024-01-09); skipped.',
            facts: { vessel: 'Liwa', date: '2024-01-09', id: 'k3m9x2pq7d' },
          },
        ],
      }),
    ],
  });
  // As the core reports it: the two plain rows to add are counted, not listed.
  const clean = importReport({
    added: 2,
    duplicates: 1,
    rows: [
      importRow({
        line: 4,
        outcome: 'duplicate',
        blNumber: 'KZ-3',
        blDate: '2024-03-03',
        vessel: 'Liwa',
        netKg: 8_800_000,
        issues: [
          {
            field: 'blNumber',
            code: 'blNumber.duplicate',
            message: 'B/L number KZ-3 already appears on line 2 of this file; skipped.',
            facts: { line: 2 },
          },
        ],
      }),
    ],
    unlistedRows: 2,
  });

  async function choose(user: ReturnType<typeof userEvent.setup>) {
    const input = screen.getByLabelText('Choose CSV file…');
    expect(input.getAttribute('accept')).toBe('.csv,text/csv');
    await user.upload(input, new File([csv], 'march.csv', { type: 'text/csv' }));
    return screen.findByTestId('import-preview');
  }

  test('a dry run comes first: counts, row messages, and no commit while a row is invalid', async () => {
    const user = userEvent.setup();
    api.importCsv.mockResolvedValue(withInvalid);
    render(<Reports desktop={false} />);
    const preview = await choose(user);

    expect(api.importCsv).toHaveBeenCalledTimes(1);
    expect(api.importCsv.mock.calls[0]?.[0]).toEqual({ base64: base64Of(csv), dryRun: true });
    expect(within(preview).getByText('Preview of march.csv')).toBeTruthy();
    expect(within(screen.getByTestId('count-add')).getByText('1')).toBeTruthy();
    expect(within(screen.getByTestId('count-duplicates')).getByText('1')).toBeTruthy();
    expect(within(screen.getByTestId('count-skipped')).getByText('0')).toBeTruthy();
    expect(within(screen.getByTestId('count-invalid')).getByText('1')).toBeTruthy();

    const table = screen.getByTestId('import-rows');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    // Each listed row: its line, what happens to it, its cargo as read, and what the core says of it.
    const cells = (row: number) =>
      within(rows[row] as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cellText(cell));
    expect(cells(1)).toEqual([
      '2',
      'To add',
      '2024-03-01',
      'Astana / KZ-1',
      '9,959.500',
      'B/L date 2024-03-01 is 400 days ago; check the date.',
    ]);
    expect(cells(2)).toEqual([
      '3',
      'Invalid',
      '2024-03-02',
      'Taraz / KZ-2',
      'abc',
      'Net tonnes “abc” is not a number of tonnes; write it like 9959.5 or 9 959,5.',
    ]);
    expect(cells(3)).toEqual([
      '4',
      'Duplicate',
      '2024-03-03',
      'Liwa / KZ-3',
      '8,800.000',
      'B/L number KZ-3 is already in the ledger (Liwa, 2024-01-09); skipped.',
    ]);
    // A cell the core could not read is shown as the file wrote it, and marked.
    expect(within(rows[2] as HTMLElement).getByText('abc').className).toBe('rs-raw');

    const commit = screen.getByTestId('import-commit');
    expect((commit as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('commit-blocked').textContent).toContain('1 row is invalid');
    expect(screen.getByText(/All rows are added in one go, or none/)).toBeTruthy();
    await user.click(commit);
    expect(api.importCsv).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('import-unlisted')).toBeNull();
  });

  test('a large sheet lists only the rows with something to say, and how many to add (issue 8, D12)', async () => {
    const user = userEvent.setup();
    api.importCsv.mockResolvedValue(
      importReport({
        added: 19_999,
        invalid: 1,
        rows: [
          importRow({
            line: 14_323,
            outcome: 'invalid',
            blNumber: 'BIG-14321',
            netKg: null,
            netTonnesText: 'abc',
            issues: [
              {
                field: 'netTonnes',
                code: 'netTonnes.format',
                message: 'Net tonnes "abc" is not a number of tonnes; write it like 9959.5 or 9 959,5.',
                facts: { value: 'abc' },
              },
            ],
          }),
        ],
        unlistedRows: 19_999,
      }),
    );
    render(<Reports desktop={false} />);
    await choose(user);
    expect(within(screen.getByTestId('count-add')).getByText('19,999')).toBeTruthy();
    expect(within(screen.getByTestId('count-invalid')).getByText('1')).toBeTruthy();
    const rows = within(screen.getByTestId('import-rows')).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(within(rows[1] as HTMLElement).getByText('BIG-14321')).toBeTruthy();
    expect(screen.getByTestId('import-unlisted').textContent).toBe(
      '19,999 rows to add have nothing to check and are not listed.',
    );
    expect(screen.getByTestId('commit-blocked').textContent).toContain('1 row is invalid');
  });

  test('a sheet whose rows are all plain says how many would be added, with no empty table', async () => {
    const user = userEvent.setup();
    resetSettings('ru');
    api.importCsv.mockResolvedValue(importReport({ added: 5, unlistedRows: 5 }));
    render(<Reports desktop={false} />);
    await user.upload(
      screen.getByLabelText('Выбрать файл CSV…'),
      new File([csv], 'март.csv', { type: 'text/csv' }),
    );
    expect((await screen.findByTestId('import-unlisted')).textContent).toBe(
      '5 строк к добавлению без замечаний: они не показаны.',
    );
    expect(screen.queryByTestId('import-rows')).toBeNull();
    expect(
      ((await screen.findByRole('button', { name: 'Импортировать 5 отгрузок' })) as HTMLButtonElement)
        .disabled,
    ).toBe(false);
  });

  test('with no invalid row the button imports the same bytes for real', async () => {
    const user = userEvent.setup();
    api.importCsv.mockImplementation(async ({ dryRun }: { dryRun: boolean }) =>
      dryRun ? clean : { ...clean, dryRun: false, committed: true },
    );
    render(<Reports desktop={false} />);
    await choose(user);

    const commit = screen.getByRole('button', { name: 'Import 2 shipments' });
    expect((commit as HTMLButtonElement).disabled).toBe(false);
    await user.click(commit);
    expect(api.importCsv.mock.calls.at(-1)?.[0]).toEqual({ base64: base64Of(csv), dryRun: false });
    expect((await screen.findByTestId('import-done')).textContent).toContain(
      'Imported 2 shipments from march.csv.',
    );
    expect(screen.queryByTestId('import-preview')).toBeNull();
    // The store reloads what the import changed.
    await waitFor(() => expect(api.info).toHaveBeenCalled());
  });

  test('file-level problems are listed and block the import', async () => {
    const user = userEvent.setup();
    api.importCsv.mockResolvedValue(
      importReport({
        fileIssues: [
          { field: 'file', code: 'csv.missing_column', message: 'The file has no Vessel column.' },
        ],
      }),
    );
    render(<Reports desktop={false} />);
    await choose(user);
    expect(screen.getByTestId('file-issues').textContent).toContain('The file has no Vessel column.');
    expect((screen.getByTestId('import-commit') as HTMLButtonElement).disabled).toBe(true);
  });

  test('a read-only ledger previews but does not import', async () => {
    const user = userEvent.setup();
    loadStore(api, { info: ledgerInfo({ readOnly: true }) });
    api.importCsv.mockResolvedValue(clean);
    render(<Reports desktop={false} />);
    await choose(user);
    expect((screen.getByTestId('import-commit') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('commit-blocked').textContent).toContain('read-only');
  });

  test('Russian counts read naturally', async () => {
    const user = userEvent.setup();
    resetSettings('ru');
    api.importCsv.mockResolvedValue({ ...clean, added: 5 });
    render(<Reports desktop={false} />);
    await user.upload(
      screen.getByLabelText('Выбрать файл CSV…'),
      new File([csv], 'март.csv', { type: 'text/csv' }),
    );
    expect(
      ((await screen.findByRole('button', { name: 'Импортировать 5 отгрузок' })) as HTMLButtonElement)
        .disabled,
    ).toBe(false);
  });

  test('on the desktop the native dialog gives the dry run, and the commit imports the file for real', async () => {
    const user = userEvent.setup();
    const desktop = fakeDesktop();
    desktop.importFile.mockImplementation(async ({ dryRun }: { dryRun: boolean }) => ({
      cancelled: false,
      fileName: 'march.csv',
      report: dryRun ? clean : { ...clean, dryRun: false, committed: true },
    }));
    window.transitDesktop = desktop;
    render(<Reports desktop />);
    await user.click(screen.getByTestId('import-choose'));
    expect(desktop.importFile).toHaveBeenCalledWith({ dryRun: true });
    await screen.findByTestId('import-preview');
    expect(api.importCsv).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Import 2 shipments' }));
    expect(desktop.importFile).toHaveBeenLastCalledWith({ dryRun: false });
    expect((await screen.findByTestId('import-done')).textContent).toContain('Imported 2 shipments');
    await waitFor(() => expect(api.info).toHaveBeenCalled());
  });

  test('when the desktop bridge hands back the bytes, the commit imports exactly those bytes', async () => {
    const user = userEvent.setup();
    const desktop = fakeDesktop();
    desktop.importFile.mockResolvedValue({
      cancelled: false,
      fileName: 'march.csv',
      report: clean,
      base64: base64Of(csv),
    });
    api.importCsv.mockResolvedValue({ ...clean, dryRun: false, committed: true });
    window.transitDesktop = desktop;
    render(<Reports desktop />);
    await user.click(screen.getByTestId('import-choose'));
    await user.click(await screen.findByRole('button', { name: 'Import 2 shipments' }));
    expect(desktop.importFile).toHaveBeenCalledTimes(1);
    expect(api.importCsv.mock.calls.at(-1)?.[0]).toEqual({ base64: base64Of(csv), dryRun: false });
  });

  test("a file not in UTF-8 goes as its bytes; the core's refusal is in the language, with line and byte", async () => {
    const user = userEvent.setup();
    resetSettings('ru');
    const globals = globalThis as { TextDecoder?: unknown };
    globals.TextDecoder = TextDecoder; // the core's decoder; jsdom has none
    try {
      // `File.text()` would have turned 0xFF into U+FFFD and imported "Ast�(na".
      const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
      const bytes = new Uint8Array([
        ...ascii('B/L date,Vessel,Net tonnes\n2024-07-01,Ast'),
        0xff,
        ...ascii('(na,9959.5\n'),
      ]);
      api.importCsv.mockImplementation(async (request: { base64: string }) => {
        const decoded = decodeCsvBytes(bytesOf(request.base64));
        return importReport({ encoding: null, fileIssues: decoded.ok ? [] : [decoded.issue] });
      });
      render(<Reports desktop={false} />);
      await user.upload(
        screen.getByLabelText('Выбрать файл CSV…'),
        new File([bytes], 'март.csv', { type: 'text/csv' }),
      );
      const issues = await screen.findByTestId('file-issues');
      expect(api.importCsv.mock.calls[0]?.[0]).toEqual({ base64: base64Of(bytes), dryRun: true });
      expect(issues.textContent).toContain(
        'в строке 2 недопустимый байт 0xFF, смещение 41 («2024-07-01,Ast\\xFF(na,9959.5»)',
      );
      expect(issues.textContent).toContain('В Excel: Файл → Сохранить как → CSV UTF-8');
      expect(issues.textContent).not.toContain('\uFFFD');
      expect((screen.getByTestId('import-commit') as HTMLButtonElement).disabled).toBe(true);
    } finally {
      delete globals.TextDecoder;
    }
  });

  test('a request the core refuses outright (a file over 64 MB) is explained in the chosen language', async () => {
    const user = userEvent.setup();
    resetSettings('az');
    const message = 'The file is too large to be a shipment sheet (over 64 MB).';
    api.importCsv.mockRejectedValue(
      new ApiError({
        code: 'invalid',
        message,
        issues: [{ field: 'base64', code: 'base64.too_large', message }],
      }),
    );
    render(<Reports desktop={false} />);
    await user.upload(screen.getByTestId('import-file'), new File([csv], 'march.csv', { type: 'text/csv' }));
    expect((await screen.findByTestId('import-error')).textContent).toBe(
      'Fayl idxal edilə bilmədi. Fayl göndərişlər cədvəli üçün çox böyükdür (64 MB-dan çox).',
    );
    expect(screen.queryByTestId('import-preview')).toBeNull();
  });

  test('a sheet the core read as Windows-1251 says so in the preview, in the chosen language', async () => {
    const user = userEvent.setup();
    resetSettings('kk');
    api.importCsv.mockResolvedValue({ ...clean, encoding: 'windows-1251' });
    render(<Reports desktop={false} />);
    await user.upload(screen.getByTestId('import-file'), new File([csv], 'march.csv', { type: 'text/csv' }));
    expect((await screen.findByTestId('import-encoding')).textContent).toMatch(
      /^Файл UTF-8 кодтауында емес, сондықтан Windows-1251 \(кирилл\) ретінде оқылды/,
    );
  });

  test('a sheet read as UTF-8 or UTF-16 needs no note about its encoding', async () => {
    const user = userEvent.setup();
    api.importCsv.mockResolvedValue({ ...clean, encoding: 'utf-16le' });
    render(<Reports desktop={false} />);
    await choose(user);
    expect(screen.queryByTestId('import-encoding')).toBeNull();
  });

  test('a cancelled desktop dialog leaves the screen as it was', async () => {
    const user = userEvent.setup();
    const desktop = fakeDesktop();
    window.transitDesktop = desktop;
    render(<Reports desktop />);
    await user.click(screen.getByTestId('import-choose'));
    await waitFor(() =>
      expect((screen.getByTestId('import-choose') as HTMLButtonElement).disabled).toBe(false),
    );
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

/**
 * Settings → Backups (issue 12, part 8): the last backup and its folder, "Back up now", a warning
 * when the last attempt failed, the newest backup is over two days old or there is none (worded in
 * the page's language from the core's code and facts), and the folder chosen in the desktop's
 * dialog or typed in browser mode.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BackupStatus } from '../../../electron/core/api';
import { ApiError } from '../../../renderer/src/client';
import { BackupPanel } from '../../../renderer/src/settings-view/BackupPanel';
import {
  backupState,
  fakeApi,
  ledgerInfo,
  loadStore,
  resetSettings,
  type FakeApi,
} from '../reports/fake-api';

let api: FakeApi;

function ready(status: BackupStatus) {
  api.backupStatus.mockResolvedValue(status);
}

beforeEach(() => {
  api = fakeApi();
  loadStore(api);
  resetSettings('en');
  delete (window as { transitDesktop?: unknown }).transitDesktop;
});

const warning = () => screen.queryByTestId('backup-warning');

test('shows the last backup and its kind, how many are kept and the folder beside the ledger', async () => {
  render(<BackupPanel />);
  await waitFor(() => expect(screen.getByTestId('backup-last').textContent).toContain('daily'));
  expect(screen.getByTestId('backup-folder').textContent).toBe(backupState().folder);
  expect(screen.getByText('(beside the ledger)')).toBeTruthy();
  expect(warning()).toBeNull();
});

test('warns when the last backup failed, in the page’s language from the failure’s code and facts', async () => {
  resetSettings('ru');
  ready(
    backupState({
      warning: 'failed',
      failure: {
        at: '2024-08-15T05:00:00.000Z',
        code: 'backup.folder_unwritable',
        facts: { path: 'E:\\Backups', reason: 'ENOENT' },
        message: 'Backups cannot be written to E:\\Backups (ENOENT).',
      },
    }),
  );
  render(<BackupPanel />);
  await waitFor(() => expect(warning()).not.toBeNull());
  expect(warning()?.textContent).toContain('Последняя резервная копия не удалась');
  const sentence = 'В папку E:\\Backups нельзя записать резервные копии (ENOENT).';
  expect(warning()?.textContent).toContain(sentence);
  expect(warning()?.textContent).not.toContain('cannot be written');
});

test('a backup folder that became a file is said so on screen, in the page’s language', async () => {
  resetSettings('ru');
  ready(
    backupState({
      warning: 'failed',
      failure: {
        at: '2024-08-15T05:00:00.000Z',
        code: 'backup.folder_is_file',
        facts: { path: '/media/usb' },
        message: '/media/usb is a file, not a folder: choose a folder for the backups.',
      },
    }),
  );
  render(<BackupPanel />);
  await waitFor(() => expect(warning()).not.toBeNull());
  expect(warning()?.textContent).toContain(
    '/media/usb — это файл, а не папка: выберите папку для резервных копий.',
  );
  expect(warning()?.textContent).not.toContain('is a file');
});

test('warns when the newest backup is more than two days old, naming when it was made', async () => {
  ready(backupState({ warning: 'stale' }));
  render(<BackupPanel />);
  await waitFor(() => expect(warning()?.textContent).toContain('more than two days old'));
  expect(warning()?.textContent).toContain('2024-08-14');
});

test('warns when the ledger has no backup at all', async () => {
  ready(backupState({ warning: 'never', last: null, backups: [] }));
  render(<BackupPanel />);
  await waitFor(() =>
    expect(warning()?.textContent).toBe('This ledger has no backup yet. Press Back up now.'),
  );
  expect(screen.getByTestId('backup-last').textContent).toBe('None yet');
});

test('Back up now asks the core for a backup of the ledger this window shows, and says it was checked', async () => {
  loadStore(api, { info: ledgerInfo({ ledgerId: 'real' }) });
  const user = userEvent.setup();
  render(<BackupPanel />);
  await user.click(await screen.findByRole('button', { name: 'Back up now' }));
  expect(api.backupNow).toHaveBeenCalledWith({ ledgerId: 'real' });
  expect(screen.getByTestId('backup-result').textContent).toBe('Backup written and checked.');
});

test('a refused backup is said in words, and the warning follows the core’s status', async () => {
  const user = userEvent.setup();
  api.backupNow.mockRejectedValue(
    new ApiError({
      code: 'io',
      message: 'The backup /x did not check out.',
      issues: [
        {
          field: 'backup',
          code: 'backup.unverifiable',
          message: 'The backup /x did not check out.',
          facts: { path: '/x', reason: 'line 3 damaged' },
        },
      ],
    }),
  );
  render(<BackupPanel />);
  await user.click(await screen.findByRole('button', { name: 'Back up now' }));
  expect(screen.getByTestId('backup-result').textContent).toBe('The backup /x did not check out.');
  expect(api.backupStatus).toHaveBeenCalledTimes(2);
});

test('browser mode: a typed folder goes to the core; the folder beside the ledger can be chosen again', async () => {
  const user = userEvent.setup();
  const chosen = backupState({ folder: '/media/usb/backups', chosen: true });
  api.setBackupFolder.mockResolvedValueOnce(chosen);
  render(<BackupPanel />);
  await user.type(await screen.findByLabelText(/Backup folder/), '/media/usb/backups');
  await user.click(screen.getByRole('button', { name: 'Use this folder' }));
  expect(api.setBackupFolder).toHaveBeenCalledWith({ folder: '/media/usb/backups' }, expect.anything());
  expect(screen.getByTestId('backup-result').textContent).toBe('Backups now go to /media/usb/backups.');
  await user.click(screen.getByRole('button', { name: 'Use the folder beside the ledger' }));
  expect(api.setBackupFolder).toHaveBeenLastCalledWith({ folder: null }, expect.anything());
});

test('desktop: the folder comes from the system’s folder dialog; cancelling it changes nothing', async () => {
  const chooseBackupFolder = jest
    .fn()
    .mockResolvedValueOnce({ chosen: false, path: null })
    .mockResolvedValueOnce({ chosen: true, path: 'E:\\Backups' });
  (window as { transitDesktop?: unknown }).transitDesktop = { chooseBackupFolder };
  const user = userEvent.setup();
  render(<BackupPanel />);
  expect(screen.queryByLabelText(/Backup folder/)).toBeNull();
  await user.click(await screen.findByRole('button', { name: 'Choose folder…' }));
  expect(api.setBackupFolder).not.toHaveBeenCalled();
  await user.click(screen.getByRole('button', { name: 'Choose folder…' }));
  expect(api.setBackupFolder).toHaveBeenCalledWith({ folder: 'E:\\Backups' }, expect.anything());
});

test('the demo ledger says it is not backed up, offers no backup and shows no warning', async () => {
  loadStore(api, { info: ledgerInfo({ demo: true, ledgerId: 'demo-abcd1234' }) });
  ready(backupState({ automatic: false, warning: 'never', last: null, backups: [] }));
  render(<BackupPanel />);
  expect(await screen.findByText(/The demo ledger is not backed up/)).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Back up now' })).toBeNull();
  expect(warning()).toBeNull();
});

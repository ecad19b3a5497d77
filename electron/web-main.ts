/**
 * `npm run start:web`: the app in a browser on this machine. Opens the same ledger the desktop
 * app uses (or TRANSIT_LEDGER), serves the built renderer and the API on 127.0.0.1, prints the
 * address to open, and releases the ledger on Ctrl+C.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RENDERER_DIR } from './app-paths';
import { TransitError } from './core/errors';
import { currentUser, defaultUserDataDir, resolveLedgerPath } from './core/paths';
import { LedgerService } from './core/service';
import { Workspace } from './core/workspace';
import { fileLogger } from './log';
import { newToken, startWebServer } from './web';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, ledger: { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port ${values.port} is not a port number (1–65535).\n`);
    return 2;
  }
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    process.stderr.write(
      'The screens are not built yet: run `npm run build:renderer` (npm start does it for you).\n',
    );
    return 1;
  }
  const ledgerFile = resolveLedgerPath(values.ledger);
  const log = fileLogger(path.join(path.dirname(ledgerFile) || defaultUserDataDir(), 'logs'));
  let service: LedgerService;
  try {
    service = LedgerService.open(ledgerFile, {
      actor: currentUser(),
      appName: 'Transit Ledger (browser mode)',
      backups: 'auto',
    });
  } catch (error) {
    if (!(error instanceof TransitError && error.code === 'locked')) throw error;
    process.stderr.write(
      `${error.message}\n` +
        "Opening it read-only; it follows that program's entries, and records here once that program closes it.\n",
    );
    service = LedgerService.open(ledgerFile, {
      readOnly: true,
      actor: currentUser(),
      appName: 'Transit Ledger (browser mode)',
      backups: 'auto',
      takeOverWhenFree: true,
    });
  }
  const recovery = (await service.info()).recovery;
  if (recovery) process.stderr.write(`${recovery.message}\n`);
  const workspace = new Workspace(service, path.join(path.dirname(ledgerFile), 'demo-ledger.jsonl'), {
    actor: currentUser(),
  });
  const server = await startWebServer({
    api: workspace.api,
    rendererDir: RENDERER_DIR,
    token: newToken(),
    port,
    logInternal: (method, error) => log(`http ${method}`, error),
  });
  process.stdout.write(
    [
      'Transit Ledger is running in browser mode on this computer only.',
      `Ledger: ${ledgerFile}`,
      `Open: ${server.url}`,
      '(Ctrl+C stops it.)',
      '',
    ].join('\n'),
  );
  const stop = () => {
    void server.close().finally(() => {
      workspace.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => {
      if (code !== 0) process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `Transit Ledger could not start: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}

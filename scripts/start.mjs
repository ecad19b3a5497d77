// npm start: build, then the desktop app; where Electron's binary is missing and cannot be fetched,
// the same app in browser mode instead, so the README's run command works on every machine.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function electronBinary() {
  try {
    // The electron package's main export is the binary's path; it throws while the binary is missing.
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function fetchElectron() {
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) return;
  try {
    execFileSync(process.execPath, [installer], {
      cwd: path.dirname(installer),
      stdio: 'ignore',
      timeout: 180_000,
    });
  } catch {
    // No network to the download host: browser mode below says so.
  }
}

execFileSync(npm, ['run', '--silent', 'build'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});

let binary = electronBinary();
if (!binary && process.env.TRANSIT_NO_ELECTRON_DOWNLOAD !== '1') {
  fetchElectron();
  binary = electronBinary();
}
const args = process.argv.slice(2);
const child = binary
  ? spawn(binary, [root, ...args], { stdio: 'inherit' })
  : (console.log(
      'Electron could not be installed on this machine (its download failed), ' +
        'so Transit Ledger starts in browser mode instead.',
    ),
    spawn(process.execPath, [path.join(root, 'build', 'electron', 'web-main.js'), ...args], {
      stdio: 'inherit',
    }));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

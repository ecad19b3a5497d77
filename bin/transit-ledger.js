#!/usr/bin/env node
// The installed command (and `npm run cli`): runs the compiled CLI, build/electron/cli.js, which
// `npm run build:main` makes (`npm start` and `npm test` build too). Starting it through tsx, as
// before, cost 0.65 s before any work.
//
// A fresh clone has no build after `npm install` (install scripts do not run: .npmrc), and a pull or
// an edit leaves the build behind its sources. In either case this builds first, once, saying so on
// stderr: a build older than a file of electron/ never runs, and stdout stays the command's own.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'build', 'electron', 'cli.js');
/** What the build compiles from: every .ts under electron/, and the TypeScript settings. */
const SOURCES = [path.join(ROOT, 'electron')];
const SETTINGS = ['tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.build.json'].map((file) =>
  path.join(ROOT, file),
);

function mtimeOf(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** The newest modification time among the build's sources; -1 when there are none (an install without them). */
function newestSource() {
  let newest = Math.max(...SETTINGS.map(mtimeOf));
  for (const dir of SOURCES) {
    let names = [];
    try {
      names = fs.readdirSync(dir, { recursive: true });
    } catch {
      continue;
    }
    for (const name of names) {
      if (name.endsWith('.ts')) newest = Math.max(newest, mtimeOf(path.join(dir, name)));
    }
  }
  return newest;
}

/** Runs the project's own main build (tsc, and what build:main adds), its output on stderr. Returns its exit status. */
function build(reason) {
  process.stderr.write(`transit-ledger: ${reason}; building it (npm run build:main), once.\n`);
  const result = spawnSync('npm', ['run', '--silent', 'build:main'], {
    cwd: ROOT,
    stdio: ['ignore', 2, 2],
    shell: process.platform === 'win32',
  });
  if (result.error) process.stderr.write(`transit-ledger: could not run npm: ${result.error.message}\n`);
  return result.error ? 1 : result.status;
}

function ensureBuilt() {
  const built = mtimeOf(CLI);
  const newest = newestSource();
  if (built >= 0 && built >= newest) return true;
  const status = build(
    built < 0 ? 'the command line is not built yet' : 'electron/ changed since the command line was built',
  );
  if (mtimeOf(CLI) === built) {
    process.stderr.write(
      `transit-ledger: the build failed (above); run \`npm install\`, then \`npm run build:main\` in ${ROOT}.\n`,
    );
    return false;
  }
  // TypeScript emits even when the type check fails, and runs like tsx would have: said once, then run.
  if (status !== 0)
    process.stderr.write('transit-ledger: the build reported errors (above); running what it compiled.\n');
  // A source dated in the future (a copied tree, a skewed clock) must not set off a build at every run.
  const stamp = Math.max(Date.now(), newest) / 1000;
  try {
    fs.utimesSync(CLI, stamp, stamp);
  } catch {
    // A build this process may not touch is still a build; at worst the next run builds again.
  }
  return true;
}

if (ensureBuilt()) require(CLI).runAsProcess();
else process.exitCode = 1;

// npm run security: Electronegativity (Doyensec's Electron security scanner) over the app's own
// sources, electron/ and renderer/, scanned as the TypeScript we write, so a finding's line is the
// line that carries its justification: `// eng-disable CHECK_ID: reason`, the tool's own inline
// suppression. Exits 1 on any finding left, 2 when the scan itself did not run cleanly.
//
// Why the CLI is not simply run as is:
// - Network. AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub, so it
//   is excluded (-x). The tool also asks S3 for fresh translations at every start (locales/i18n.js),
//   which no option turns off: a preload answers that request offline (the bundled en-US strings
//   are used), and refuses and reports any other outgoing connection, which fails the run.
// - Exit code. The CLI exits 0 whatever it finds, and with -o it says nothing about files it could
//   not parse. So its SARIF report is read here, and the preload records the run's summary (checks
//   loaded, parse errors, number of issues) for this script to check against it.
// - The one finding without a line. Electronegativity finds a CSP only in a <meta> tag or in
//   webRequest responseHeaders; this app sends its CSP as a response header from the app://
//   protocol handler (electron/main.ts) and the browser-mode server (electron/web.ts), the policy
//   defined in electron/security.ts. So CSP_GLOBAL_CHECK reports "No CSP" at no file and no line,
//   which no eng-disable comment can reach. It is accepted here only after checking the claim: both
//   files still send contentSecurityPolicy() as that header, and the policy passes the same CSP
//   evaluator the check uses.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const SOURCES = ['electron', 'renderer'];
const NETWORK_CHECK = 'AvailableSecurityFixesGlobalCheck';
const SCANNED = /\.(?:[jt]sx?|html?)$/i;
const ENG_DISABLE = /(?:\/\*|\/\/|<!--)[ \t]*eng-disable[ \t]+(.*?)(?:\*\/|-->|$)/;

const engDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const engBin = path.join(
  engDir,
  JSON.parse(fs.readFileSync(path.join(engDir, 'package.json'), 'utf8')).bin.electronegativity,
);

// Runs inside the CLI's process (node --require), before the CLI loads.
const PRELOAD = String.raw`'use strict';
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const Module = require('node:module');
const bin = process.env.ENGTEST_BIN;
const record = { connections: [], run: null };
const save = () => fs.writeFileSync(process.env.ENGTEST_RECORD, JSON.stringify(record));
save();
net.Socket.prototype.connect = function (...args) {
  const options = args[0];
  const target =
    options && typeof options === 'object'
      ? (options.host || options.path) + ':' + options.port
      : String(options);
  record.connections.push(target);
  save();
  throw new Error('scripts/electronegativity.mjs: no network for Electronegativity (' + target + ')');
};
const offlineGot = () => Promise.resolve({ statusCode: 404, body: '' });
offlineGot.head = offlineGot;
offlineGot.default = offlineGot;
offlineGot.__esModule = true;
const dist = path.dirname(bin);
for (const from of ['locales/i18n.js', 'finder/checks/GlobalChecks/AvailableSecurityFixesGlobalCheck.js']) {
  const file = Module.createRequire(path.join(dist, from)).resolve('got');
  const stub = new Module(file);
  stub.filename = file;
  stub.loaded = true;
  stub.exports = offlineGot;
  require.cache[file] = stub;
}
const fromBin = Module.createRequire(bin);
const runnerFile = fromBin.resolve('./runner.js');
const run = fromBin(runnerFile);
require.cache[runnerFile].exports = async function (options, forCli) {
  const result = await run(options, forCli);
  if (result) {
    const { globalChecks, atomicChecks, errors, issues } = result;
    record.run = { globalChecks, atomicChecks, errors, issues: issues.length };
  }
  save();
  return result;
};
`;

function electronVersion() {
  try {
    return require('electron/package.json').version;
  } catch {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    return /\d+\.\d+\.\d+/.exec(pkg.devDependencies?.electron ?? '')?.[0];
  }
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** The claim behind accepting "No CSP": checked, or the problems with it. */
async function headerCspProblems() {
  const problems = [];
  for (const file of ['electron/main.ts', 'electron/web.ts']) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    if (!/['"]content-security-policy['"]\s*:\s*contentSecurityPolicy\(/i.test(text))
      problems.push(`${file} no longer sends contentSecurityPolicy() as its content-security-policy header`);
  }
  const { tsImport } = await import('tsx/esm/api');
  const security = await tsImport(
    pathToFileURL(path.join(root, 'electron', 'security.ts')).href,
    import.meta.url,
  );
  if (typeof security.contentSecurityPolicy !== 'function')
    return [...problems, 'electron/security.ts no longer exports contentSecurityPolicy()'];
  const csp = createRequire(path.join(engDir, 'package.json'))('@doyensec/csp-evaluator');
  const policy = security.contentSecurityPolicy();
  for (const finding of new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate()) {
    if (finding.severity >= csp.severities.INFO || finding.severity === csp.severities.STRICT_CSP) continue;
    // The only "maybe" the evaluator raises: app://transit (and the loopback server) serve nothing
    // but the built renderer: no JSONP, no Angular, no uploads.
    if (
      finding.severity === csp.severities.MEDIUM_MAYBE &&
      finding.directive === 'script-src' &&
      finding.value === "'self'"
    )
      continue;
    problems.push(
      `the CSP from electron/security.ts: ${finding.directive} ${finding.value ?? ''}: ${finding.description}`,
    );
  }
  return problems;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
  try {
    const app = path.join(tmp, 'app');
    for (const dir of SOURCES)
      fs.cpSync(path.join(root, dir), path.join(app, dir), {
        recursive: true,
        filter: (src) => path.basename(src) !== 'node_modules',
      });
    const files = walk(app).filter((file) => SCANNED.test(file));
    const preload = path.join(tmp, 'preload.cjs');
    const record = path.join(tmp, 'record.json');
    const sarif = path.join(tmp, 'findings.sarif');
    fs.writeFileSync(preload, PRELOAD);
    const version = electronVersion();
    const args = [
      '--require',
      preload,
      engBin,
      '-i',
      app,
      '-r',
      '-x',
      NETWORK_CHECK,
      '-o',
      sarif,
      ...(version ? ['-e', version] : []),
    ];
    const child = spawnSync(process.execPath, args, {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, ENGTEST_BIN: engBin, ENGTEST_RECORD: record },
    });
    process.stdout.write(child.stdout ?? '');
    process.stderr.write(child.stderr ?? '');
    const broken = (message) => {
      console.error(`electronegativity: the scan did not run cleanly: ${message}`);
      return 2;
    };
    if (child.error) return broken(child.error.message);
    if (child.status !== 0) return broken(`exit ${child.status ?? child.signal}`);
    const run = fs.existsSync(record) ? JSON.parse(fs.readFileSync(record, 'utf8')) : null;
    if (!run) return broken('the preload did not load');
    if (run.connections.length > 0)
      return broken(`it tried to reach the network: ${run.connections.join(', ')}`);
    if (!run.run) return broken('it reported no result');
    if (run.run.errors.length > 0) {
      for (const error of run.run.errors)
        console.error(`  ${path.relative(app, error.file)}: ${error.message}`);
      return broken(`${run.run.errors.length} file(s) could not be parsed, so were not checked`);
    }
    if (!fs.existsSync(sarif)) return broken('it wrote no SARIF report');
    const results = JSON.parse(fs.readFileSync(sarif, 'utf8')).runs[0].results;
    if (results.length !== run.run.issues)
      return broken(`its SARIF report has ${results.length} result(s), the run ${run.run.issues}`);

    const findings = results.map((result) => {
      const location = result.locations[0].physicalLocation;
      const uri = location.artifactLocation.uri;
      return {
        check: result.ruleId,
        where:
          uri === 'file:///'
            ? '(whole app)'
            : `${uri}:${location.region.startLine}:${location.region.startColumn}`,
        noFile: uri === 'file:///',
        description: result.message.text,
        review: result.level === 'note',
      };
    });
    const notes = [];
    const remaining = [];
    for (const finding of findings) {
      if (finding.check === 'CSP_GLOBAL_CHECK' && finding.noFile) {
        const problems = await headerCspProblems();
        if (problems.length === 0) {
          notes.push(
            'CSP_GLOBAL_CHECK (whole app): accepted: the CSP is a response header (electron/main.ts, ' +
              'electron/web.ts) built by contentSecurityPolicy() in electron/security.ts, ' +
              'and it passes the CSP evaluator',
          );
          continue;
        }
        finding.description += problems.map((problem) => `\n      - ${problem}`).join('');
      }
      remaining.push(finding);
    }

    for (const file of files) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const match = ENG_DISABLE.exec(line);
          if (match) notes.push(`${path.relative(app, file)}:${index + 1}: eng-disable ${match[1].trim()}`);
        });
    }
    for (const note of notes) console.log(`  justified ${note}`);
    for (const finding of remaining)
      console.log(
        `  ${finding.check}  ${finding.where}  ${finding.description}${finding.review ? ' (review)' : ''}`,
      );
    const checks = run.run.globalChecks + run.run.atomicChecks;
    const findingCount = `${remaining.length} finding${remaining.length === 1 ? '' : 's'}`;
    const scanned = `${checks} checks over ${files.length} files in ${SOURCES.join('/, ')}/`;
    console.log(
      `electronegativity: ${findingCount} (${scanned}, Electron ${version ?? 'version unknown'}, ` +
        `${notes.length} justified, network check ${NETWORK_CHECK} excluded)`,
    );
    return remaining.length === 0 ? 0 : 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

process.exitCode = await main().catch((error) => {
  console.error(`electronegativity: the scan did not run cleanly: ${error.stack ?? error}`);
  return 2;
});

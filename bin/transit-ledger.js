#!/usr/bin/env node
// The installed command: runs the TypeScript CLI through tsx, which ships as a dependency.
require('tsx/cjs');
require('../electron/cli.ts').main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  now: () => new Date(),
}).then((code) => {
  process.exitCode = code;
});

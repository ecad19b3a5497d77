// Runs one CLI command in this process and reports its exit code, wall time and peak memory, so the
// stress run can measure a command under a heap limit given to this node process.
const [cliPath, ...argv] = process.argv.slice(2);
const { main } = require(cliPath);
const started = process.hrtime.bigint();
const io = {
  out: () => {},
  err: (text) => process.stderr.write(`${text.slice(0, 400)}\n`),
  env: process.env,
  now: () => new Date('2024-12-31T12:00:00Z'),
};
main(argv, io).then((code) => {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(JSON.stringify({ code, ms, maxRssKb: process.resourceUsage().maxRSS }));
});

/**
 * The built command line with its stdout piped into a reader that stops early, as `| head -1` does:
 * the command ends quietly, exit 0, nothing on stderr, instead of dying of an unhandled EPIPE.
 * The demo ledger (591 cargoes) gives `list` far more lines than the first chunk the reader takes.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { tempDir } from './support/temp';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'transit-ledger.js');

let tmp: ReturnType<typeof tempDir>;
let ledger: string;

beforeAll(() => {
  tmp = tempDir();
  ledger = tmp.file('ledger.jsonl');
  const made = spawnSync(process.execPath, [BIN, 'demo', '--out', ledger], { cwd: ROOT, encoding: 'utf8' });
  expect(made.status).toBe(0);
}, 120_000);

afterAll(() => tmp.cleanup());

/** Runs the command, reads its first chunk of stdout, then closes the pipe; resolves with its exit and stderr. */
function readFirstChunkThenClose(
  args: string[],
): Promise<{ code: number | null; first: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--ledger', ledger, ...args], {
      cwd: ROOT,
      env: { ...process.env, TRANSIT_LEDGER: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let first = '';
    let err = '';
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.toString('utf8');
      child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, first, err }));
  });
}

describe('stdout closed early by the reader', () => {
  test.each([
    ['list', ['list']],
    ['programme --month 2026-11', ['programme', '--month', '2026-11']],
  ])(
    '%s ends with exit 0 and says nothing on stderr',
    async (_name, args) => {
      const result = await readFirstChunkThenClose(args);
      expect(result.first.length).toBeGreaterThan(0);
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
    },
    60_000,
  );
});

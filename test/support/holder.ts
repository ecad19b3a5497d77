/**
 * "Another program, still running, that holds the ledger": a child process started from a fixture
 * script (test/fixtures/lock/hold.ts, test/fixtures/cli/hold-lock.ts) that prints `ready <pid>`
 * once it holds the lock and lets go when its stdin closes. A real second process, because a lock
 * held by this jest process would be judged as this process's own.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export class LockHolder {
  private child: ChildProcessWithoutNullStreams | null = null;

  /** Stops the holder after each test of the calling block, so no test leaves a lock held. */
  static perTest(): LockHolder {
    const holder = new LockHolder();
    afterEach(() => holder.stop());
    return holder;
  }

  /** Starts `script` on `ledger`; resolves with the holder's pid once it holds the lock. */
  start(script: string, ledger: string): Promise<number> {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', script, ledger], { cwd: ROOT });
    this.child = child;
    return new Promise((resolve, reject) => {
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const ready = /ready (\d+)/.exec(stdout);
        if (ready) resolve(Number(ready[1]));
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.once('exit', (code) =>
        reject(new Error(`the lock holder exited (${code}) before holding the lock: ${stderr}`)),
      );
    });
  }

  /** Closes the holder's stdin and waits until it has exited, having let go of the lock; nothing if none runs. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      await exited;
    }
  }
}

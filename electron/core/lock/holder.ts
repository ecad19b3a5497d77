/**
 * What a lock file records, and who this process is: a lock names its holder (process, user,
 * host, when) so a second program can tell the person who has the ledger open, and carries what
 * liveness.ts needs to tell, later, whether that holder is gone: the boot id, the machine id and
 * the holder process's start time.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { readingFile } from '../reading-file';

/** What a lock file says about its holder: enough to name it to a person and to judge it later. */
export interface LockRecord {
  pid: number;
  host: string;
  user: string;
  app: string;
  since: string;
  /** Makes the file's bytes unique to one acquisition: the identity a takeover compares. */
  nonce?: string;
  /** /proc/sys/kernel/random/boot_id: a different one means the computer restarted since. */
  boot?: string;
  /** /etc/machine-id: tells apart two computers that share a host name. */
  machine?: string;
  /** The holder process's start, as `processStart` reads it: a reused PID has another. */
  start?: string;
}

/** A lock or token file as read: its exact bytes (its identity), what they say, and its age. */
export interface SeenFile {
  path: string;
  content: Buffer;
  record: LockRecord | null;
  mtimeMs: number;
  ino: number;
}

/** This computer as a lock records it; read once, since none of it changes while the process runs. */
export interface MachineFacts {
  host: string;
  bootId: string | null;
  machineId: string | null;
  /** Boot time in ms since the epoch, for lock files older than the boot id. */
  bootTimeMs: number | null;
  /** This process's own start, recorded in its locks. */
  ownStart: string | null;
}

let machineFacts: MachineFacts | null = null;

function readTrimmed(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** Linux's /proc/stat btime, in seconds: the base of the start ticks in /proc/<pid>/stat. */
function linuxBootSeconds(): number | null {
  const match = /^btime (\d+)$/m.exec(readTrimmed('/proc/stat') ?? '');
  return match ? Number(match[1]) : null;
}

export function machine(): MachineFacts {
  if (machineFacts) return machineFacts;
  const btime = process.platform === 'linux' ? linuxBootSeconds() : null;
  machineFacts = {
    host: os.hostname(),
    bootId: process.platform === 'linux' ? readTrimmed('/proc/sys/kernel/random/boot_id') : null,
    machineId: process.platform === 'linux' ? readTrimmed('/etc/machine-id') : null,
    bootTimeMs: btime !== null ? btime * 1000 : Date.now() - os.uptime() * 1000,
    ownStart: processStart(process.pid)?.token ?? null,
  };
  return machineFacts;
}

export interface ProcessStart {
  /** Exact and stable for the life of the process: equal means the same process. */
  token: string;
  /** Approximate start in ms since the epoch, to compare with an older lock's `since`. */
  approxMs: number | null;
}

/** What lock judgement needs of Linux's /proc/<pid>/stat: the state (field 3) and starttime (field 22). */
export interface ProcStat {
  /** R running, S sleeping, …, Z zombie (exited, not yet reaped by its parent), X dead. */
  state: string;
  /** Clock ticks (USER_HZ, 100) since boot, as digits. */
  startTicks: string;
}

/** Parses /proc/<pid>/stat, or null when it is not one. */
export function parseProcStat(stat: string): ProcStat | null {
  // The command name may hold spaces and parentheses: fields are counted after its last ')'.
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  const fields = stat.slice(close + 2).split(' ');
  const state = fields[0];
  const startTicks = fields[19];
  if (
    state === undefined ||
    !/^[A-Za-z]$/.test(state) ||
    startTicks === undefined ||
    !/^\d+$/.test(startTicks)
  )
    return null;
  return { state, startTicks };
}

function linuxProcStat(pid: number): ProcStat | null {
  const stat = readTrimmed(`/proc/${pid}/stat`);
  return stat === null ? null : parseProcStat(stat);
}

/**
 * True when process `pid` has exited and only its entry is left for its parent to collect (a
 * zombie, Linux state Z or X): kill(pid, 0) still succeeds, but it holds no file and writes nothing.
 */
export function hasExited(pid: number): boolean {
  if (process.platform !== 'linux') return false;
  const state = linuxProcStat(pid)?.state;
  return state === 'Z' || state === 'X';
}

/** When process `pid` started, or null where that cannot be read (Windows, or it is gone). */
export function processStart(pid: number): ProcessStart | null {
  if (process.platform === 'linux') {
    const ticks = linuxProcStat(pid)?.startTicks;
    if (ticks === undefined) return null;
    const btime = linuxBootSeconds();
    return { token: `linux:${ticks}`, approxMs: btime === null ? null : btime * 1000 + Number(ticks) * 10 };
  }
  if (process.platform === 'win32') return null;
  try {
    const lstart = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], {
      encoding: 'utf8',
      timeout: 2000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (!lstart) return null;
    const ms = Date.parse(lstart);
    return { token: `ps:${lstart}`, approxMs: Number.isFinite(ms) ? ms : null };
  } catch {
    return null;
  }
}

/** Longest command line quoted back to a person; the rest is cut with an ellipsis. */
const COMMAND_SHOWN = 80;

/**
 * The program that runs as process `pid` now, its command line as one line a person can read
 * (control characters shown as ?), or null where it cannot be read (Windows, gone, hidden).
 */
export function commandLine(pid: number): string | null {
  let text: string | null = null;
  if (process.platform === 'linux') {
    try {
      text = fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0+$/, '').replace(/\0/g, ' ');
    } catch {
      return null;
    }
    // A kernel thread has no command line, only a name.
    if (text.trim() === '') text = `[${readTrimmed(`/proc/${pid}/comm`) ?? '?'}]`;
  } else if (process.platform !== 'win32') {
    try {
      text = execFileSync('ps', ['-o', 'command=', '-p', String(pid)], {
        encoding: 'utf8',
        timeout: 2000,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      return null;
    }
  }
  if (text === null) return null;
  // eslint-disable-next-line no-control-regex
  const shown = text.replace(/[\x00-\x1f\x7f-\x9f]/g, '?').trim();
  if (shown === '') return null;
  return shown.length > COMMAND_SHOWN ? `${shown.slice(0, COMMAND_SHOWN - 1)}…` : shown;
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** The record of a new acquisition by this process: the nonce makes its bytes unique (see atomic.ts). */
export function ownRecord(app: string): LockRecord {
  const facts = machine();
  const record: LockRecord = {
    pid: process.pid,
    host: facts.host,
    user: currentUser(),
    app,
    since: new Date().toISOString(),
    nonce: crypto.randomBytes(12).toString('hex'),
  };
  if (facts.bootId) record.boot = facts.bootId;
  if (facts.machineId) record.machine = facts.machineId;
  if (facts.ownStart) record.start = facts.ownStart;
  return record;
}

/** What a lock file's bytes say, or null when they say nothing usable (empty, torn, or not a lock record). */
function parseRecord(content: Buffer): LockRecord | null {
  try {
    const raw = JSON.parse(content.toString('utf8')) as Record<string, unknown>;
    const { pid, host } = raw;
    // A pid of 0 or below would make kill() signal a whole process group.
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || typeof host !== 'string')
      return null;
    const text = (key: string): string | undefined =>
      typeof raw[key] === 'string' ? (raw[key] as string) : undefined;
    return {
      pid,
      host,
      user: text('user') ?? 'unknown',
      app: text('app') ?? 'Transit Ledger',
      since: text('since') ?? 'unknown',
      nonce: text('nonce'),
      boot: text('boot'),
      machine: text('machine'),
      start: text('start'),
    };
  } catch {
    return null;
  }
}

/** The file as it is now, or null when there is none. */
export function inspect(file: string): SeenFile | null {
  return readingFile(file, (fd) => {
    const { mtimeMs, ino } = fs.fstatSync(fd);
    const content = fs.readFileSync(fd);
    return { path: file, content, record: parseRecord(content), mtimeMs, ino };
  });
}

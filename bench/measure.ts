/**
 * Timing helpers: an operation and its raw baseline are sampled alternately (the order flips each
 * sample, so drift and GC land on both sides), fast operations are repeated inside a sample until
 * it lasts long enough for the clock, and the median per-operation time is what counts.
 */

/** An operation to time; a returned promise is awaited inside the timed region. */
export type Task = () => unknown;

export interface Stats {
  /** Median nanoseconds per operation. */
  median: number;
  min: number;
  max: number;
  samples: number;
  /** Operations per sample. */
  iterations: number;
}

let sinkValue = 0;

/** Keeps a result alive so the JIT cannot drop the work that made it. */
export function sink(value: number): void {
  sinkValue = (sinkValue + value) | 0;
}

export function sinkChecksum(): number {
  return sinkValue;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

export function stats(perOp: readonly number[], iterations: number): Stats {
  return {
    median: median(perOp),
    min: Math.min(...perOp),
    max: Math.max(...perOp),
    samples: perOp.length,
    iterations,
  };
}

/** Nanoseconds per operation over `iterations` back-to-back runs. */
export async function timeTask(task: Task, iterations: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const result = task();
    if (result instanceof Promise) await result;
  }
  return Number(process.hrtime.bigint() - start) / iterations;
}

export interface CompareOptions {
  samples: number;
  /** Untimed runs of each side first (JIT, caches, page cache). */
  warmup: number;
  /** A sample repeats the operation until it lasts at least this long (ns); 0 = one run per sample. */
  minSampleNs: number;
  /** Cap on repetitions inside one sample. */
  maxIterations?: number;
  /** Untimed set-up run before every sample (and warm-up run) of the real side, e.g. removing an output file. */
  prepareReal?: () => void;
  /** The same for the baseline side. */
  prepareBaseline?: () => void;
}

async function calibrate(task: Task, minSampleNs: number, maxIterations: number): Promise<number> {
  if (minSampleNs <= 0) return 1;
  let iterations = 1;
  for (;;) {
    const perOp = await timeTask(task, iterations);
    const total = perOp * iterations;
    if (total >= minSampleNs || iterations >= maxIterations) return iterations;
    const wanted = Math.ceil((minSampleNs / Math.max(total, 1)) * iterations * 1.2);
    iterations = Math.min(maxIterations, Math.max(iterations * 2, wanted));
  }
}

/** Samples `real` and `baseline` alternately and returns both medians (ns per operation). */
export async function compare(
  real: Task,
  baseline: Task,
  options: CompareOptions,
): Promise<{ real: Stats; baseline: Stats }> {
  const maxIterations = options.maxIterations ?? 100_000;
  const prepareReal = options.prepareReal ?? (() => undefined);
  const prepareBaseline = options.prepareBaseline ?? (() => undefined);
  for (let i = 0; i < options.warmup; i++) {
    prepareReal();
    await timeTask(real, 1);
    prepareBaseline();
    await timeTask(baseline, 1);
  }
  prepareReal();
  const realIterations = await calibrate(real, options.minSampleNs, maxIterations);
  prepareBaseline();
  const baselineIterations = await calibrate(baseline, options.minSampleNs, maxIterations);
  const realTimes: number[] = [];
  const baselineTimes: number[] = [];
  const sampleReal = async () => {
    prepareReal();
    realTimes.push(await timeTask(real, realIterations));
  };
  const sampleBaseline = async () => {
    prepareBaseline();
    baselineTimes.push(await timeTask(baseline, baselineIterations));
  };
  for (let s = 0; s < options.samples; s++) {
    if (s % 2 === 0) {
      await sampleReal();
      await sampleBaseline();
    } else {
      await sampleBaseline();
      await sampleReal();
    }
  }
  return { real: stats(realTimes, realIterations), baseline: stats(baselineTimes, baselineIterations) };
}

export function formatNs(ns: number): string {
  if (ns < 1_000) return `${ns.toFixed(0)} ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toFixed(ns < 10_000 ? 2 : 1)} µs`;
  if (ns < 1_000_000_000) return `${(ns / 1_000_000).toFixed(ns < 10_000_000 ? 2 : 1)} ms`;
  return `${(ns / 1_000_000_000).toFixed(2)} s`;
}

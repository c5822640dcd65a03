/** A measured duration over several runs, in milliseconds. */
export interface Timing {
  readonly runs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
}

/** The q-quantile by the nearest-rank method: p95 of 20 runs is the 19th fastest, an observed value. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function summarise(samples: readonly number[]): Timing {
  return { runs: samples.length, medianMs: round(quantile(samples, 0.5)), p95Ms: round(quantile(samples, 0.95)) };
}

export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Times `runs` calls after `warmup` untimed ones (prepared statements and JIT settle first). */
export async function timeRuns(runs: number, warmup: number, run: (index: number) => unknown): Promise<number[]> {
  for (let index = 0; index < warmup; index++) await run(index);
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await run(index);
    samples.push(performance.now() - started);
  }
  return samples;
}

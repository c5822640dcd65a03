import { parseArgs } from 'node:util';

// What the store benchmarks (storeBench.ts, encryptedBench.ts) share: their
// command line, the three views they open, and the loop that times two ways
// of doing the same work one for one.

export interface StoreBenchArgs {
  readonly db: string;
  readonly summit: number;
  readonly meeting: number;
  readonly sector: number;
  readonly quick: boolean;
  /** Only the three views, dispatch against raw (a check of one change, in seconds; the store is left as it was). */
  readonly viewsOnly: boolean;
}

/** --db FILE --summit N --meeting N --sector N [--quick] [--views-only] */
export function storeBenchArgs(): StoreBenchArgs {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      summit: { type: 'string' },
      meeting: { type: 'string' },
      sector: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'views-only': { type: 'boolean', default: false },
    },
  });
  return {
    db: values.db ?? '',
    summit: Number(values.summit),
    meeting: Number(values.meeting),
    sector: Number(values.sector),
    quick: values.quick ?? false,
    viewsOnly: values['views-only'] ?? false,
  };
}

export interface Views<T> {
  readonly summitView: T;
  readonly meetingBrief: T;
  readonly sectorView: T;
}

/** Measures the three views a user opens most (the largest summit, a meeting's brief, the busiest sector), one after the other. */
export async function measureViews<T>(
  args: StoreBenchArgs,
  measure: (channel: string, request: { id: number }) => Promise<T>,
): Promise<Views<T>> {
  return {
    summitView: await measure('summit.view', { id: args.summit }),
    meetingBrief: await measure('meeting.brief', { id: args.meeting }),
    sectorView: await measure('sector.view', { id: args.sector }),
  };
}

/**
 * Times `work` on two sides alternately, swapping who goes first each round so
 * neither always finds the other's warm cache; the first `warmup` rounds are
 * not timed. A side whose work is synchronous is timed without an await.
 */
export async function interleaved<Side extends string>(
  sides: readonly [Side, Side],
  rounds: number,
  warmup: number,
  work: (side: Side, round: number) => unknown,
): Promise<Record<Side, number[]>> {
  return (await interleavedWithCpu(sides, rounds, warmup, work)).wall;
}

/**
 * As `interleaved`, with this process's CPU time (user and system) of each
 * call beside its wall-clock time: what the work costs, whatever else the
 * machine runs. The CPU is read outside the wall-clock window and for both
 * sides alike, so reading it (a system call of about a microsecond) weighs on
 * neither side's wall-clock figure.
 */
export async function interleavedWithCpu<Side extends string>(
  sides: readonly [Side, Side],
  rounds: number,
  warmup: number,
  work: (side: Side, round: number) => unknown,
): Promise<{ wall: Record<Side, number[]>; cpu: Record<Side, number[]> }> {
  const wall = { [sides[0]]: [], [sides[1]]: [] } as unknown as Record<Side, number[]>;
  const cpu = { [sides[0]]: [], [sides[1]]: [] } as unknown as Record<Side, number[]>;
  for (let run = -warmup; run < rounds; run++) {
    const order = run % 2 === 0 ? sides : ([sides[1], sides[0]] as const);
    for (const side of order) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const pending = work(side, Math.max(run, 0));
      if (pending instanceof Promise) await pending;
      const ended = performance.now();
      const used = process.cpuUsage(cpuBefore);
      if (run < 0) continue;
      wall[side].push(ended - started);
      cpu[side].push((used.user + used.system) / 1000);
    }
  }
  return { wall, cpu };
}

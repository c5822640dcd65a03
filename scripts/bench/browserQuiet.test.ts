import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { browserQuiet, descendantsActivity, quietFor } from './browserQuiet.ts';

describe('waiting for the browser to finish setting up a tab before the start is timed', () => {
  it('is quiet only once a whole window has passed with little CPU used', () => {
    // A tab's renderer busy for 300 ms (about 40 ms of CPU in each 50 ms), then idle.
    const busy = [0, 50, 100, 150, 200, 250, 300].map((atMs) => ({ atMs, cpuMs: (atMs / 50) * 40, runnable: 1 }));
    expect(quietFor(busy, 100, 5)).toBe(false);
    const idleFor50 = [...busy, { atMs: 350, cpuMs: 241, runnable: 0 }];
    expect(quietFor(idleFor50, 100, 5)).toBe(false);
    const idleFor100 = [...idleFor50, { atMs: 400, cpuMs: 242, runnable: 0 }];
    expect(quietFor(idleFor100, 100, 5)).toBe(true);
    expect(quietFor([{ atMs: 0, cpuMs: 0, runnable: 0 }], 100, 5)).toBe(false);
  });

  it('is not quiet while a thread waits for a core, though it used no CPU meanwhile', () => {
    const starved = [
      { atMs: 0, cpuMs: 100, runnable: 1 },
      { atMs: 150, cpuMs: 100, runnable: 1 },
    ];
    expect(quietFor(starved, 100, 5)).toBe(false);
  });

  it.runIf(process.platform === 'linux')('waits for a process this one started to stop using the CPU', async () => {
    // A child that works for 300 ms of CPU, says so, then waits: the wait must end after it says so.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `process.stdout.write('working\\n');
         const from = process.cpuUsage();
         while (process.cpuUsage(from).user < 300_000) {}
         process.stdout.write('idle\\n');
         setTimeout(() => {}, 60_000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      let said = '';
      await new Promise<void>((resolve) =>
        child.stdout.on('data', (chunk: Buffer) => {
          said += chunk.toString();
          if (said.includes('working')) resolve();
        }),
      );
      const before = descendantsActivity().cpuMs;
      await browserQuiet({ timeoutMs: 30_000 });
      expect(said).toContain('idle');
      expect(descendantsActivity().cpuMs - before).toBeGreaterThan(0);
    } finally {
      child.kill();
    }
  });
});

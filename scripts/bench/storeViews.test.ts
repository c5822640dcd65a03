import { describe, expect, it } from 'vitest';
import { interleaved, interleavedWithCpu } from './storeViews.ts';

describe('two ways of doing the same work, timed one for one', () => {
  it('swaps which side goes first each round and times no warm-up round', async () => {
    const calls: string[] = [];
    const samples = await interleaved(['plain', 'encrypted'], 4, 2, (side, round) => {
      calls.push(`${side}${round}`);
    });
    expect(calls).toEqual([
      'plain0',
      'encrypted0',
      'encrypted0',
      'plain0',
      'plain0',
      'encrypted0',
      'encrypted1',
      'plain1',
      'plain2',
      'encrypted2',
      'encrypted3',
      'plain3',
    ]);
    expect(samples.plain).toHaveLength(4);
    expect(samples.encrypted).toHaveLength(4);
  });

  it('waits for work that returns a promise before it stops the clock', async () => {
    const samples = await interleaved(['dispatch', 'raw'], 1, 0, (side) =>
      side === 'dispatch' ? new Promise<void>((resolve) => setTimeout(resolve, 20)) : undefined,
    );
    expect(samples.dispatch[0]).toBeGreaterThanOrEqual(15);
    expect(samples.raw[0]).toBeLessThan(15);
  });

  it("gives each call's CPU time beside its wall-clock time, on both sides: a side that waits uses little CPU", async () => {
    const { wall, cpu } = await interleavedWithCpu(['dispatch', 'raw'], 2, 1, (side) =>
      side === 'dispatch' ? new Promise<void>((resolve) => setTimeout(resolve, 20)) : undefined,
    );
    expect(cpu.dispatch).toHaveLength(2);
    expect(cpu.raw).toHaveLength(2);
    for (const [index, waited] of wall.dispatch.entries()) expect(cpu.dispatch[index]).toBeLessThan(waited / 2);
  });
});

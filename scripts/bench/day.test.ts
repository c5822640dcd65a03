import { describe, expect, it } from 'vitest';
import { type DayResults, dayBudgets, dayRow } from './day.ts';

const sample = (heapMb: number, storeRssMb: number) => ({ heapMb, domNodes: 3108, listeners: 231, storeRssMb });
const day = (endHeapMb: number, endRssMb: number): DayResults => ({
  walks: 500,
  viewsPerWalk: 12,
  walk: { runs: 500, medianMs: 3000, p95Ms: 4000 },
  start: sample(10, 180),
  end: sample(endHeapMb, endRssMb),
  alongTheDay: [{ walk: 500, ...sample(endHeapMb, endRssMb) }],
  heapRatio: endHeapMb / 10,
  storeRssRatio: endRssMb / 180,
});

describe('memory over a day', () => {
  it('passes a heap back within 10% and a store within 20% of the start, and misses beyond', () => {
    const result = (budgets: ReturnType<typeof dayBudgets>, key: string) => budgets.find((budget) => budget.key === key)?.result;
    expect(result(dayBudgets(day(10.9, 210)), 'day.heapRatio')).toBe('pass');
    expect(result(dayBudgets(day(10.9, 210)), 'day.storeRssRatio')).toBe('pass');
    expect(result(dayBudgets(day(11.2, 220)), 'day.heapRatio')).toBe('miss');
    expect(result(dayBudgets(day(11.2, 220)), 'day.storeRssRatio')).toBe('miss');
  });

  it('says why when the walk could not run, in the budgets and in the table', () => {
    expect(dayBudgets({ notMeasured: 'no Chromium' })).toEqual([
      expect.objectContaining({ key: 'day.heapRatio', result: 'not measured', note: 'no Chromium' }),
      expect.objectContaining({ key: 'day.storeRssRatio', result: 'not measured', note: 'no Chromium' }),
    ]);
    expect(dayRow({ notMeasured: 'no Chromium' })[1]).toBe('not measured: no Chromium');
    expect(dayRow(day(10.5, 190))[1]).toContain('JS heap after GC 10 → 10.5 MB');
  });
});

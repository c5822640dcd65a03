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
  heapAtStart: {
    objectsMb: 5,
    compiledCodeMb: 3,
    code: {
      functions: 5619,
      appMachineCodeMb: 1.3,
      driverMachineCodeMb: 0.2,
      regexpCodeMb: 0.06,
      functionsWithMachineCode: 978,
      mostMachineCodePerFunction: 2,
    },
  },
  heapAtEnd: {
    objectsMb: 5.1,
    compiledCodeMb: 5,
    code: {
      functions: 5619,
      appMachineCodeMb: 2.9,
      driverMachineCodeMb: 0.3,
      regexpCodeMb: 0.06,
      functionsWithMachineCode: 1346,
      mostMachineCodePerFunction: 2,
    },
  },
  objectsRatio: 1.02,
  heapUnderPressure: { startMb: 9.9, endMb: endHeapMb },
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
      expect.objectContaining({ key: 'day.objectsRatio', result: 'not measured', note: 'no Chromium' }),
      expect.objectContaining({ key: 'day.storeRssRatio', result: 'not measured', note: 'no Chromium' }),
    ]);
    expect(dayRow({ notMeasured: 'no Chromium' })[1]).toBe('not measured: no Chromium');
    expect(dayRow(day(10.5, 190))[1]).toContain('JS heap after GC 10 → 10.5 MB');
    expect(dayRow(day(10.5, 190))[1]).toContain("page's objects 5 → 5.1 MB (×1.02)");
    // Whether the code grew because the app made functions at run time, or the engine optimised more of the same ones.
    expect(dayRow(day(10.5, 190))[1]).toContain("machine code of the app's bundle 1.3 → 2.9 MB");
    expect(dayRow(day(10.5, 190))[1]).toContain('functions 5619 → 5619, of them with machine code 978 → 1346, at most 2 pieces each');
    // Whether the browser would give that code back when memory runs short, beside the forced collection's figure.
    expect(dayRow(day(10.5, 190))[1]).toContain('JS heap under critical memory pressure 9.9 → 10.5 MB');
  });
});

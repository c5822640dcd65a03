import { describe, expect, it } from 'vitest';
import { type DayResults, dayBudgets, dayRow, warmUpSettled } from './day.ts';

const sample = (heapMb: number, storeRssMb: number) => ({ heapMb, domNodes: 3108, listeners: 231, storeRssMb });
const day = (endHeapMb: number, endRssMb: number, warmHeapMb = 10.2): DayResults => ({
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
  afterWarmUp: {
    walk: 40,
    settled: true,
    start: sample(warmHeapMb, 182),
    heap: {
      objectsMb: 5.05,
      compiledCodeMb: 4.6,
      code: {
        functions: 5619,
        appMachineCodeMb: 2.5,
        driverMachineCodeMb: 0.2,
        regexpCodeMb: 0.06,
        functionsWithMachineCode: 1200,
        mostMachineCodePerFunction: 2,
      },
    },
    heapRatio: endHeapMb / warmHeapMb,
    objectsRatio: 5.1 / 5.05,
    checks: [
      { walk: 0, compiledCodeMb: 3 },
      { walk: 10, compiledCodeMb: 4.2 },
      { walk: 20, compiledCodeMb: 4.5 },
      { walk: 30, compiledCodeMb: 4.55 },
      { walk: 40, compiledCodeMb: 4.6 },
    ],
  },
});

describe('memory over a day', () => {
  it('passes a heap back within 10% and a store within 20% of the start, and misses beyond', () => {
    const result = (budgets: ReturnType<typeof dayBudgets>, key: string) => budgets.find((budget) => budget.key === key)?.result;
    expect(result(dayBudgets(day(10.9, 210)), 'day.heapRatioAfterWarmUp')).toBe('pass');
    expect(result(dayBudgets(day(10.9, 210)), 'day.storeRssRatio')).toBe('pass');
    expect(result(dayBudgets(day(11.4, 220)), 'day.heapRatioAfterWarmUp')).toBe('miss');
    expect(result(dayBudgets(day(11.4, 220)), 'day.storeRssRatio')).toBe('miss');
  });

  it('judges the heap from the warmed-up walk, and prints the cold figure beside it as information', () => {
    const budgets = dayBudgets(day(11.2, 200, 10.5));
    expect(budgets.find((budget) => budget.key === 'day.heapRatio')).toMatchObject({ result: 'information', limit: 1.1 });
    expect(budgets.find((budget) => budget.key === 'day.heapRatio')?.value).toBeCloseTo(1.12);
    expect(budgets.find((budget) => budget.key === 'day.heapRatioAfterWarmUp')?.result).toBe('pass');
    expect(dayRow(day(11.2, 200, 10.5))[1]).toContain('JS heap after GC 10 → 11.2 MB');
    expect(dayRow(day(11.2, 200, 10.5))[1]).toContain('settled by walk 40');
    expect(dayRow(day(11.2, 200, 10.5))[1]).toContain('JS heap after GC 10.5 → 11.2 MB');
  });

  it('counts the warm-up as over only once the compiled code grew by less than 2% over 30 walks', () => {
    const checks = (...codeMb: number[]) => codeMb.map((compiledCodeMb, index) => ({ walk: index * 10, compiledCodeMb }));
    // Still climbing as more functions are optimised.
    expect(warmUpSettled(checks(3, 4, 4.4, 4.6))).toBe(false);
    // Less than 30 walks seen: too soon to say.
    expect(warmUpSettled(checks(3, 3, 3))).toBe(false);
    expect(warmUpSettled(checks(3, 4, 4.4, 4.6, 4.65, 4.68, 4.69))).toBe(true);
  });

  it('says why when the walk could not run, in the budgets and in the table', () => {
    expect(dayBudgets({ notMeasured: 'no Chromium' })).toEqual([
      expect.objectContaining({ key: 'day.heapRatio', result: 'not measured', note: 'no Chromium' }),
      expect.objectContaining({ key: 'day.heapRatioAfterWarmUp', result: 'not measured', note: 'no Chromium' }),
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

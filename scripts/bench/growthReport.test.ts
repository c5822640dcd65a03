import { describe, expect, it } from 'vitest';
import {
  checkGrowthBudgets,
  type GrowthBenchResults,
  type GrowthPoint,
  type GrowthResults,
  growthFigure,
  growthSlope,
  renderGrowthTable,
  steepest,
} from './growthReport.ts';

const sizes = [10_000, 100_000, 1_000_000];
const points = (values: readonly number[], sizeList = sizes): GrowthPoint[] =>
  values.map((value, index) => ({ size: sizeList[index] ?? 0, value, loadAverage: 2 + index }));

describe('growth slope', () => {
  it('is 1 for work proportional to the size, 0 for none, 0.5 for a square root', () => {
    expect(growthSlope({ size: 10_000, value: 2 }, { size: 100_000, value: 20 })).toBeCloseTo(1, 10);
    expect(growthSlope({ size: 10_000, value: 2 }, { size: 100_000, value: 2 })).toBe(0);
    expect(growthSlope({ size: 100, value: 3 }, { size: 10_000, value: 30 })).toBeCloseTo(0.5, 10);
  });

  it('measures a step that is not tenfold per the size ratio: 200 → 800 pages in 4× the time is linear', () => {
    expect(growthSlope({ size: 200, value: 5_000 }, { size: 800, value: 20_000 })).toBeCloseTo(1, 10);
    expect(growthSlope({ size: 200, value: 5_000 }, { size: 800, value: 40_000 })).toBeCloseTo(1.5, 10);
  });

  it("reproduces the issue's search figures: 3.43 → 31.1 ms over a decade is a slope of 0.96", () => {
    expect(growthSlope({ size: 100_000, value: 3.43 }, { size: 1_000_000, value: 31.1 })).toBeCloseTo(0.957, 3);
  });

  it('has no slope where a value is missing or zero, rather than an infinite one', () => {
    expect(growthSlope({ size: 10, value: 0 }, { size: 100, value: 1 })).toBeNaN();
    expect(growthSlope({ size: 10, value: 1 }, { size: 10, value: 2 })).toBeNaN();
  });

  it('gives each step between neighbouring sizes, whatever order the points came in', () => {
    const figure = growthFigure('search p95', 'ms', 'annotations', [...points([1.75, 3.43, 31.1])].reverse());
    expect(figure.points.map((point) => point.size)).toEqual(sizes);
    expect(figure.steps).toEqual([
      { from: 10_000, to: 100_000, slope: 0.29 },
      { from: 100_000, to: 1_000_000, slope: 0.96 },
    ]);
    expect(steepest(figure)).toBe(0.96);
  });
});

const growth = (search: readonly number[], brief: readonly number[], rss: readonly number[], pack: readonly number[]): GrowthResults => ({
  seed: 1,
  stores: sizes.map((annotations) => ({
    annotations,
    counts: { notes: annotations },
    fileMb: annotations / 250,
    generateSeconds: 1,
    loadAverageWhileGenerating: 3,
    reused: true,
    upgradeMs: 0,
  })),
  figures: {
    'views.summitView.cpuMedianMs': growthFigure('summit view', 'ms', 'annotations', points([2, 2.2, 2.5])),
    'views.meetingBrief.cpuMedianMs': growthFigure('meeting brief', 'ms', 'annotations', points(brief)),
    'views.sectorView.cpuMedianMs': growthFigure('sector view', 'ms', 'annotations', points([1, 1, 1])),
    'search.cpuP95Ms': growthFigure('search p95', 'ms', 'annotations', points(search)),
    peakRssMb: growthFigure('peak RSS', 'MB', 'annotations', points(rss)),
    'pack.exportMs': growthFigure('pack export', 'ms', 'pages', points(pack, [52, 202, 806])),
  },
});

describe('growth budgets', () => {
  it("miss the issue's measured store: search and the brief grow about tenfold above 100,000", () => {
    const budgets = checkGrowthBudgets(growth([1.75, 3.43, 31.1], [0.09, 0.26, 2.44], [90, 150, 225], [1_700, 6_500, 26_000]));
    const result = (key: string) => budgets.find((budget) => budget.key === key);
    expect(result('growth.search.cpuP95Ms.slope')).toMatchObject({ value: 0.96, limit: 0.2, result: 'miss' });
    expect(result('growth.views.meetingBrief.cpuMedianMs.slope')).toMatchObject({ value: 0.97, result: 'miss' });
    expect(result('growth.views.summitView.cpuMedianMs.slope')).toMatchObject({ result: 'pass' });
    expect(result('growth.views.sectorView.cpuMedianMs.slope')).toMatchObject({ value: 0, result: 'pass' });
    expect(result('growth.pack.exportMs.slope')?.result).toBe('pass');
    expect(result('growth.peakRssMb.atLargest')).toMatchObject({ value: 225, limit: 300, result: 'pass' });
  });

  it('pass a store where views and search grow at most ×1.58 a decade, and miss a pack that grows faster than its pages', () => {
    const budgets = checkGrowthBudgets(growth([1.5, 2, 2.6], [0.2, 0.21, 0.22], [90, 150, 320], [1_700, 6_500, 40_000]));
    const result = (key: string) => budgets.find((budget) => budget.key === key)?.result;
    expect(result('growth.search.cpuP95Ms.slope')).toBe('pass');
    expect(result('growth.views.meetingBrief.cpuMedianMs.slope')).toBe('pass');
    expect(result('growth.pack.exportMs.slope')).toBe('miss');
    expect(result('growth.peakRssMb.atLargest')).toBe('miss');
  });

  it("miss a pack that took more than a quarter over one Chromium print at any size (the 808-page pack's ×1.98)", () => {
    const results = growth([1, 1, 1], [1, 1, 1], [1, 1, 1], [1_220, 4_900, 22_100]);
    const withRatios = (ratios: number[]) =>
      checkGrowthBudgets({
        ...results,
        figures: { ...results.figures, 'pack.ratio': growthFigure('export / print', '×', 'pages', points(ratios, [50, 202, 808])) },
      }).find((budget) => budget.key === 'growth.pack.ratio.largest');
    expect(withRatios([1.25, 1.16, 1.98])).toMatchObject({ value: 1.98, limit: 1.25, result: 'miss' });
    expect(withRatios([1.12, 1.08, 1.1])).toMatchObject({ value: 1.12, result: 'pass' });
    expect(checkGrowthBudgets(results).find((budget) => budget.key === 'growth.pack.ratio.largest')?.result).toBe('not measured');
  });

  it('say a figure was not measured (packs without Chromium) instead of passing it', () => {
    const results = growth([1, 1, 1], [1, 1, 1], [1, 1, 1], []);
    const budgets = checkGrowthBudgets({ ...results, figures: { ...results.figures, 'pack.exportMs': undefined as never } });
    expect(budgets.find((budget) => budget.key === 'growth.pack.exportMs.slope')).toMatchObject({ result: 'not measured', value: null });
  });
});

describe('growth table', () => {
  it('prints each figure at each size with its load, the slope of each step, and every budget', () => {
    const figures = growth([1.75, 3.43, 31.1], [0.09, 0.26, 2.44], [90, 150, 225], [1_700, 6_500, 26_000]);
    const results: GrowthBenchResults = {
      schema: 1,
      mode: 'growth',
      startedAt: '2026-12-01T19:00:00.000Z',
      machine: { cpus: 2, loadAverageAtStart: 3.1, loadAverageAtEnd: 4.2 },
      growth: figures,
      budgets: checkGrowthBudgets(figures),
    };
    const table = renderGrowthTable(results);
    expect(table).toContain(
      '| Figure (annotations and notes) | 10,000 | 100,000 | 1,000,000 | slope 10,000 → 100,000 | slope 100,000 → 1,000,000 |',
    );
    expect(table).toContain('| search p95 | 1.75 ms (load 2.0) | 3.43 ms (load 3.0) | 31.1 ms (load 4.0) | 0.29 | 0.96 |');
    expect(table).toContain('| Figure (pages) | 52 | 202 | 806 |');
    expect(table).toMatch(/\| growth of search p95: steepest slope \| 0\.96 per decade \| ≤ 0\.2 per decade \| miss \|/);
    expect(table).toContain('load average 3.1 at start, 4.2 at end');
  });
});

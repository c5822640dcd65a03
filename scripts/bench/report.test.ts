import { describe, expect, it } from 'vitest';
import { checkBudgets } from './report.ts';
import type { StoreResults } from './storeBench.ts';

const timing = (medianMs: number) => ({ runs: 10, medianMs, p95Ms: medianMs * 2 });
const view = (dispatch: number, raw: number) => ({ dispatch: timing(dispatch), raw: timing(raw), ratio: dispatch / raw, statements: 3 });
const store: StoreResults = {
  openAndMigrate: timing(1),
  views: { summitView: view(4, 3.5), meetingBrief: view(0.5, 0.45), sectorView: view(3, 2) },
  search: { ...timing(2), p50Ms: 2, perQuery: {} },
  noteSaves: {
    saves: 100,
    savesPerSecond: 90,
    bareCommitsPerSecond: 100,
    ratio: 0.9,
    blockRatios: [0.9],
    save: timing(5),
    bareCommit: timing(4.5),
  },
  peakRssMb: 120,
};

describe('budget checks', () => {
  it('pass within a limit and miss beyond it, in either direction', () => {
    const budgets = checkBudgets(
      store,
      { notMeasured: 'export not available' },
      { files: 1, rawKb: 400, gzipKb: 120 },
      { notMeasured: 'x' },
    );
    const result = (key: string) => budgets.find((budget) => budget.key === key)?.result;
    expect(result('views.summitView.ratio')).toBe('pass');
    expect(result('views.sectorView.ratio')).toBe('miss');
    expect(result('noteSaves.ratio')).toBe('pass');
    expect(result('bundle.gzipKb')).toBe('pass');
  });

  it('say why a part was not measured instead of passing or missing it', () => {
    const budgets = checkBudgets(
      store,
      { notMeasured: 'export not available' },
      { files: 1, rawKb: 400, gzipKb: 120 },
      { notMeasured: 'no Chromium' },
    );
    expect(budgets.find((budget) => budget.key === 'pdf.ratio')).toMatchObject({
      result: 'not measured',
      note: 'export not available',
      value: null,
    });
    expect(budgets.find((budget) => budget.key === 'web.summitFirstPaint.medianMs')).toMatchObject({
      result: 'not measured',
      note: 'no Chromium',
    });
  });
});

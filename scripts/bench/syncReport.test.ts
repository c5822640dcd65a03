import { describe, expect, it } from 'vitest';
import { type SyncResults, syncBudgets, syncRows } from './syncReport.ts';

const figures: SyncResults = {
  sharedSummits: 1,
  recordsOnDeskA: 21_928,
  recordsOnDeskB: 16_366,
  databases: 2,
  pushWholeStoreSeconds: 11.2,
  firstReplicationToEmptyDeskSeconds: 17.6,
  longestSaveWaitMs: 31,
  oneEditVisibleOnBMs: 1_295,
  bundleExportSeconds: 0.97,
  bundleMegabytes: 2.2,
  bundleRecords: 21_928,
  bundleImportToEmptyDeskSeconds: 8.75,
};

describe('desk replication budgets', () => {
  it('pass a first replication under a minute and miss an edit that takes over a second to arrive', () => {
    const result = (key: string) => syncBudgets(figures).find((budget) => budget.key === key)?.result;
    expect(result('sync.firstReplicationToEmptyDeskSeconds')).toBe('pass');
    expect(result('sync.oneEditVisibleOnBMs')).toBe('miss');
  });

  it('say why replication was not measured, in the budgets and the table', () => {
    const why = { notMeasured: 'scripts/bench/sync.ts failed: the edit reaching desk B did not finish in 60 s' };
    expect(syncBudgets(why).map((budget) => [budget.result, budget.note])).toEqual([
      ['not measured', why.notMeasured],
      ['not measured', why.notMeasured],
    ]);
    expect(syncRows(why)).toEqual([['desks: replication and bundles', `not measured: ${why.notMeasured}`]]);
    expect(
      syncRows(figures)
        .map(([, figure]) => figure)
        .join(' '),
    ).toContain('16366 in 17.6 s');
  });
});

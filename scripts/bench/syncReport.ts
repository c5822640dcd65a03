import { type BudgetCheck, check, type Measured } from './report.ts';

// The desk replication figures (scripts/bench/sync.ts) in the benchmark's
// table and budgets, apart from the script so the report loads no PouchDB.

export interface SyncResults {
  /** Summits desk A shares: every one (`--share one`: the largest). */
  readonly sharedSummits: number;
  /** Records on desk A, and on the empty desk B once it has replicated (the reference data and the shared summits'). */
  readonly recordsOnDeskA: number;
  readonly recordsOnDeskB: number;
  /** Server databases: the reference one and one per shared summit. */
  readonly databases: number;
  /** Desk A's first round: the whole store pushed to an empty server. */
  readonly pushWholeStoreSeconds: number;
  /** Desk B, empty, pulls everything desk A shares. */
  readonly firstReplicationToEmptyDeskSeconds: number;
  /** The longest a note save on desk B waited (for the merge to let the thread go, and the save itself) during that pull. */
  readonly longestSaveWaitMs: number;
  /** From a save on desk A to the record changed in desk B's store, through the server and B's changes feed. */
  readonly oneEditVisibleOnBMs: number;
  readonly bundleExportSeconds: number;
  readonly bundleMegabytes: number;
  readonly bundleRecords: number;
  readonly bundleImportToEmptyDeskSeconds: number;
}

export function syncBudgets(sync: Measured<SyncResults>): BudgetCheck[] {
  const results = 'notMeasured' in sync ? null : sync;
  const why = 'notMeasured' in sync ? sync.notMeasured : undefined;
  return [
    check(
      'sync.firstReplicationToEmptyDeskSeconds',
      'desks: first replication of the store to an empty desk',
      results?.firstReplicationToEmptyDeskSeconds ?? null,
      60,
      's',
      'max',
      why,
    ),
    check(
      'sync.oneEditVisibleOnBMs',
      'desks: one edit on desk A visible on desk B',
      results?.oneEditVisibleOnBMs ?? null,
      1000,
      'ms',
      'max',
      why,
    ),
  ];
}

export function syncRows(sync: Measured<SyncResults>): [string, string][] {
  if ('notMeasured' in sync) return [['desks: replication and bundles', `not measured: ${sync.notMeasured}`]];
  return [
    [
      `desks: replication through a server (reference database + ${sync.sharedSummits} shared summit${sync.sharedSummits === 1 ? '' : 's'})`,
      `desk A pushes ${sync.recordsOnDeskA} records in ${sync.pushWholeStoreSeconds} s; empty desk B pulls ${sync.recordsOnDeskB} in ${sync.firstReplicationToEmptyDeskSeconds} s (a note save there waited at most ${sync.longestSaveWaitMs} ms); one edit A → B ${sync.oneEditVisibleOnBMs} ms`,
    ],
    [
      'desks: bundle of the whole store',
      `${sync.bundleRecords} records, ${sync.bundleMegabytes} MB: export ${sync.bundleExportSeconds} s, import into an empty desk ${sync.bundleImportToEmptyDeskSeconds} s`,
    ],
  ];
}

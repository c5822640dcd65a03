import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.ts';
import { conflictOf } from '../../../db/sync/conflicts.ts';
import { allRecordIds, historiesOf } from '../../../db/sync/history.ts';
import { applyMerge } from '../../../db/sync/merge.ts';
import { storeSnapshot } from '../../../db/sync/testing.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import type { ConflictSummary } from '../../../shared/conflicts.ts';
import type { Result } from '../../../shared/contract.ts';
import { createDispatch, type Dispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';

// A colleague raised a meeting to NATO SECRET while this desk retitled it at
// NATO RESTRICTED; this desk's version is shown (two edits outrank one). The
// conflicts screen asks before a keep, take or dismiss lowers the record on
// every desk; a page that skips the screen (any caller of the loopback RPC)
// must be refused by the store itself, nothing changed, naming both markings.

let folder: string;
let db: Db;
let dispatch: Dispatch;
let summary: ConflictSummary;
let other: string;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-lowering-'));
  db = openScratchDatabase(path.join(folder, 'sherpa.sqlite'));
  db.exec(`INSERT INTO meeting (id, title, format, starts_at, time_zone, classification)
    VALUES (1, 'Bilateral', 'bilateral', '2023-07-11T08:00:00Z', 'Europe/Vilnius', 'NATO UNCLASSIFIED')`);
  const colleague = openScratchDatabase();
  applyMerge(colleague, historiesOf(db, allRecordIds(db)));
  db.exec(`UPDATE meeting SET classification = 'NATO RESTRICTED' WHERE id = 1`);
  db.exec(`UPDATE meeting SET title = 'Title on this desk' WHERE id = 1`);
  colleague.exec(`UPDATE meeting SET classification = 'NATO SECRET' WHERE id = 1`);
  applyMerge(db, historiesOf(colleague, allRecordIds(colleague)));
  colleague.close();
  dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date('2026-12-01T10:00:00Z') }), onChange: () => {} });
  const listed = db.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'meeting' AND row_key = '1'`).pluck().get() as string;
  const conflict = conflictOf(db, listed);
  if (!conflict?.losers[0]) throw new Error('the two desks’ edits made no conflict');
  summary = { id: listed, winnerRev: conflict.winner.rev } as ConflictSummary;
  other = conflict.losers[0].rev;
});
afterEach(() => {
  db.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const meeting = () => db.prepare('SELECT title, classification FROM meeting WHERE id = 1').get();
const refusalOf = (result: Result<unknown>) => {
  if (result.ok) throw new Error('was accepted');
  const { code, field, reason, params, names } = result.error;
  return { code, field, reason, params, names };
};
const lowering = {
  code: 'invalid_request',
  field: 'lowersMarkingTo',
  reason: 'lowers_marking',
  params: { higher: 'NATO SECRET', lower: 'NATO RESTRICTED' },
  names: ['NATO SECRET', 'NATO RESTRICTED'],
};

describe('conflict.resolve sent directly, without the screen’s question', () => {
  it('refuses a keep, a take or a dismiss that lowers the marking, naming both, and changes nothing', async () => {
    expect(meeting()).toEqual({ title: 'Title on this desk', classification: 'NATO RESTRICTED' });
    const before = storeSnapshot(db);
    const target = { id: summary.id, winnerRev: summary.winnerRev };
    expect(refusalOf(await dispatch('conflict.resolve', { ...target, action: 'keep' }))).toEqual(lowering);
    // Dismissing the NATO SECRET version leaves only the NATO RESTRICTED one.
    expect(refusalOf(await dispatch('conflict.resolve', { ...target, action: 'dismiss', rev: other }))).toEqual(lowering);
    // Naming another marking than the one it lowers to is no confirmation.
    expect(refusalOf(await dispatch('conflict.resolve', { ...target, action: 'keep', lowersMarkingTo: 'NATO UNCLASSIFIED' }))).toEqual(
      lowering,
    );
    expect(storeSnapshot(db)).toEqual(before);
    expect(conflictOf(db, summary.id)?.losers.map((loser) => loser.body?.classification)).toEqual(['NATO SECRET']);
  });

  it('lowers it when the request names the lower marking', async () => {
    const result = await dispatch('conflict.resolve', {
      id: summary.id,
      winnerRev: summary.winnerRev,
      action: 'keep',
      lowersMarkingTo: 'NATO RESTRICTED',
    });
    expect(result.ok).toBe(true);
    expect(meeting()).toEqual({ title: 'Title on this desk', classification: 'NATO RESTRICTED' });
    expect(conflictOf(db, summary.id)?.losers).toEqual([]);
  });

  it('takes the higher-marked version without being asked', async () => {
    const result = await dispatch('conflict.resolve', { id: summary.id, winnerRev: summary.winnerRev, action: 'take', rev: other });
    expect(result.ok).toBe(true);
    expect(meeting()).toMatchObject({ classification: 'NATO SECRET' });
  });

  it('refuses a merge that picks the lower marking, by version or as text, naming both, and changes nothing', async () => {
    const before = storeSnapshot(db);
    const target = { id: summary.id, winnerRev: summary.winnerRev, action: 'merge' as const };
    // The shown version's title and its NATO RESTRICTED marking, over the colleague's NATO SECRET.
    expect(
      refusalOf(
        await dispatch('conflict.resolve', { ...target, choices: { title: summary.winnerRev, classification: summary.winnerRev } }),
      ),
    ).toEqual(lowering);
    expect(
      refusalOf(await dispatch('conflict.resolve', { ...target, choices: { title: other }, texts: { classification: 'NATO RESTRICTED' } })),
    ).toEqual(lowering);
    expect(
      refusalOf(
        await dispatch('conflict.resolve', {
          ...target,
          choices: { classification: summary.winnerRev },
          lowersMarkingTo: 'NATO UNCLASSIFIED',
        }),
      ),
    ).toEqual(lowering);
    expect(storeSnapshot(db)).toEqual(before);
  });

  it('merges at the lower marking when the request names it, and at the highest unasked', async () => {
    const target = { id: summary.id, winnerRev: summary.winnerRev, action: 'merge' as const };
    const merged = await dispatch('conflict.resolve', {
      ...target,
      choices: { classification: summary.winnerRev },
      lowersMarkingTo: 'NATO RESTRICTED',
    });
    expect(merged.ok).toBe(true);
    expect(meeting()).toEqual({ title: 'Title on this desk', classification: 'NATO RESTRICTED' });
  });

  it('merges without asking when the marking is left to the merge: the highest of all versions', async () => {
    const merged = await dispatch('conflict.resolve', {
      id: summary.id,
      winnerRev: summary.winnerRev,
      action: 'merge',
      choices: { title: summary.winnerRev },
    });
    expect(merged.ok).toBe(true);
    expect(meeting()).toEqual({ title: 'Title on this desk', classification: 'NATO SECRET' });
  });
});

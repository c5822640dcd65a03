import { describe, expect, it } from 'vitest';
import type { RecordHistory, RevisionRecord } from '../../shared/sync.ts';
import { mergeThroughTree, newSingleBranch } from './merge.ts';

// A first pull merges nearly every record as new and one branch, without PouchDB's tree merge: for every history a
// desk can receive, that shortcut must answer exactly what the tree merge answers (winner, conflicts, deletion, what
// is written), and must not answer for a record with conflicts, nor for one this desk already holds.

/** A small seeded generator, so a failing history is the same on the next run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return (below: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state >>> 8) % below;
  };
}

function randomHistory(random: (below: number) => number, index: number): RecordHistory {
  const hash = () => Array.from({ length: 32 }, () => '0123456789abcdef'[random(16)]).join('');
  const revisions: RevisionRecord[] = [];
  // A trunk (its first revisions perhaps stemmed away by the sender), then 1–3 branches from points along it.
  const from = 1 + random(3);
  const trunk: RevisionRecord[] = [];
  for (let pos = from; pos < from + 1 + random(4); pos += 1)
    trunk.push({ rev: `${pos}-${hash()}`, parent: trunk.at(-1)?.rev ?? null, deleted: false, body: null });
  revisions.push(...trunk);
  const branches = random(4) === 0 ? 2 + random(2) : 1;
  for (let branch = 0; branch < branches; branch += 1) {
    let parent = branch === 0 ? (trunk.at(-1) as RevisionRecord) : (trunk[random(trunk.length)] as RevisionRecord);
    for (let length = branch === 0 ? random(2) : 1 + random(3); length > 0; length -= 1) {
      const next: RevisionRecord = {
        rev: `${Number.parseInt(parent.rev, 10) + 1}-${hash()}`,
        parent: parent.rev,
        deleted: false,
        body: null,
      };
      revisions.push(next);
      parent = next;
    }
  }
  // Each leaf with its text, or a deletion; the order a sender lists them in is its own.
  const parents = new Set(revisions.map((revision) => revision.parent));
  for (const revision of revisions)
    if (!parents.has(revision.rev)) {
      revision.deleted = random(4) === 0;
      revision.body = revision.deleted ? null : { title: `Ask ${index}`, body: `Point ${revision.rev}` };
      revision.author = { desk: 'Desk A', fingerprint: 'ab'.repeat(16), at: '2026-12-05T10:00:00.000Z' };
    }
  const order = revisions.map((revision) => ({ revision, key: random(1000) })).sort((a, b) => a.key - b.key);
  return { id: `note:${hash()}`, entity: 'note', revisions: order.map(({ revision }) => revision) };
}

const leavesOf = (history: RecordHistory) => {
  const parents = new Set(history.revisions.map((revision) => revision.parent));
  return history.revisions.filter((revision) => !parents.has(revision.rev));
};

describe("a new record's merge without the revision tree", () => {
  it('answers as the tree merge does for every one-branch record new here, and leaves conflicts and held records to it', () => {
    const random = seeded(20261205);
    let oneBranch = 0;
    let branched = 0;
    for (let index = 0; index < 2000; index += 1) {
      const history = randomHistory(random, index);
      const reference = mergeThroughTree([], history);
      const shortcut = newSingleBranch([], history);
      if (leavesOf(history).length === 1) {
        oneBranch += 1;
        expect(shortcut).toEqual(reference);
      } else {
        branched += 1;
        expect(shortcut).toBeUndefined();
        // The tree merge keeps every live leaf but the winner as a conflict.
        expect(reference.conflicts.length).toBe(leavesOf(history).filter((leaf) => !leaf.deleted).length - (reference.deleted ? 0 : 1));
      }
      // A record held here is merged against what is held, always through the tree.
      const held = history.revisions.slice(0, 1).map((revision) => ({ ...revision, body: null, deleted: false }));
      expect(newSingleBranch(held, history)).toBeUndefined();
    }
    // Both kinds were drawn, plenty of each.
    expect(oneBranch).toBeGreaterThan(1000);
    expect(branched).toBeGreaterThan(200);
  });
});

import { crashRun } from '../scripts/crashRun.ts';
import { test } from './fixtures.ts';
import { expect } from './views.helpers.ts';

// The store's process is killed with SIGKILL while a scripted user types; see
// scripts/crashRun.ts. `npm run test:crash -- --runs 100` runs it as often as asked.
for (let run = 1; run <= 5; run++) {
  test(`crash run ${run}: SIGKILL while typing loses no text and leaves an intact store`, async ({ browser, target }) => {
    test.skip(target !== 'web', 'The crash test kills the web harness; the store code is the same on both targets.');
    test.setTimeout(180_000);
    const result = await crashRun({ browser });
    expect(result.problems).toEqual([]);
    expect(result.integrity).toBe('ok');
    expect(result.acknowledgedMissing).toBe(0);
    expect(result.lost).toBe(0);
    expect(result.acknowledged + result.storedUnacknowledged + result.recoveredFromJournal).toBe(result.typed);
  });
}

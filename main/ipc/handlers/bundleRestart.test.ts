import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.ts';
import { storeSnapshot } from '../../../db/sync/testing.ts';
import type { BundleExportResult, BundleNotImported, DeskCard } from '../../../shared/bundles.ts';
import { bundlePartBytes } from '../../../shared/bundles.ts';
import type { Channel } from '../../../shared/contract.ts';
import type { Summit } from '../../../shared/domain.ts';
import { openStore } from '../../store.ts';
import { tempDataDir } from '../../storeFaults.helpers.ts';
import { createDispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';

// A bundle opened for review and not imported when Sherpa closed does not
// vanish without a word: Sherpa keeps no bundle it has not imported (nothing
// unaccepted rests in the store), so after a restart the Exchange screen names
// the bundle and asks for its file again; importing or cancelling ends that.

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

type Ok = <T>(channel: Channel, request: unknown) => Promise<T>;

/** The store's channels as a freshly started Sherpa answers them: nothing kept in memory from before. */
function started(db: Db, exportsDir: string): Ok {
  const dispatch = createDispatch({
    db,
    handlers: createHandlers({ db, clock: () => new Date('2026-12-01T10:00:00Z'), exchange: { exportsDir } }),
  });
  return async <T>(channel: Channel, request: unknown) => {
    const result = await dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
}

function desk() {
  const dataDir = tempDataDir();
  folders.push(dataDir);
  const { db } = openStore(dataDir);
  const exportsDir = path.join(dataDir, 'exports');
  return { db, exportsDir, ok: started(db, exportsDir) };
}

async function bundleFromA(b: ReturnType<typeof desk>): Promise<Buffer> {
  const a = desk();
  const summit = await a.ok<Summit>('summit.create', {
    title: 'Washington Summit',
    city: 'Washington',
    countryId: null,
    startDate: '2024-07-09',
    endDate: '2024-07-11',
    timeZone: 'America/New_York',
    description: 'NATO at 75',
    sourceId: null,
    classification: 'NATO RESTRICTED',
  });
  await a.ok<DeskCard>('desk.card', {});
  const cardB = await b.ok<DeskCard>('desk.card', {});
  await a.ok('contact.add', { text: cardB.text });
  const exported = await a.ok<BundleExportResult>('bundle.export', {
    selection: { summitId: summit.id },
    recipients: [cardB.card.fingerprint],
  });
  return fs.readFileSync(exported.path);
}

describe('a bundle under review when Sherpa restarts', () => {
  it('is named after the restart and its file asked for again; importing it ends that', async () => {
    const b = desk();
    const bytes = await bundleFromA(b);
    const file = bytes.toString('base64');
    const inspected = await b.ok<{ status: string; review: { bundleId: string } }>('bundle.inspect', { file });
    expect(inspected.status).toBe('ready');

    // Sherpa restarts before the import: a fresh set of handlers on the same store.
    const afterRestart = started(b.db, b.exportsDir);
    const left = await afterRestart<BundleNotImported[]>('bundle.notImported', {});
    expect(left).toEqual([
      expect.objectContaining({ bundleId: inspected.review.bundleId, signerDesk: 'Sherpa desk', openedAt: '2026-12-01T10:00:00.000Z' }),
    ]);
    // Nothing of the bundle's records rests in the store meanwhile.
    expect(JSON.stringify(storeSnapshot(b.db))).not.toContain('Washington');

    await afterRestart('bundle.import', { file, acceptSigner: true });
    expect(await afterRestart('bundle.notImported', {})).toEqual([]);
  });

  it('a bundle handed over in parts before the restart is refused in words that ask for the file again, and nothing changes', async () => {
    const b = desk();
    const bytes = await bundleFromA(b);
    const upload = 'feed'.padEnd(32, '0');
    const data = bytes.subarray(0, bundlePartBytes).toString('base64');
    await b.ok('bundle.stage', { upload, part: 0, parts: 1, data });
    expect(await b.ok('bundle.inspect', { upload })).toMatchObject({ status: 'ready' });
    const before = storeSnapshot(b.db);
    const afterRestart = started(b.db, b.exportsDir);
    const gone = { status: 'refused', refusal: { reason: 'file-gone' } };
    expect(await afterRestart('bundle.inspect', { upload })).toMatchObject(gone);
    expect(await afterRestart('bundle.import', { upload, acceptSigner: true })).toMatchObject(gone);
    expect(storeSnapshot(b.db)).toEqual(before);
  });

  it('cancelling the review forgets it', async () => {
    const b = desk();
    const file = (await bundleFromA(b)).toString('base64');
    const { review } = await b.ok<{ review: { bundleId: string } }>('bundle.inspect', { file });
    expect(await b.ok('bundle.forget', { bundleId: review.bundleId })).toEqual({ forgotten: true });
    expect(await started(b.db, b.exportsDir)('bundle.notImported', {})).toEqual([]);
  });
});

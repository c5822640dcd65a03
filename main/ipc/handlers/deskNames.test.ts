import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renameDesk } from '../../../db/sync/deskExchange.ts';
import { storeSnapshot } from '../../../db/sync/testing.ts';
import { type BundleExportResult, type ContactAddOutcome, cardText } from '../../../shared/bundles.ts';
import { openStore } from '../../store.ts';
import { tempDataDir } from '../../storeFaults.helpers.ts';
import { ensureDeskKeys, signCardName } from '../../sync/deskKeys.ts';
import { createDispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';

// A desk card's name is signed by the desk's own key, so whoever makes a desk signs any name they like. A name the
// desk's own Settings would refuse was accepted from a pasted card: a direction override (U+202E) shows "ksed luoeS" as
// "Seoul desk", a zero-width space makes two desks' names look the same, and a name past 200 characters was cut,
// through the middle of an emoji, leaving half of it stored.

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function desk() {
  const dataDir = tempDataDir();
  folders.push(dataDir);
  const { db } = openStore(dataDir);
  const exportsDir = path.join(dataDir, 'exports');
  const dispatch = createDispatch({
    db,
    handlers: createHandlers({ db, clock: () => new Date('2026-12-01T10:00:00Z'), exchange: { exportsDir } }),
  });
  return { db, dispatch };
}

/** The card a desk would hand over under `deskName`, signed by its own key as any copy of Sherpa could sign it. */
function cardNamed(deskName: string): string {
  const { db } = desk();
  const keys = ensureDeskKeys(db, 'Any desk');
  const card = { ...keys.card, deskName };
  return cardText(card, signCardName({ ...keys, card }));
}

describe('a pasted desk card', () => {
  it.each([
    ['a direction override', '\u202eksed luoeS'],
    ['a zero-width space', 'Seoul\u200b desk'],
    ['a control character', 'Seoul\u0007desk'],
    ['half of an emoji', 'Seoul desk \ud83c'],
    ['more than 200 characters', `${'Seoul desk '.repeat(19)}🇰🇷`],
  ])('whose signed name holds %s is refused, and nothing is saved', async (_what, deskName) => {
    const b = desk();
    // This desk's own keys are made on first use: made before, so what follows is the card's doing alone.
    await b.dispatch('desk.card', {});
    const before = storeSnapshot(b.db);
    const answer = await b.dispatch('contact.add', { text: cardNamed(deskName) });
    expect(answer).toEqual({ ok: true, value: { status: 'refused', reason: 'name-invalid' } satisfies ContactAddOutcome });
    expect(storeSnapshot(b.db)).toEqual(before);
  });

  it('whose name is as a desk may call itself is accepted, Hangul, Arabic marks and an emoji included', async () => {
    const b = desk();
    for (const deskName of ['서울 데스크 🇰🇷', 'مكتب\u200f الرياض'])
      expect(await b.dispatch('contact.add', { text: cardNamed(deskName) })).toMatchObject({
        ok: true,
        value: { status: 'added', card: { deskName } },
      });
  });
});

describe('a bundle whose signer names its desk', () => {
  it('as a desk name may not be named is refused before its passphrase is asked, and accepting its signer saves nothing', async () => {
    const a = desk();
    const b = desk();
    const summit = await a.dispatch('summit.create', {
      title: 'Washington Summit',
      city: 'Washington',
      countryId: null,
      startDate: '2024-07-09',
      endDate: '2024-07-11',
      timeZone: 'America/New_York',
      description: '',
      sourceId: null,
      classification: 'NATO RESTRICTED',
    });
    if (!summit.ok) throw new Error(summit.error.message);
    // Written past Settings' rules, as a changed copy of Sherpa could write it, and signed by the desk's own key.
    await a.dispatch('desk.card', {});
    renameDesk(a.db, '\u202eksed luoeS');
    const exported = await a.dispatch('bundle.export', {
      selection: { summitId: (summit.value as { id: number }).id },
      recipients: [],
      passphrase: 'long enough passphrase',
    });
    if (!exported.ok) throw new Error(exported.error.message);
    const file = fs.readFileSync((exported.value as BundleExportResult).path).toString('base64');
    await b.dispatch('desk.card', {});
    const before = storeSnapshot(b.db);
    expect(await b.dispatch('bundle.inspect', { file })).toMatchObject({
      ok: true,
      value: { status: 'refused', refusal: { reason: 'signer-name-invalid' } },
    });
    expect(await b.dispatch('bundle.import', { file, passphrase: 'long enough passphrase', acceptSigner: true })).toMatchObject({
      ok: true,
      value: { status: 'refused', refusal: { reason: 'signer-name-invalid' } },
    });
    expect(storeSnapshot(b.db)).toEqual(before);
    expect(await b.dispatch('contact.list', {})).toEqual({ ok: true, value: [] });
  });
});

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../core.ts';
import { call, joinShared, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// The tenth round's team trial: the Pacific Islands Forum leaders' meeting in
// Nukuʻalofa, prepared by the sherpa in Canberra with an officer on an
// air-gapped classified network who exchanges bundles only. Bundles go both
// ways; the wrong passphrase, a bundle for someone else, the same bundle twice,
// a tampered one and an older one replayed after newer edits are each refused
// or change nothing; a lost laptop's key can be stopped being trusted.

const { desk, cleanups } = teamDesks();

const fileOf = (path: string) => fs.readFileSync(path).toString('base64');

async function cardOf(core: Core, deskName: string) {
  return (await call(core, 'desk.rename', { deskName })).text;
}

async function meetingOn(core: Core, title: string) {
  const summits = await call(core, 'summit.list', {});
  for (const each of summits) {
    const found = (await call(core, 'summit.view', { id: each.id })).meetings.find((one) => one.title === title);
    if (found) return found.id;
  }
  return 0;
}

describe('a Pacific Islands Forum briefing exchanged with an air-gapped desk by bundles', () => {
  it('refuses every wrong bundle in words that say why, and an older bundle replayed takes nothing back', async () => {
    const canberra = desk();
    const airgap = desk();
    const wellington = desk();
    const canberraCard = await cardOf(canberra, 'Canberra sherpa');
    const airgapCard = await cardOf(airgap, 'Classified desk');
    await cardOf(wellington, 'Wellington sector desk');
    expect((await call(canberra, 'contact.add', { text: airgapCard })).status).toBe('added');
    expect((await call(airgap, 'contact.add', { text: canberraCard })).status).toBe('added');
    const canberraFingerprint = (await call(canberra, 'desk.card', {})).card.fingerprint;
    const airgapFingerprint = (await call(airgap, 'desk.card', {})).card.fingerprint;

    const pif = await call(canberra, 'summit.create', summit('PIF Leaders’ Meeting, Nukuʻalofa (Pacific trial)', 'Pacific/Tongatapu'));
    const tonga = await call(canberra, 'meeting.create', meeting(pif.id, 'Bilateral with Tonga (Pacific trial)'));
    const sent = await call(canberra, 'bundle.export', {
      selection: { summitId: pif.id },
      recipients: [airgapFingerprint],
      passphrase: 'Tides over Nukualofa 2026',
    });
    const toAirgap = fileOf(sent.path);
    // Wellington is not a recipient: without the passphrase it is asked for it, with a wrong one refused.
    expect((await call(wellington, 'bundle.inspect', { file: toAirgap })).status).toBe('needs-passphrase');
    const wrong = await call(wellington, 'bundle.inspect', { file: toAirgap, passphrase: 'Tides over Suva 2026!!' });
    expect(wrong).toMatchObject({ status: 'refused', refusal: { reason: 'wrong-passphrase' } });
    const review = await call(airgap, 'bundle.inspect', { file: toAirgap });
    expect(review).toMatchObject({ status: 'ready', review: { signerAccepted: true } });
    expect((await call(airgap, 'bundle.import', { file: toAirgap, acceptSigner: false })).status).toBe('imported');
    const twice = await call(airgap, 'bundle.import', { file: toAirgap, acceptSigner: false });
    expect(twice).toMatchObject({ status: 'refused', refusal: { reason: 'already-imported' } });

    // The classified desk edits the brief twice, sending a bundle after each.
    const tongaThere = await meetingOn(airgap, tonga.title);
    await call(airgap, 'meeting.update', { id: tongaThere, patch: { objectives: 'First draft of objectives.' }, expected: {} });
    const first = fileOf(
      (
        await call(airgap, 'bundle.export', {
          selection: { summitId: await summitOn(airgap, pif.title) },
          recipients: [canberraFingerprint],
        })
      ).path,
    );
    await call(airgap, 'meeting.update', {
      id: tongaThere,
      patch: { objectives: 'Cleared objectives.', classification: 'NATO CONFIDENTIAL' },
      expected: {},
    });
    const second = fileOf(
      (
        await call(airgap, 'bundle.export', {
          selection: { summitId: await summitOn(airgap, pif.title) },
          recipients: [canberraFingerprint],
        })
      ).path,
    );
    // A bundle for Canberra is not Wellington's to open.
    expect(await call(wellington, 'bundle.inspect', { file: second })).toMatchObject({
      status: 'refused',
      refusal: { reason: 'not-for-this-desk' },
    });
    // One byte changed on the way.
    const tampered = Buffer.from(second, 'base64');
    const middle = Math.floor(tampered.length / 2);
    tampered.writeUInt8(tampered.readUInt8(middle) ^ 0xff, middle);
    expect(await call(canberra, 'bundle.inspect', { file: tampered.toString('base64') })).toMatchObject({
      status: 'refused',
      refusal: { reason: 'tampered' },
    });
    expect((await call(canberra, 'bundle.import', { file: second, acceptSigner: false })).status).toBe('imported');
    // The first, older bundle arrives late: it changes nothing and says so.
    const late = await call(canberra, 'bundle.inspect', { file: first });
    expect(late.status).toBe('ready');
    if (late.status === 'ready') {
      expect(late.review.counts).toMatchObject({ new: 0, updated: 0, conflicting: 0 });
      expect(late.review.changes).toEqual([]);
    }
    expect((await call(canberra, 'bundle.import', { file: first, acceptSigner: false })).status).toBe('imported');
    const brief = await call(canberra, 'meeting.brief', { id: tonga.id });
    expect(brief.meeting).toMatchObject({ objectives: 'Cleared objectives.', classification: 'NATO CONFIDENTIAL' });
    expect(await call(canberra, 'conflict.list', {})).toEqual([]);
  }, 60_000);

  it('stops trusting a lost laptop’s key: its bundles and its card are refused by name, whatever is ticked', async () => {
    const canberra = desk();
    const laptop = desk();
    const canberraCard = await cardOf(canberra, 'Canberra sherpa');
    const laptopCard = await cardOf(laptop, 'Note-taker’s laptop');
    expect((await call(canberra, 'contact.add', { text: laptopCard })).status).toBe('added');
    expect((await call(laptop, 'contact.add', { text: canberraCard })).status).toBe('added');
    const canberraFingerprint = (await call(canberra, 'desk.card', {})).card.fingerprint;
    const laptopFingerprint = (await call(laptop, 'desk.card', {})).card.fingerprint;
    const pif = await call(laptop, 'summit.create', summit('PIF Leaders’ Meeting, Nukuʻalofa (lost laptop)', 'Pacific/Tongatapu'));
    await call(laptop, 'meeting.create', meeting(pif.id, 'Bilateral with Fiji (lost laptop)'));
    const bundleOf = async () =>
      fileOf(
        (
          await call(laptop, 'bundle.export', {
            selection: { summitId: pif.id },
            recipients: [canberraFingerprint],
            passphrase: 'Kava at the Dateline Hotel',
          })
        ).path,
      );
    const beforeLoss = await bundleOf();
    expect((await call(canberra, 'bundle.import', { file: beforeLoss, acceptSigner: false })).status).toBe('imported');

    // The laptop is lost in transit; whoever finds it writes a “brief” and sends it as the note-taker.
    const revoked = await call(canberra, 'contact.revoke', { fingerprint: laptopFingerprint });
    expect(revoked.revoked).toMatchObject({ deskName: 'Note-taker’s laptop', fingerprint: laptopFingerprint });
    expect(await call(canberra, 'contact.list', {})).toEqual([]);
    expect((await call(canberra, 'contact.listRevoked', {})).map((card) => card.fingerprint)).toEqual([laptopFingerprint]);
    await call(laptop, 'meeting.create', meeting(pif.id, 'Planted bilateral (lost laptop)'));
    const afterLoss = await bundleOf();
    for (const opened of [
      await call(canberra, 'bundle.inspect', { file: afterLoss }),
      await call(canberra, 'bundle.inspect', { file: afterLoss, passphrase: 'Kava at the Dateline Hotel' }),
      await call(canberra, 'bundle.import', { file: afterLoss, acceptSigner: true }),
      await call(canberra, 'bundle.import', { file: afterLoss, passphrase: 'Kava at the Dateline Hotel', acceptSigner: true }),
    ])
      expect(opened).toMatchObject({
        status: 'refused',
        refusal: { reason: 'revoked-signer', revoked: { deskName: 'Note-taker’s laptop', fingerprint: laptopFingerprint } },
      });
    expect(await meetingOn(canberra, 'Planted bilateral (lost laptop)')).toBe(0);
    // What it sent before the loss stays; its card offered again is refused.
    expect(await meetingOn(canberra, 'Bilateral with Fiji (lost laptop)')).not.toBe(0);
    expect(await call(canberra, 'contact.add', { text: laptopCard })).toMatchObject({ status: 'refused', reason: 'revoked' });
    expect(await call(canberra, 'contact.list', {})).toEqual([]);
  }, 60_000);
});

async function summitOn(core: Core, title: string) {
  return (await call(core, 'summit.list', {})).find((each) => each.title === title)?.id ?? 0;
}

describe('a marking raised on one desk while another edits the same brief', () => {
  it('prints the brief no lower than the colleague’s raised marking while the two versions are unsettled', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const canberra = desk();
    const wellington = desk();
    const pif = await call(canberra, 'summit.create', summit('PIF Leaders’ Meeting, Nukuʻalofa (raised marking)', 'Pacific/Tongatapu'));
    const tonga = await call(canberra, 'meeting.create', meeting(pif.id, 'Bilateral with Tonga (raised marking)'));
    await call(canberra, 'sync.configure', { url: server.url, username: 'canberra', password: 'Desk-pass-1', summitIds: [pif.id] });
    await call(canberra, 'sync.now', {});
    const offered =
      (await joinShared(wellington, canberra, { url: server.url, username: 'wellington', password: 'Desk-pass-2' }, [pif.title])).get(
        pif.title,
      ) ?? 0;
    const tongaThere = await meetingOn(wellington, tonga.title);

    // Both offline: Wellington judges the fisheries line confidential; Canberra, not knowing, redrafts twice.
    await call(wellington, 'sync.disconnect', {});
    await call(canberra, 'sync.disconnect', {});
    await call(wellington, 'meeting.update', { id: tongaThere, patch: { classification: 'NATO CONFIDENTIAL' }, expected: {} });
    await call(canberra, 'meeting.update', { id: tonga.id, patch: { pointsToMake: 'Thank Tonga for hosting.' }, expected: {} });
    await call(canberra, 'meeting.update', {
      id: tonga.id,
      patch: { pointsToMake: 'Thank Tonga for hosting; raise the tuna treaty.' },
      expected: {},
    });
    await call(canberra, 'sync.configure', { url: server.url, username: 'canberra', password: 'Desk-pass-1', summitIds: [pif.id] });
    await call(wellington, 'sync.configure', { url: server.url, username: 'wellington', password: 'Desk-pass-2', summitIds: [offered] });
    for (let round = 0; round < 2; round += 1) for (const each of [canberra, wellington]) await call(each, 'sync.now', {});

    for (const [core, summitId, meetingId] of [
      [canberra, pif.id, tonga.id],
      [wellington, offered, tongaThere],
    ] as const) {
      // The record's page and the pack builder say another version is marked higher (conflictPages.higherMarkingKept).
      expect(
        (await call(core, 'conflict.list', {})).map(({ title, classification, otherMarkings }) => ({
          title,
          classification,
          otherMarkings,
        })),
      ).toEqual([{ title: tonga.title, classification: 'NATO RESTRICTED', otherMarkings: ['NATO CONFIDENTIAL'] }]);
      const preview = await call(core, 'pack.preview', {
        definition: {
          title: 'Leader’s pack',
          recipient: 'Prime Minister',
          summitId,
          principalId: null,
          paper: 'a4',
          sections: [{ kind: 'meeting', meetingId, form: 'full' }, { kind: 'timeline' }],
        },
      });
      expect(preview.banner).toBe('NATO CONFIDENTIAL');
      expect(preview.sections.map((section) => [section.kind, section.mark])).toEqual([
        ['meeting', '(NC)'],
        ['timeline', '(NC)'],
      ]);
    }
  }, 60_000);
});

describe('a pack exported on two desks once they have met', () => {
  it('lists same-day entries, timeline rows and follow-ups in the same order on both, whichever desk wrote each', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const canberra = desk();
    const wellington = desk();
    const pif = await call(canberra, 'summit.create', summit('PIF Leaders’ Meeting, Nukuʻalofa (same pack)', 'Pacific/Tongatapu'));
    const tonga = await call(canberra, 'meeting.create', meeting(pif.id, 'Bilateral with Tonga (same pack)'));
    const programme = await call(canberra, 'programme.create', {
      code: 'PIF-2050',
      name: '2050 Strategy for the Blue Pacific Continent (same pack)',
      partnerId: null,
      signedOn: null,
      sectorCount: null,
      description: '',
      sourceId: null,
      classification: 'NATO UNCLASSIFIED',
    });
    const fisheries = await call(canberra, 'sector.create', {
      programmeId: programme.id,
      name: 'Fisheries (same pack)',
      position: 1,
      summary: '',
      ourPosition: '',
      classification: 'NATO UNCLASSIFIED',
      sourceId: null,
    });
    const communique = await call(canberra, 'source.create', {
      title: 'Forum Communiqué (same pack)',
      publisher: 'Pacific Islands Forum Secretariat',
      location: 'https://forumsec.org/',
      publishedOn: '2025-09-12',
      note: '',
      classification: 'NATO UNCLASSIFIED',
    });
    await call(canberra, 'sync.configure', { url: server.url, username: 'canberra', password: 'Desk-pass-1', summitIds: [pif.id] });
    await call(canberra, 'sync.now', {});
    const pifThere =
      (await joinShared(wellington, canberra, { url: server.url, username: 'wellington', password: 'Desk-pass-2' }, [pif.title])).get(
        pif.title,
      ) ?? 0;
    const tongaThere = await meetingOn(wellington, tonga.title);
    const communiqueThere = (await call(wellington, 'source.list', {})).find((each) => each.title === communique.title)?.id ?? 0;
    const fisheriesThere =
      (await call(wellington, 'programme.list', {})).find((each) => each.programme.name === programme.name)?.sectors[0]?.id ?? 0;

    // Offline, each desk writes one of each for the same day: each store numbers its own first.
    await call(canberra, 'sync.disconnect', {});
    await call(wellington, 'sync.disconnect', {});
    const write = async (core: Core, summitId: number, meetingId: number, sectorId: number, sourceId: number, what: string) => {
      await call(core, 'timelineEvent.create', {
        occurredOn: '2026-08-26',
        precision: 'day',
        title: `${what} (timeline)`,
        description: '',
        summitId,
        sourceId: null,
        sourceExcerpt: '',
        classification: 'NATO UNCLASSIFIED',
      });
      await call(core, 'sectorEntry.create', {
        sectorId,
        occurredOn: '2026-08-26',
        title: `${what} (entry)`,
        body: '',
        sourceId,
        sourceExcerpt: '',
        classification: 'NATO UNCLASSIFIED',
      });
      await call(core, 'followUp.create', {
        meetingId,
        description: `${what} (follow-up)`,
        owner: 'Pacific Division',
        dueOn: '2026-09-01',
        status: 'open',
        classification: 'NATO UNCLASSIFIED',
      });
    };
    await write(canberra, pif.id, tonga.id, fisheries.id, communique.id, 'Tuna catch figures');
    await write(wellington, pifThere, tongaThere, fisheriesThere, communiqueThere, 'Cyclone recovery fund');
    await call(canberra, 'sync.configure', { url: server.url, username: 'canberra', password: 'Desk-pass-1', summitIds: [pif.id] });
    await call(wellington, 'sync.configure', { url: server.url, username: 'wellington', password: 'Desk-pass-2', summitIds: [pifThere] });
    for (let round = 0; round < 2; round += 1) for (const each of [canberra, wellington]) await call(each, 'sync.now', {});

    const printed = await Promise.all(
      [
        [canberra, pif.id, tonga.id, fisheries.id],
        [wellington, pifThere, tongaThere, fisheriesThere],
      ].map(async ([core, summitId, meetingId, sectorId]) => {
        const preview = await call(core as Core, 'pack.preview', {
          definition: {
            title: 'Leader’s pack',
            recipient: 'Prime Minister',
            summitId: summitId as number,
            principalId: null,
            paper: 'a4',
            sections: [
              { kind: 'meeting', meetingId: meetingId as number, form: 'full' },
              { kind: 'sector', sectorId: sectorId as number },
              { kind: 'timeline' },
            ],
          },
        });
        return preview.sections.map((section) => section.records.map((record) => `${record.kind} ${record.title}`));
      }),
    );
    expect(printed[0]?.flat()).toContain('followUp Cyclone recovery fund (follow-up)');
    expect(printed[1]).toEqual(printed[0]);
  }, 60_000);
});

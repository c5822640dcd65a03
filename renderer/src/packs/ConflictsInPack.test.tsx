// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConflictSummary } from '../../../shared/conflicts.ts';
import { channels, type PackPreview, type Result, type Settings, type SherpaApi } from '../../../shared/contract.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { ConflictsInPack } from './ConflictsInPack.tsx';

// Two desks edited the Laos bilateral's purpose offline; the pack printed the
// winner with nothing to say another desk's text was kept beside it. The
// builder names each record of the pack still in conflict, with a link to
// both versions; a conflict on a record the pack does not print is not named.
const conflict = (id: string, kind: ConflictSummary['kind'], title: string): ConflictSummary => ({
  id,
  kind,
  rowId: 1,
  page: null,
  title,
  classification: 'RESERVADO',
  otherMarkings: [],
  winnerRev: '2-a',
  others: 1,
});
const preview: PackPreview = {
  banner: 'CONFIDENCIAL',
  holdsUnmarked: false,
  outsideScheme: [],
  holdsNoMarking: false,
  sections: [
    {
      kind: 'meeting',
      title: 'Bilateral com o Laos',
      mark: '(R)',
      classification: 'RESTRICTED',
      records: [{ kind: 'meeting', title: 'Bilateral com o Laos', mark: '(R)', classification: 'RESTRICTED' }],
    },
  ],
  peopleOfMeetings: [],
  sectorEntries: [],
  otherSummitNotes: [],
  unprintable: [],
};
let language: Settings['language'];
beforeEach(() => {
  language = 'en';
  const answer = (channel: string): Promise<Result<unknown>> => {
    if (channel === 'settings.get') {
      const settings: Settings = {
        homeTimeZone: 'Europe/Lisbon',
        theme: 'light',
        language,
        classificationScheme: presetSchemes.nato,
        defaultMarking: '',
        backupsToKeep: 10,
        autoLockMinutes: 15,
      };
      return Promise.resolve({ ok: true, value: settings });
    }
    if (channel === 'conflict.list')
      return Promise.resolve({
        ok: true,
        value: [
          conflict('meeting:0f3a', 'meeting', 'Bilateral com o Laos'),
          conflict('meeting:77b1', 'meeting', 'Bilateral reservada CPLP'),
        ],
      });
    return Promise.resolve({ ok: true, value: [] });
  };
  const api = Object.fromEntries(channels.map((channel) => [channel, () => answer(channel)]));
  setBridge({ ...api, onChange: () => () => {} } as unknown as SherpaApi);
});
afterEach(cleanup);

const show = () =>
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ConflictsInPack preview={preview} />
      </SettingsProvider>
    </StoreQueries>,
  );

describe('the pack builder before export', () => {
  it('names each record the pack prints that is in conflict between desks, with a link to both versions', async () => {
    show();
    const list = await screen.findByRole('list', { name: 'Changed on two desks and not settled yet' });
    expect(list.textContent).toContain('Meeting “Bilateral com o Laos”');
    expect(list.textContent).not.toContain('CPLP');
    expect(screen.getByRole('link', { name: 'Compare the versions' }).getAttribute('href')).toBe('#/conflict/meeting%3A0f3a');
  });

  it('says so in Korean', async () => {
    language = 'ko';
    show();
    const list = await screen.findByRole('list', { name: '두 데스크에서 바뀌어 아직 정리되지 않은 기록' });
    expect(list.textContent).toContain('회담 “Bilateral com o Laos”');
  });
});

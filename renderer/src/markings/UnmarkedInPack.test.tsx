// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { channels, type Result, type Settings, type SherpaApi } from '../../../shared/contract.ts';
import { setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { UnmarkedInPack } from './UnmarkedInPack.tsx';

function withScheme(name: string, language: Settings['language']) {
  const settings: Settings = {
    homeTimeZone: 'Europe/Vilnius',
    theme: 'light',
    language,
    classificationScheme: { name, levels: [{ name: 'OPEN', portion: 'O' }] },
    defaultMarking: '',
    backupsToKeep: 10,
    autoLockMinutes: 15,
  };
  const answer = (channel: string): Result<unknown> =>
    channel === 'settings.get' ? { ok: true, value: settings } : { ok: false, error: { code: 'not_found', message: 'not in this test' } };
  const api = Object.fromEntries(channels.map((channel) => [channel, async () => answer(channel)]));
  setBridge({ ...api, onChange: () => () => {} } as unknown as SherpaApi);
}
const agenda = { name: 'Agenda', role: 'record', title: 'Agenda', on: '', foreignLevel: '' } as const;

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

describe('the list of a pack’s records without a marking', () => {
  it('names a desk’s scheme called “Desk scheme” once, not as “the Desk scheme scheme”', async () => {
    withScheme('Desk scheme', 'en');
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <UnmarkedInPack records={[agenda]} />
        </SettingsProvider>
      </StoreQueries>,
    );
    await waitFor(() => expect(screen.getByText(/Desk scheme/).textContent).toContain('“Desk scheme”'));
    expect(screen.getByText(/Desk scheme/).textContent).not.toContain('Desk scheme scheme');
  });

  it('says it in Korean, the scheme named once', async () => {
    withScheme('데스크 체계', 'ko');
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <UnmarkedInPack records={[agenda]} />
        </SettingsProvider>
      </StoreQueries>,
    );
    await waitFor(() => expect(screen.getByText(/데스크 체계/).textContent).toContain('“데스크 체계”'));
    expect(screen.getByText(/데스크 체계/).textContent).not.toContain('데스크 체계 체계');
  });

  // A Korean desk saw "Follow-up: 면담록 본부 송부" and "Note on Summit: …", the export's English, under a Korean heading.
  it('names what each record is to the pack in the interface language', async () => {
    withScheme('데스크 체계', 'ko');
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <UnmarkedInPack
            records={[
              { name: 'Follow-up: 면담록 본부 송부', role: 'followUp', title: '면담록 본부 송부', on: '', foreignLevel: '' },
              { name: 'Note on Summit: APEC 경주', role: 'noteOnSummit', title: '', on: 'APEC 경주', foreignLevel: '' },
              { name: 'Participant: 박서연', role: 'participant', title: '박서연', on: '', foreignLevel: 'NATO SECRET' },
            ]}
          />
        </SettingsProvider>
      </StoreQueries>,
    );
    const list = await screen.findByRole('list', { name: '내보내기 전에 보안 등급을 정하세요' });
    await waitFor(() =>
      expect([...list.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
        '후속 조치: 면담록 본부 송부',
        '정상회의 “APEC 경주”의 제목 없는 메모',
        '참석자: 박서연 (“NATO SECRET”으로 표시됨)',
      ]),
    );
  });
});

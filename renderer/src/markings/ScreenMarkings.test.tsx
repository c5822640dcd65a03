// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, type Result, type Settings, type SherpaApi } from '../../../shared/contract.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { PortionMark, ScreenBanner, ScreenMarkingsProvider } from './ScreenMarkings.tsx';

const settings: Settings = {
  homeTimeZone: 'Europe/Vilnius',
  theme: 'light',
  language: 'en',
  classificationScheme: presetSchemes.nato,
  defaultMarking: '',
  backupsToKeep: 10,
  autoLockMinutes: 15,
};
beforeEach(() => {
  const answer = (channel: string): Result<unknown> =>
    channel === 'settings.get' ? { ok: true, value: settings } : { ok: false, error: { code: 'not_found', message: 'not in this test' } };
  const api = Object.fromEntries(channels.map((channel) => [channel, async () => answer(channel)]));
  setBridge({ ...api, onChange: () => () => {} } as unknown as SherpaApi);
});
afterEach(cleanup);

/** A window showing records with these markings. */
function Window({ shown }: { shown: string[] }) {
  return (
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <ScreenBanner edge="top" />
        <ul>
          {shown.map((classification, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the test's records are their place in the list
            <li key={index}>
              <PortionMark classification={classification} /> record {index}
            </li>
          ))}
        </ul>
        <ScreenBanner edge="bottom" />
      </ScreenMarkingsProvider>
    </SettingsProvider>
  );
}

const banner = () => screen.getByRole('note', { name: 'Highest marking on screen' });

describe('the window’s banner', () => {
  it('shows the highest marking on screen, top and bottom, and follows records as they leave', async () => {
    const { rerender } = render(<Window shown={['NATO RESTRICTED', 'NATO SECRET', 'NATO UNCLASSIFIED']} />);
    await waitFor(() => expect(banner().textContent).toBe('NATO SECRET'));
    expect(screen.getByTestId('screen-banner-bottom').textContent).toBe('NATO SECRET');
    expect(screen.getAllByText(/^\((NR|NS|NU)\)$/).map((mark) => mark.textContent)).toEqual(['(NR)', '(NS)', '(NU)']);
    rerender(<Window shown={['NATO RESTRICTED', 'NATO UNCLASSIFIED']} />);
    await waitFor(() => expect(banner().textContent).toBe('NATO RESTRICTED'));
  });

  it('never shows unmarked material as the lowest level', async () => {
    const { rerender } = render(<Window shown={['', '']} />);
    await waitFor(() => expect(banner().textContent).toBe('UNMARKED'));
    expect(screen.getAllByText('(UNMARKED)')).toHaveLength(2);
    rerender(<Window shown={['', 'NATO UNCLASSIFIED']} />);
    await waitFor(() => expect(banner().textContent).toBe('NATO UNCLASSIFIED + UNMARKED MATERIAL'));
    rerender(<Window shown={[]} />);
    await waitFor(() => expect(banner().textContent).toBe('NO MARKED MATERIAL ON SCREEN'));
  });

  it('shows a level the scheme lacks by its own name, and does not count it as a level', async () => {
    render(<Window shown={['SECRET//NOFORN']} />);
    await waitFor(() => expect(banner().textContent).toBe('MARKED OUTSIDE THIS SCHEME: SECRET//NOFORN'));
    expect(screen.getByText('(SECRET//NOFORN)').getAttribute('title')).toMatch(/not a level of the current scheme/);
  });

  // A desk that moved from NATO to its own scheme still holds records marked NATO SECRET: the banner above them
  // said "UNMARKED" (or "NATO RESTRICTED + UNMARKED MATERIAL"), as if a marked record had no marking.
  it('names a marking the scheme lacks in the banner instead of calling it unmarked, top and bottom', async () => {
    const { rerender } = render(<Window shown={['NATO RESTRICTED', 'GEHEIM', '']} />);
    await waitFor(() => expect(banner().textContent).toBe('NATO RESTRICTED + MARKED OUTSIDE THIS SCHEME: GEHEIM + UNMARKED MATERIAL'));
    expect(screen.getByTestId('screen-banner-bottom').textContent).toBe(banner().textContent);
    rerender(<Window shown={['STRENG GEHEIM', 'GEHEIM', 'GEHEIM']} />);
    await waitFor(() => expect(banner().textContent).toBe('MARKED OUTSIDE THIS SCHEME: GEHEIM, STRENG GEHEIM'));
    try {
      await act(() => i18n.changeLanguage('ko'));
      expect(screen.getByTestId('screen-banner-top').textContent).toBe('현재 체계에 없는 등급: GEHEIM, STRENG GEHEIM');
    } finally {
      await act(() => i18n.changeLanguage('en'));
    }
  });

  it('translates each portion mark once per language and follows a change of language', async () => {
    render(<Window shown={['NATO SECRET', '', 'NATO SECRET']} />);
    await waitFor(() => expect(banner().textContent).toBe('NATO SECRET + UNMARKED MATERIAL'));
    expect(screen.getAllByText('(NS)').map((mark) => mark.getAttribute('title'))).toEqual(['Marking: NATO SECRET', 'Marking: NATO SECRET']);
    expect(screen.getByText('(UNMARKED)').getAttribute('title')).toBe('Not marked');
    try {
      await act(() => i18n.changeLanguage('ko'));
      expect(screen.getAllByText('(NS)').map((mark) => mark.getAttribute('title'))).toEqual([
        '보안 등급: NATO SECRET',
        '보안 등급: NATO SECRET',
      ]);
      expect(screen.getByText('(미표시)').getAttribute('title')).toBe('등급 미표시');
    } finally {
      await act(() => i18n.changeLanguage('en'));
    }
    expect(screen.getByText('(UNMARKED)').getAttribute('title')).toBe('Not marked');
  });
});

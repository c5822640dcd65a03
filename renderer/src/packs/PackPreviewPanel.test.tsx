// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PackPreview } from '../../../shared/contract.ts';
import { i18n } from '../i18n/index.ts';
import { PackPreviewPanel } from './PackPreviewPanel.tsx';

afterEach(async () => {
  cleanup();
  await act(() => i18n.changeLanguage('en'));
});

// The store names each annex as the PDF heading prints it, in English. In a
// Korean interface the builder's "Will print" list must name them in Korean,
// and a meeting keeps the title its desk gave it.
const preview: PackPreview = {
  banner: 'OFFICIAL-SENSITIVE',
  holdsUnmarked: false,
  outsideScheme: [],
  holdsNoMarking: false,
  sections: [
    {
      kind: 'meeting',
      title: 'Bilateral with the Prime Minister of Tonga',
      mark: '(OS)',
      classification: 'OFFICIAL-SENSITIVE',
      records: [],
    },
    { kind: 'timeline', title: 'Timeline', mark: '(OS)', classification: 'OFFICIAL-SENSITIVE', records: [] },
    { kind: 'biographies', title: 'Biographies', mark: '(OS)', classification: 'OFFICIAL-SENSITIVE', records: [] },
    { kind: 'sources', title: 'Sources', mark: '(O)', classification: 'OFFICIAL', records: [] },
    { kind: 'notes', title: 'Notes', mark: '(OS)', classification: 'OFFICIAL-SENSITIVE', records: [] },
  ],
  peopleOfMeetings: [],
  sectorEntries: [],
  otherSummitNotes: [],
  unprintable: [],
};

describe('what a pack will print, in Korean', () => {
  it('names every annex in Korean and each meeting by its own title', async () => {
    await act(() => i18n.changeLanguage('ko'));
    render(<PackPreviewPanel preview={{ status: 'ready', value: preview }} failure="" />);
    const headings = screen.getAllByRole('strong').map((heading) => heading.textContent);
    expect(headings).toEqual(['(OS) Bilateral with the Prime Minister of Tonga', '(OS) 연표', '(OS) 인물 약력', '(O) 출처', '(OS) 메모']);
  });
});

// A bundle marked under another desk's scheme: no level of this one, so the
// banner line must not name the lowest level as if it had been worked out.
describe('the banner line of a pack holding material of no level of the scheme', () => {
  it('says unmarked material sits beside the highest level, or that nothing carries a level, in English and Korean', async () => {
    const view = render(
      <PackPreviewPanel
        preview={{
          status: 'ready',
          value: { ...preview, banner: 'OFFICIAL', holdsUnmarked: true, holdsNoMarking: true },
        }}
        failure=""
      />,
    );
    expect(screen.getByText('Banner on every page: OFFICIAL + UNMARKED MATERIAL')).toBeTruthy();
    view.rerender(
      <PackPreviewPanel
        preview={{ status: 'ready', value: { ...preview, banner: '', holdsUnmarked: true, holdsNoMarking: true } }}
        failure=""
      />,
    );
    expect(screen.getByText('Banner on every page: UNMARKED')).toBeTruthy();
    await act(() => i18n.changeLanguage('ko'));
    expect(screen.getByText('모든 쪽의 등급 표시: 미표시')).toBeTruthy();
  });
});

// The desk removed a level after marking with it (TOP SECRET//GCC EYES on a working dinner): that material is marked,
// so the line names its marking, as the window's banner does, instead of calling it unmarked.
describe('the banner line of a pack holding material marked with a level the scheme no longer has', () => {
  it('names that marking beside the highest level, and unmarked material only when there is some', () => {
    const outside = { ...preview, banner: 'OFFICIAL', holdsUnmarked: true, outsideScheme: ['TOP SECRET//GCC EYES'] };
    const view = render(<PackPreviewPanel preview={{ status: 'ready', value: outside }} failure="" />);
    expect(screen.getByText('Banner on every page: OFFICIAL + MARKED OUTSIDE THIS SCHEME: TOP SECRET//GCC EYES')).toBeTruthy();
    view.rerender(<PackPreviewPanel preview={{ status: 'ready', value: { ...outside, banner: '', holdsNoMarking: true } }} failure="" />);
    expect(screen.getByText('Banner on every page: MARKED OUTSIDE THIS SCHEME: TOP SECRET//GCC EYES + UNMARKED MATERIAL')).toBeTruthy();
  });
});

// A Korean desk's builder listed a follow-up nobody had marked as "(UNMARKED)" and the desk's note as
// "Summit: APEC 정상회의, 경주 2025 · 경주 현지 동선": the PDF's English, where every other screen says 미표시.
describe('what a pack will print, unmarked material and notes included, in Korean', () => {
  it('says an unmarked record is 미표시 and names what a note is on in Korean', async () => {
    await act(() => i18n.changeLanguage('ko'));
    const withRecords: PackPreview = {
      ...preview,
      holdsUnmarked: true,
      holdsNoMarking: true,
      sections: [
        {
          kind: 'meeting',
          title: '한-중 양자회담',
          mark: '(UNMARKED)',
          classification: '',
          records: [{ kind: 'followUp', title: '면담록 본부 송부', mark: '(UNMARKED)', classification: '' }],
        },
        {
          kind: 'notes',
          title: 'Notes',
          mark: '(일)',
          classification: '일반',
          records: [
            {
              kind: 'note',
              title: '경주 현지 동선',
              on: { kind: 'summit', title: 'APEC 정상회의, 경주 2025' },
              mark: '(일)',
              classification: '일반',
            },
          ],
        },
      ],
    };
    render(<PackPreviewPanel preview={{ status: 'ready', value: withRecords }} failure="" />);
    const list = screen.getByRole('list', { name: '인쇄될 내용' });
    expect([...list.querySelectorAll('strong')].map((heading) => heading.textContent)).toEqual(['(미표시) 한-중 양자회담', '(일) 메모']);
    expect([...list.querySelectorAll('ul li')].map((item) => item.textContent)).toEqual([
      '(미표시) 후속 조치: 면담록 본부 송부',
      '(일) 정상회의: APEC 정상회의, 경주 2025 · 경주 현지 동선',
    ]);
  });
});

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
  sections: [
    { kind: 'meeting', title: 'Bilateral with the Prime Minister of Tonga', mark: '(OS)', records: [] },
    { kind: 'timeline', title: 'Timeline', mark: '(OS)', records: [] },
    { kind: 'biographies', title: 'Biographies', mark: '(OS)', records: [] },
    { kind: 'sources', title: 'Sources', mark: '(O)', records: [] },
    { kind: 'notes', title: 'Notes', mark: '(OS)', records: [] },
  ],
  peopleOfMeetings: [],
  sectorEntries: [],
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

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NoteContent } from '../../../shared/contract.ts';
import type { Note } from '../../../shared/domain.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { ConflictView } from './ConflictView.tsx';

// Another window raised the note to NATO SECRET while this one edited it at NATO RESTRICTED. "Keep my text"
// wrote this window's text over it at NATO RESTRICTED in one click, lowering the note on every desk; the
// conflicts screen asks before the same with a colleague's version. Now this view asks too.

const levels = presetSchemes.nato.levels.map((level) => level.name);
const mine: NoteContent = { title: 'Seating', body: 'Two rows, flags left.', tags: [], classification: 'NATO RESTRICTED' };
const theirs: Note = {
  id: 1,
  sectorEntryId: null,
  meetingId: 1,
  summitId: null,
  sectorId: null,
  title: 'Seating',
  body: 'Two rows.',
  tags: [],
  classification: 'NATO SECRET',
  version: 3,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  deletedAt: null,
};

beforeEach(() => setBridge(createStoreBridge().bridge));
afterEach(cleanup);

function renderView(kind: 'conflict' | 'recovered', content: NoteContent = mine) {
  const onKeepMine = vi.fn();
  const onKeepTheirs = vi.fn();
  const onMerge = vi.fn();
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <ConflictView
            mine={content}
            theirs={theirs}
            kind={kind}
            levels={levels}
            onKeepMine={onKeepMine}
            onKeepTheirs={onKeepTheirs}
            onMerge={onMerge}
          />
        </ScreenMarkingsProvider>
      </SettingsProvider>
    </StoreQueries>,
  );
  return { onKeepMine, onKeepTheirs, onMerge };
}

describe('keeping this window’s text over a saved version marked higher', () => {
  it('names both markings and keeps nothing until chosen; Cancel goes back', () => {
    const { onKeepMine, onMerge } = renderView('conflict');
    fireEvent.click(screen.getByRole('button', { name: 'Keep my text' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'The saved version is marked NATO SECRET; keeping yours marks the note NATO RESTRICTED.',
    );
    expect(onKeepMine).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onKeepMine).not.toHaveBeenCalled();
    expect(onMerge).not.toHaveBeenCalled();
  });

  it('keeps this text at the higher marking, or lowers the note once confirmed', () => {
    const first = renderView('conflict');
    fireEvent.click(screen.getByRole('button', { name: 'Keep my text' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep my text at NATO SECRET' }));
    expect(first.onMerge).toHaveBeenCalledWith({ ...mine, classification: 'NATO SECRET' });
    cleanup();
    const second = renderView('recovered');
    fireEvent.click(screen.getByRole('button', { name: 'Restore unsaved text' }));
    fireEvent.click(screen.getByRole('button', { name: 'Mark the note NATO RESTRICTED' }));
    expect(second.onKeepMine).toHaveBeenCalledTimes(1);
  });

  it('keeps a text marked as high or higher at once', () => {
    const { onKeepMine } = renderView('conflict', { ...mine, classification: 'COSMIC TOP SECRET' });
    fireEvent.click(screen.getByRole('button', { name: 'Keep my text' }));
    expect(onKeepMine).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

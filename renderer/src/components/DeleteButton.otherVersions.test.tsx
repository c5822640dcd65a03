// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, type RecordReferences, type Result, type SherpaApi } from '../../../shared/contract.ts';
import { setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { DeleteButton } from './DeleteButton.tsx';

// A record holding another desk's version not yet settled: the delete dialog
// says so before anything is deleted, and offers to look at it first.

let deletes: unknown[];
let references: RecordReferences;

beforeEach(() => {
  deletes = [];
  // jsdom has no modal dialogs: opened as the browser would, without the backdrop.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.open = false;
  };
  references = { alone: [], takeAlong: [], otherVersions: 1 };
  const answer = (channel: string, request: unknown): Promise<Result<unknown>> => {
    if (channel === 'meeting.references') return Promise.resolve({ ok: true, value: references });
    if (channel === 'meeting.delete') {
      deletes.push(request);
      return Promise.resolve({ ok: true, value: { deleted: {}, undoId: 1, references: [] } });
    }
    return Promise.resolve({ ok: true, value: [] });
  };
  const api = Object.fromEntries(channels.map((channel) => [channel, (request: unknown) => answer(channel, request)]));
  setBridge({ ...api, onChange: () => () => {} } as unknown as SherpaApi);
});
afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
  window.location.hash = '';
});

describe('deleting a record with another desk’s version not yet settled', () => {
  it('says the version would be closed, and deletes only when told to delete with it', async () => {
    render(<DeleteButton entity="meeting" id={7} name="Bilateral" label="Delete" />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toMatch(/^Another desk’s version of this record is not settled yet\. Deleting it closes that version too/);
    expect(deletes).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Delete with the other versions' }));
    await waitFor(() => expect(deletes).toEqual([{ id: 7, takeAlong: false, withOtherVersions: true }]));
  });

  it('offers to look at the versions first, in Korean too, deleting nothing', async () => {
    await i18n.changeLanguage('ko');
    references = { alone: [], takeAlong: [], otherVersions: 2 };
    render(<DeleteButton entity="meeting" id={7} name="Bilateral" label="삭제" />);
    fireEvent.click(screen.getByRole('button', { name: '삭제' }));
    expect((await screen.findByRole('alert')).textContent).toContain('다른 데스크의 버전이 2개 있습니다');
    fireEvent.click(screen.getByRole('button', { name: '먼저 버전 살펴보기' }));
    await waitFor(() => expect(window.location.hash).toBe('#/conflicts'));
    expect(deletes).toEqual([]);
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, type Request, type Result, type SherpaApi } from '../../../shared/contract.ts';
import type { Summit } from '../../../shared/domain.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { EntityForm } from './EntityForm.tsx';
import { formSpecs } from './specs.ts';

// The form against a fake store of the same contract (as Actual Budget tests
// its UI): whatever the store refuses must come back to the field it names.
const vilnius: Summit = {
  id: 1,
  title: 'NATO Summit, Vilnius 2023',
  city: 'Vilnius',
  countryId: null,
  startDate: '2023-07-11',
  endDate: '2023-07-11',
  timeZone: 'Europe/Vilnius',
  description: '',
  sourceId: null,
};
let writes: { channel: string; request: unknown }[];
beforeEach(() => {
  writes = [];
  const answer = (channel: string, request: unknown): Result<unknown> => {
    if (channel.endsWith('.list')) return { ok: true, value: [] };
    if (channel === 'settings.get') return { ok: false, error: { code: 'not_found', message: 'no settings in this test' } };
    writes.push({ channel, request });
    const title = (request as Request<'summit.update'>).patch?.title ?? '';
    // The store's own rule (main/ipc/validation.ts), which the form does not repeat.
    if (channel === 'summit.update' && /[\u0000-\u001f]/.test(title)) {
      return {
        ok: false,
        error: {
          code: 'invalid_request',
          message: 'patch.title: must be a single line of text without control characters',
          field: 'patch.title',
        },
      };
    }
    return { ok: true, value: { ...vilnius, ...(request as Request<'summit.update'>).patch } };
  };
  const api = Object.fromEntries(channels.map((channel) => [channel, async (request: unknown) => answer(channel, request)]));
  setBridge({ ...api, onChange: () => () => {} } as unknown as SherpaApi);
});
afterEach(cleanup);

describe('the record form', () => {
  it('shows a message the store sends back at the field it names', async () => {
    render(<EntityForm entity="summit" id={1} initial={formSpecs.summit.fromRecord({ ...vilnius })} />);
    const title = screen.getByLabelText('Title');
    // A control character passes the form's own checks; only the store refuses it.
    fireEvent.change(title, { target: { value: 'NATO\u0001Summit' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(title.getAttribute('aria-describedby') ?? '');
    // Named and in the user's language: the store's own English wording stays out of sight.
    expect(message?.textContent).toBe(
      '“Title” was not accepted: check it for line breaks, control characters or a broken character, and its length.',
    );
    expect(writes).toHaveLength(1);
  });

  it('checks every field before sending and focuses the first one at fault', async () => {
    render(<EntityForm entity="summit" initial={{ ...formSpecs.summit.blank(), timeZone: 'Europe/Nowhere' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const title = screen.getByLabelText('Title');
    await waitFor(() => expect(document.activeElement).toBe(title));
    // The summary names every field at fault, in form order.
    expect(screen.getByRole('alert').textContent).toBe(
      'Nothing was saved. Check: Title, Start date, End date, Time zone (IANA, e.g. Europe/Vilnius).',
    );
    expect(screen.getByLabelText(/Time zone/).getAttribute('aria-invalid')).toBe('true');
    expect(writes).toEqual([]);
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { PersonView } from './People.tsx';

// The pack printed a biography's **bold** and "- " lines as bold and a list
// while the person's page showed the asterisks and dashes as typed.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

it('shows a biography’s **bold** and "- " list as the pack prints them, and a lone asterisk or snake_case as typed', async () => {
  const biography = [
    '**Prime Minister** since 2022; before that *Minister of Finance*.',
    '- Growth of 5 * 3 per cent*',
    '- Reply to desk_officer_name by noon',
  ].join('\n');
  const id = store.db
    .prepare(
      `INSERT INTO person (name, native_name, title, biography, classification) VALUES ('Ana Mendes', '', 'Prime Minister', ?, 'NATO UNCLASSIFIED') RETURNING id`,
    )
    .pluck()
    .get(biography) as number;
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <PersonView id={id} />
      </ScreenMarkingsProvider>
    </SettingsProvider>,
  );
  const bold = await screen.findByText('Prime Minister', { selector: 'strong' });
  const shown = bold.closest('section');
  expect(shown?.querySelector('p strong')?.textContent).toBe('Prime Minister');
  expect(shown?.querySelector('p em')?.textContent).toBe('Minister of Finance');
  expect(shown?.textContent).not.toContain('**');
  expect([...(shown?.querySelectorAll('ul > li') ?? [])].map((item) => item.textContent)).toEqual([
    'Growth of 5 * 3 per cent*',
    'Reply to desk_officer_name by noon',
  ]);
  // What emphasises nothing stays as typed: no emphasis drawn from it.
  expect(shown?.querySelectorAll('strong, em')).toHaveLength(2);
});

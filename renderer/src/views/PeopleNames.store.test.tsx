// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { PeopleList, PersonView } from './People.tsx';

// A desk's people come from many scripts: a native name is tagged with its own script's language (the browser picks
// the font by it, and a Chinese name drawn with Korean glyph forms, or an Arabic one read out as Korean, is wrong),
// and a person whose title was left blank shows no dangling separator.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

const shown = (view: React.ReactNode) =>
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>{view}</ScreenMarkingsProvider>
    </SettingsProvider>,
  );

function personNamed(name: string): number {
  return (store.db.prepare('SELECT id FROM person WHERE name = ?').get(name) as { id: number }).id;
}

describe('people of every script', () => {
  it('tags a native name with the language of its script, never Korean for Chinese, Arabic or Devanagari', async () => {
    const cases = [
      ['Jens Stoltenberg', '王晓明', 'zh'],
      ['Lee Do Woon', 'فيصل بن عبدالله', 'ar'],
      ['Yoon Suk Yeol', 'विष्णु प्रसाद अधिकारी', null],
    ] as const;
    for (const [name, nativeName, language] of cases) {
      store.db.prepare('UPDATE person SET native_name = ? WHERE name = ?').run(nativeName, name);
      const view = shown(<PersonView id={personNamed(name)} />);
      const native = await screen.findByText(nativeName);
      expect(native.getAttribute('lang')).toBe(language);
      view.unmount();
    }
    const list = shown(<PeopleList />);
    expect((await screen.findByText('王晓明')).getAttribute('lang')).toBe('zh');
    expect(screen.getByText('فيصل بن عبدالله').getAttribute('lang')).toBe('ar');
    list.unmount();
  });

  it('shows a person whose title was left blank without a dangling “·”', async () => {
    store.db.prepare("UPDATE person SET title = '' WHERE name = 'Jens Stoltenberg'").run();
    shown(<PeopleList />);
    const row = (await screen.findByText('Jens Stoltenberg')).closest('li') as HTMLElement;
    expect(row.textContent?.trim()).not.toMatch(/·$/);
    const titled = screen.getByText('Yoon Suk Yeol').closest('li') as HTMLElement;
    expect(titled.textContent).toContain(' · President of the Republic of Korea');
  });
});

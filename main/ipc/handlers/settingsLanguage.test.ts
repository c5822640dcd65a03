import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from './settings.ts';

// A desk on a Korean computer opened a new store in English and had to find the language among English words.
// Until a language is chosen, the store speaks the computer's: what Node and Electron read from the system's locale.

/** The language a fresh store, and the same store once English is chosen, read on a computer set to `lang`. */
function languagesOnComputer(lang: string): { fresh: string; chosen: string } {
  const handlers = path.resolve(import.meta.dirname, 'index.ts');
  const dispatchModule = path.resolve(import.meta.dirname, '../dispatch.ts');
  const testing = path.resolve(import.meta.dirname, '../../../db/testing.ts');
  const script = `
    import { createHandlers } from ${JSON.stringify(handlers)};
    import { createDispatch } from ${JSON.stringify(dispatchModule)};
    import { openScratchDatabase } from ${JSON.stringify(testing)};
    const db = openScratchDatabase(':memory:');
    const dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date() }) });
    const fresh = (await dispatch('settings.get', {})).value.language;
    await dispatch('settings.update', { language: 'en' });
    const chosen = (await dispatch('settings.get', {})).value.language;
    process.stdout.write(JSON.stringify({ fresh, chosen }));`;
  // The computer's locale as a shell sets it: LANG, with no LC_ALL or LC_MESSAGES over it.
  const { LC_ALL, LC_MESSAGES, LANGUAGE, ...env } = process.env;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...env, LANG: lang } });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { fresh: string; chosen: string };
}

describe('the interface language of a store nobody has set one for', () => {
  it('is the computer’s: Korean on a Korean computer, English elsewhere', () => {
    expect(defaultSettings('ko-KR').language).toBe('ko');
    expect(defaultSettings('en-GB').language).toBe('en');
    expect(defaultSettings('und').language).toBe('en');
  });

  it('opens a new store in Korean on a computer set to Korean, and keeps English once the desk chooses it', () => {
    expect(languagesOnComputer('ko_KR.UTF-8')).toEqual({ fresh: 'ko', chosen: 'en' });
    expect(languagesOnComputer('C.UTF-8').fresh).toBe('en');
  });
});

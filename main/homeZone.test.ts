import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../shared/contract.ts';
import { createCore } from './core.ts';
import type { PdfEngine } from './pdf/engine.ts';
import { tempDataDir } from './storeFaults.helpers.ts';

// A laptop that travels: its system zone changes between launches (Oslo, then
// Auckland), but the desk's home capital does not. Every meeting's "home"
// time and a pack's "Prepared" date read the home zone, so it changes only
// when the officer changes it in Settings, whatever else they saved before.

const noPrinting: PdfEngine = {
  name: 'none',
  print: () => Promise.reject(new Error('this test prints nothing')),
  close: async () => undefined,
};

const folders: string[] = [];
const zoneAtStart = process.env.TZ;
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  if (zoneAtStart === undefined) delete process.env.TZ;
  else process.env.TZ = zoneAtStart;
});

/** Launches Sherpa on the data folder with the computer set to `zone`, runs `work`, and quits. */
async function launchIn<T>(dataDir: string, zone: string, work: (settings: Settings, core: ReturnType<typeof createCore>) => Promise<T>) {
  process.env.TZ = zone;
  const core = createCore({ dataDir, engine: noPrinting, dailyBackups: false });
  try {
    const answer = await core.dispatch('settings.get', {});
    if (!answer.ok) throw new Error(answer.error.message);
    return await work(answer.value as Settings, core);
  } finally {
    await core.stop();
  }
}

describe('the home time zone on a laptop that travels', () => {
  it('is the zone of the computer where the desk was set up, and stays it after the computer’s zone changes', async () => {
    const untouched = tempDataDir();
    const themeChanged = tempDataDir();
    folders.push(untouched, themeChanged);

    expect(await launchIn(untouched, 'Europe/Oslo', async (settings) => settings.homeTimeZone)).toBe('Europe/Oslo');
    await launchIn(themeChanged, 'Europe/Oslo', async (_settings, core) => {
      expect((await core.dispatch('settings.update', { theme: 'dark' })).ok).toBe(true);
    });

    // Both desks fly to Auckland: neither officer touched the home zone, so both still show Oslo.
    for (const dataDir of [untouched, themeChanged]) {
      expect(await launchIn(dataDir, 'Pacific/Auckland', async (settings) => settings.homeTimeZone)).toBe('Europe/Oslo');
    }
  });

  it('changes when the officer changes it in Settings, and stays changed at the next launch', async () => {
    const dataDir = tempDataDir();
    folders.push(dataDir);
    await launchIn(dataDir, 'Europe/Oslo', async (_settings, core) => {
      const changed = await core.dispatch('settings.update', { homeTimeZone: 'Pacific/Auckland' });
      expect(changed.ok && (changed.value as Settings).homeTimeZone).toBe('Pacific/Auckland');
    });
    expect(await launchIn(dataDir, 'Europe/Oslo', async (settings) => settings.homeTimeZone)).toBe('Pacific/Auckland');
  });
});

import fs from 'node:fs';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskCard } from '../shared/bundles.ts';
import type { Result } from '../shared/contract.ts';
import { type Core, createCore } from './core.ts';
import { createChromiumEngine } from './pdf/chromiumEngine.ts';
import { tempDataDir } from './storeFaults.helpers.ts';

// Two desks set up on one computer (two officers' stores, or a test desk
// beside the real one) sign every revision with their desk's name: a
// colleague reading a conflict must be able to tell them apart by name.

const folders: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.stop();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
function open(folder = tempDataDir()): { core: Core; folder: string } {
  if (!folders.includes(folder)) folders.push(folder);
  const core = createCore({ dataDir: folder, engine: createChromiumEngine(), dailyBackups: false });
  cores.push(core);
  return { core, folder };
}
const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
};
const cardOf = async (core: Core) => value<DeskCard>(await core.dispatch('desk.card', {})).card;

describe('the name a new desk starts with', () => {
  it('differs between two desks set up on one computer: the computer’s name and the start of each desk’s own fingerprint', async () => {
    const first = await cardOf(open().core);
    const second = await cardOf(open().core);
    for (const card of [first, second]) expect(card.deskName).toBe(`Sherpa on ${os.hostname()} (${card.fingerprint.slice(0, 4)})`);
    expect(first.deskName).not.toBe(second.deskName);
  });

  it('is not given to a desk that has a name already: one named before (the old default) keeps it when opened again', async () => {
    const { core, folder } = open();
    value(await core.dispatch('desk.rename', { deskName: `Sherpa on ${os.hostname()}` }));
    const before = await cardOf(core);
    await cores.splice(0)[0]?.stop();
    const again = await cardOf(open(folder).core);
    expect(again).toEqual(before);
  });
});

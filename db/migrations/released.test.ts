import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from './index.ts';

/**
 * The sha256 of every migration file already shipped. A store that ran a
 * migration never runs it again, so editing a released one leaves stores
 * that differ by when they were created: a change must be a new migration.
 */
const released: Record<string, string> = {
  '0010-initial-schema.ts': '48d1b13d59d5dae567931b4a2b4a9915d3e36ddeab266c4d44dd1c74c8c3f3fd',
  '0020-search-index.ts': '4e4e05bb9cf0e6bf590b55d528dc2c25ffe7b9c82298f5f940bd690ef6b3b97d',
  '0070-view-indexes.ts': 'c190dc1177d3e457b01571eef6efae76eaa4eb13131d23f3646890156d508eed',
  '0080-deferred-note-search.ts': '7f52c1a4ea52dbbb2f0cd2ac2828edf8d861bc84e36f5e0bce5483257463eb62',
  '0100-sample-events-of-their-summit.ts': '2207c5b951ebfe9fab4bf05b09b780b3ee014f97a9620e83d0f8df915480ea0a',
  '0110-note-links.ts': '5f265f7108a6960fab7c3422aa46363b35ad2f686224a10721265df86fe59685',
  '0130-meeting-biographies.ts': '780f5364fa3c2dab202cc9081a9490849509b01b73d09aeffa4600add5565547',
  '0150-note-pending-mark-from-foreign-keys.ts': '33c303501ff577f2860beece9ee243c7abf79674cfe5d28dbdbb15b2ae544c5c',
  '0200-markings.ts': 'b9c2c7dd0d7bb29aa007ef276f194513cd89c9d1266b7deb1593d0ee4db42c33',
  '0250-cjk-search.ts': '2614f01b23090682f2ba88dca60b6f3bfc73464b2e1b81b8991b430df5c37c35',
  '0260-markings-on-timeline-follow-ups-summits.ts': 'fe4ac64dc0973c81fb9532ffaf1059edbef755d9dbea4e79783b0db0a4c8a7f7',
  '0300-id-high-water.ts': '5842382e599b3af7073e7dbd1da95bd81de7ac81e95a1ab9d3f83f0dabfe0165',
  '0400-sync-identity.ts': '98a52f68af84fbcede3df718c1da256f67c14c2f84eafbf8cc088ef0b9cb4fc8',
  '0410-desk-keys.ts': '7a7d35bf9545dc3f42ba4bcfa1d9b6c0fc2ca79dd0e5d6d060266db02cdd8e9d',
  '0420-sync-replication-state.ts': '7782373596cf7abf6c1df61104420690c66260a96550b365b245de7a56209adb',
  '0430-sync-account.ts': '5328d9df466cc5e7dc605c42c4f2ef18a2ffcbf3207138814c2786a2693ce73e',
  '0440-sync-held.ts': '969c02d3da4dcc666e4ab6bf031a9884a75ac1e18b958a6a0d201605ff22412b',
  '0500-sync-undo-keeps-identity.ts': '6de9491cfe88d4d5a79750d06692276c892cd577a02d80084a736a6fe066d3c2',
  '0530-sync-sharing.ts': 'b574fed3a17a06f29beeba79ce2bdd43be1edf8f49762e0e091772e4e90547e2',
  '0540-sync-error-time.ts': '75ec7a22714259267122c7b8b58ba2daa5249bf6e0081b3c987beaaca3da8e3a',
  '0600-sync-branched.ts': '0b81dea5b4fc87cd0132a3008df4a99fc388d57326ab56b6cd3e1e907d45621a',
  '0650-follow-ups-by-meeting.ts': '97c02ac5f6d9577bfd6c8745707d81e0bab71760925f5776af3a8e603681ec5a',
  '0660-search-titles.ts': '8009d9c666dffbf1aaba2ee9fb5a149f6d92fe8ff984ca65c6e2959f799463a3',
  '0670-sector-entries-by-date.ts': '571ebd7d9fc918dff3486a220a89230c6b9eb1de8e58ef35ae91f0940b1ecd9d',
};

// Line endings are normalised so a Windows checkout (core.autocrlf) hashes the same.
const sha256 = (file: string) =>
  createHash('sha256')
    .update(fs.readFileSync(path.join(import.meta.dirname, file), 'utf8').replace(/\r\n/g, '\n'))
    .digest('hex');

describe('released migrations', () => {
  for (const [file, expected] of Object.entries(released)) {
    it(`${file} is byte for byte the file that shipped`, () => {
      expect(sha256(file), `${file} changed after release: add a new migration instead`).toBe(expected);
    });
  }

  it('are all still in the list that runs, in their released order', () => {
    const versions = Object.keys(released).map((file) => Number(file.slice(0, 4)));
    expect(migrations.slice(0, versions.length).map((migration) => migration.version)).toEqual(versions);
  });
});

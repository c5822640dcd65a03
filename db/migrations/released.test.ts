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

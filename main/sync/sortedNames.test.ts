import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { listPeople, people } from '../../db/people.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { exportBundle, importBundle } from './bundle.ts';
import { ensureDeskKeys } from './deskKeys.ts';
import { syncOnce } from './replication.ts';
import { startTestServer } from './testServer.ts';

// A desk works out each name's sort key itself (migration 1590): a person who
// arrives from another desk, by replication or in a bundle, is listed where a
// reader looks for them, and so is one renamed on the other desk.

const names = (db: Db) => listPeople(db).map((person) => person.name);

/** A desk whose people were written as another program might: by SQL that knows nothing of sort keys. */
function deskWithPeople(): Db {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-sorted-')), 'store.sqlite');
  const db = openScratchDatabase(file);
  db.exec(`INSERT INTO person (name) VALUES ('Zoran Milanović'), ('Élysée Martin'), ('ʻAkilisi Pōhiva')`);
  people.insert(db, { name: 'Elgin Abbott' });
  return db;
}

const expected = ['ʻAkilisi Pōhiva', 'Elgin Abbott', 'Élysée Martin', 'Zoran Milanović'];

describe('people from another desk, in the order a reader expects', () => {
  it('lists the people of a bundle by name, and a person renamed in a later bundle where the new name goes', () => {
    const sender = deskWithPeople();
    const senderKeys = ensureDeskKeys(sender, 'Desk A');
    const receiver = openScratchDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-sorted-')), 'store.sqlite'));
    const receiverKeys = ensureDeskKeys(receiver, 'Desk B');

    importBundle(receiver, receiverKeys, exportBundle(sender, senderKeys, 'everything', { recipients: [receiverKeys.card] }), {
      acceptSigner: true,
    });
    expect(names(receiver)).toEqual(expected);

    const zoran = sender.prepare(`SELECT id FROM person WHERE name = 'Zoran Milanović'`).pluck().get() as number;
    people.update(sender, zoran, { name: 'Ōno Taro' });
    importBundle(receiver, receiverKeys, exportBundle(sender, senderKeys, 'everything', { recipients: [receiverKeys.card] }));
    expect(names(receiver)).toEqual(['ʻAkilisi Pōhiva', 'Elgin Abbott', 'Élysée Martin', 'Ōno Taro']);
  });

  it('lists the people replicated from the desk server by name, and a person renamed there where the new name goes', async () => {
    const server = await startTestServer();
    try {
      const account = { url: server.database('sorted-names') };
      const a = deskWithPeople();
      const b = openScratchDatabase();
      await syncOnce(a, account);
      await syncOnce(b, account);
      expect(names(b)).toEqual(expected);

      const zoran = a.prepare(`SELECT id FROM person WHERE name = 'Zoran Milanović'`).pluck().get() as number;
      people.update(a, zoran, { name: 'Ăn Quang' });
      await syncOnce(a, account);
      await syncOnce(b, account);
      expect(names(b)).toEqual(['ʻAkilisi Pōhiva', 'Ăn Quang', 'Elgin Abbott', 'Élysée Martin']);
    } finally {
      await server.stop();
    }
  });
});

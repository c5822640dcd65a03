import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Db } from '../../../db/open.ts';
import type { ContactAddOutcome, DeskCard } from '../../../shared/bundles.ts';
import type { Channel, Request } from '../../../shared/contract.ts';
import { openStore } from '../../store.ts';
import { tempDataDir } from '../../storeFaults.helpers.ts';
import { createDispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';

// The exchange tests each make desks of their own: a store in a fresh data folder, its handlers behind the one
// dispatch, and a bundle folder of its own, removed after each test.

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

export interface ExchangeDesk {
  db: Db;
  dataDir: string;
  /** The answer of a channel that must succeed; a refusal fails the test with its message. */
  ok<T>(channel: Channel, request: Request<typeof channel>): Promise<T>;
}

/** A desk with its own store, on the tests' fixed clock. */
export function exchangeDesk(): ExchangeDesk {
  const dataDir = tempDataDir();
  folders.push(dataDir);
  const { db } = openStore(dataDir);
  const dispatch = createDispatch({
    db,
    handlers: createHandlers({
      db,
      clock: () => new Date('2026-12-01T10:00:00Z'),
      exchange: { exportsDir: path.join(dataDir, 'exports') },
    }),
  });
  const ok = async <T>(channel: Channel, request: Request<typeof channel>) => {
    const result = await dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
  return { db, dataDir, ok };
}

/** Two desks that have each added the other's card, as colleagues do before their first bundle; with their cards. */
export async function desksKnowingEachOther(): Promise<{ a: ExchangeDesk; b: ExchangeDesk; cardA: DeskCard; cardB: DeskCard }> {
  const a = exchangeDesk();
  const b = exchangeDesk();
  const cardA = await a.ok<DeskCard>('desk.card', {});
  const cardB = await b.ok<DeskCard>('desk.card', {});
  await a.ok<ContactAddOutcome>('contact.add', { text: cardB.text });
  await b.ok<ContactAddOutcome>('contact.add', { text: cardA.text });
  return { a, b, cardA, cardB };
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db/open.ts';
import { loadSampleIfEmpty } from '../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../db/testing.ts';
import { createDispatch } from '../main/ipc/dispatch.ts';
import { createHandlers } from '../main/ipc/handlers/index.ts';
import type { ChangeEvent, Channel, Request, Result } from '../shared/contract.ts';

/** A store in a real SQLite file, holding the sample briefing, called through the one dispatch as a page calls it. */
export interface FileStore {
  db: Db;
  changes: ChangeEvent[];
  /** Sent as a hostile page could send it: any shape, to any channel. */
  send(channel: string, request: unknown): Promise<Result<unknown>>;
  call<K extends Channel>(channel: K, request: Request<K>): Promise<Result<unknown>>;
  close(): void;
}

export function openFileStore(): FileStore {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-hostile-'));
  const db = openScratchDatabase(path.join(folder, 'sherpa.sqlite'));
  loadSampleIfEmpty(db);
  const changes: ChangeEvent[] = [];
  const dispatch = createDispatch({
    db,
    handlers: createHandlers({ db, clock: () => new Date('2026-12-01T10:00:00Z') }),
    onChange: (event) => changes.push(event),
  });
  const send = (channel: string, request: unknown) => dispatch(channel as Channel, request as never);
  return {
    db,
    changes,
    send,
    call: (channel, request) => send(channel, request),
    close() {
      db.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

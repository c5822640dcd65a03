import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { setSharedSummitDocs, writeSyncAccount } from '../../db/sync/account.ts';
import { syncPrepare } from '../../db/sync/pendingNotes.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { Touched } from '../../shared/contract.ts';
import { databaseName, databaseUrl, summitsAtOnce } from './replication.ts';
import { DeskReplicator } from './replicator.ts';
import { startTestServer } from './testServer.ts';

const notes = (db: Db) => db.prepare('SELECT body FROM note ORDER BY body').pluck().all();
const summitDoc = (db: Db, id: number) =>
  syncPrepare(db, `SELECT doc_id FROM sync_doc WHERE entity = 'summit' AND row_key = ?`).pluck().get(String(id)) as string;
let desks = 0;
/** The test server keeps its databases for the life of the process: each test names its own. */
const prefix = () => `t${process.pid}-${++desks}`;

/** Two summits on one desk: Vilnius (1), which it shares, and Washington (2), which it does not. */
function deskWithTwoSummits(): Db {
  const db = openScratchDatabase();
  db.exec(`
    INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES
      (1, 'Vilnius Summit', '2023-07-11', '2023-07-12', 'Europe/Vilnius'),
      (2, 'Washington Summit', '2024-07-09', '2024-07-11', 'America/New_York');
    INSERT INTO person (id, name) VALUES (1, 'Jens Stoltenberg');
    INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES
      (1, 1, 'Stoltenberg–Yoon', 'bilateral', '2023-07-11T09:00:00Z', 'Europe/Vilnius'),
      (2, 2, 'Washington bilateral', 'bilateral', '2024-07-09T14:00:00Z', 'America/New_York');
    INSERT INTO meeting_participant (meeting_id, person_id, side) VALUES (1, 1, 'theirs'), (2, 1, 'theirs');
    INSERT INTO note (meeting_id, title, body) VALUES (1, 'Ask', 'Raise the ITPP sectors');
    INSERT INTO note (meeting_id, title, body) VALUES (2, 'Ask', 'Washington only: not for the Vilnius team');
    INSERT INTO follow_up (meeting_id, description) VALUES (2, 'Washington follow-up');
    INSERT INTO timeline_event (occurred_on, title, summit_id) VALUES ('2024-07-09', 'Washington opens', 2);
    INSERT INTO note (title, body) VALUES ('Mine', 'A free-standing note stays on this desk');
  `);
  return db;
}

describe('background replication', () => {
  it('shares only the chosen summit: the other summit never reaches the server or the colleague', async () => {
    const server = await startTestServer();
    const a = deskWithTwoSummits();
    const b = openScratchDatabase();
    const databasePrefix = prefix();
    for (const desk of [a, b]) writeSyncAccount(desk, { url: server.url, username: '', passwordSealed: '', databasePrefix });
    setSharedSummitDocs(a, [summitDoc(a, 1)]);
    const pulled: Touched[] = [];
    const deskA = new DeskReplicator(a, { intervalMs: 3_600_000 });
    const deskB = new DeskReplicator(b, { intervalMs: 3_600_000, onPulled: (touched) => pulled.push(...touched) });
    try {
      deskA.start();
      expect(await deskA.nudge()).toMatchObject({ state: 'up-to-date', waiting: 0 });
      deskB.start();
      await deskB.nudge();
      // The reference database brings desk B nothing of either summit (2750); B joins the shared one by its id.
      expect(b.prepare('SELECT title FROM summit').pluck().all()).toEqual([]);
      setSharedSummitDocs(b, [summitDoc(a, 1)]);
      await deskB.nudge();
      expect(b.prepare('SELECT title FROM summit').pluck().all()).toEqual(['Vilnius Summit']);
      expect(pulled).toContainEqual(expect.objectContaining({ entity: 'summit', how: 'created' }));
      expect(b.prepare('SELECT title FROM meeting').pluck().all()).toEqual(['Stoltenberg–Yoon']);
      expect(notes(b)).toEqual(['Raise the ITPP sectors']);
      expect(pulled).toContainEqual(expect.objectContaining({ entity: 'meeting', how: 'created' }));
      const everything = syncPrepare(b, 'SELECT group_concat(body) FROM sync_rev').pluck().get() as string;
      expect(everything).not.toMatch(/Washington|free-standing/);

      // The server: no database for Washington at all, and nothing of it in the reference database.
      const washington = await fetch(databaseUrl({ baseUrl: server.url, databasePrefix }, summitDoc(a, 2)));
      expect(washington.status).toBe(404);
      const reference = (await (
        await fetch(`${databaseUrl({ baseUrl: server.url, databasePrefix }, 'reference')}/_all_docs?include_docs=true`)
      ).json()) as { rows: { id: string; doc: Record<string, unknown> }[] };
      expect(reference.rows.map((row) => row.id.split(':')[0]).sort()).toEqual(['person']);
      expect(JSON.stringify(reference.rows)).not.toMatch(/Washington/);
    } finally {
      await deskA.stop();
      await deskB.stop();
      await server.stop();
    }
  });

  it('shows its state, survives the server going away, and catches up when it comes back', async () => {
    let server = await startTestServer();
    const a = deskWithTwoSummits();
    const b = openScratchDatabase();
    const databasePrefix = prefix();
    for (const desk of [a, b]) {
      writeSyncAccount(desk, { url: server.url, username: '', passwordSealed: '', databasePrefix });
      setSharedSummitDocs(desk, [summitDoc(a, 1)]);
    }
    const deskA = new DeskReplicator(a, { intervalMs: 3_600_000 });
    const deskB = new DeskReplicator(b, { intervalMs: 3_600_000 });
    try {
      expect(deskA.status().state).toBe('off');
      deskA.start();
      deskB.start();
      expect(await deskA.nudge()).toMatchObject({ state: 'up-to-date', waiting: 0, lastError: null });
      await deskB.nudge();
      expect(notes(b)).toEqual(['Raise the ITPP sectors']);

      await server.stop();
      a.exec(`INSERT INTO note (meeting_id, title, body) VALUES (1, 'Ask', 'Typed while the server was away')`);
      // A free-standing note is not waiting for anything: it never leaves this desk.
      a.exec(`INSERT INTO note (title, body) VALUES ('Mine', 'Also mine only')`);
      const offline = await deskA.nudge();
      expect(offline).toMatchObject({ state: 'error', waiting: 1, lastError: { kind: 'unreachable' } });

      server = await startTestServer(server.port, server.serverNumber);
      expect(await deskA.nudge()).toMatchObject({ state: 'up-to-date', waiting: 0, lastError: null });
      await deskB.nudge();
      expect(notes(b)).toEqual(['Raise the ITPP sectors', 'Typed while the server was away']);
      expect(deskB.status()).toMatchObject({ state: 'up-to-date', waiting: 0 });
    } finally {
      await deskA.stop();
      await deskB.stop();
      await server.stop();
    }
  });

  it('moves a meeting to another summit with its participants, follow-ups and notes, to a colleague sharing only that one', async () => {
    const server = await startTestServer();
    const a = deskWithTwoSummits();
    a.exec(`INSERT INTO follow_up (meeting_id, description) VALUES (1, 'Send the ITPP text')`);
    const b = openScratchDatabase();
    const databasePrefix = prefix();
    for (const desk of [a, b]) writeSyncAccount(desk, { url: server.url, username: '', passwordSealed: '', databasePrefix });
    setSharedSummitDocs(a, [summitDoc(a, 1), summitDoc(a, 2)]);
    setSharedSummitDocs(b, [summitDoc(a, 2)]);
    const deskA = new DeskReplicator(a, { intervalMs: 3_600_000 });
    const deskB = new DeskReplicator(b, { intervalMs: 3_600_000 });
    const meetings = (db: Db) => db.prepare('SELECT title FROM meeting ORDER BY title').pluck().all();
    try {
      deskA.start();
      expect(await deskA.nudge()).toMatchObject({ state: 'up-to-date' });
      deskB.start();
      expect(await deskB.nudge()).toMatchObject({ state: 'up-to-date' });
      expect(meetings(b)).toEqual(['Washington bilateral']);
      expect(notes(b)).toEqual(['Washington only: not for the Vilnius team']);

      // The Vilnius bilateral is moved to Washington: only the meeting has a new revision, what hangs on it follows.
      a.exec('UPDATE meeting SET summit_id = 2 WHERE id = 1');
      // (Each desk's listener may start another round meanwhile: the records, not the state line, are what is checked.)
      expect(await deskA.nudge()).toMatchObject({ lastError: null });
      expect(await deskB.nudge()).toMatchObject({ lastError: null });
      expect(meetings(b)).toEqual(['Stoltenberg–Yoon', 'Washington bilateral']);
      expect(notes(b)).toEqual(['Raise the ITPP sectors', 'Washington only: not for the Vilnius team']);
      expect(b.prepare('SELECT count(*) FROM meeting_participant').pluck().get()).toBe(2);
      expect(b.prepare('SELECT description FROM follow_up ORDER BY description').pluck().all()).toEqual([
        'Send the ITPP text',
        'Washington follow-up',
      ]);
    } finally {
      await deskA.stop();
      await deskB.stop();
      await server.stop();
    }
  });

  it('pulls many summits at once into an empty desk, never calling what it receives "waiting to be sent"', async () => {
    const server = await startTestServer();
    const a = openScratchDatabase();
    // More summits than are replicated at once, each with a meeting, its participant and notes, all shared.
    const summits = summitsAtOnce * 2 + 1;
    a.exec(`
      INSERT INTO person (id, name) VALUES (1, 'Jens Stoltenberg');
      WITH RECURSIVE counted (value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM counted WHERE value < ${summits})
        INSERT INTO summit (id, title, start_date, end_date, time_zone)
          SELECT value, 'Summit ' || value, '2024-07-09', '2024-07-11', 'America/New_York' FROM counted;
      INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone)
        SELECT id, id, 'Bilateral ' || id, 'bilateral', '2024-07-09T14:00:00Z', 'America/New_York' FROM summit;
      INSERT INTO meeting_participant (meeting_id, person_id, side) SELECT id, 1, 'theirs' FROM meeting;
      INSERT INTO note (meeting_id, title, body) SELECT id, 'Ask', 'Raise point ' || id FROM meeting;
      INSERT INTO note (meeting_id, title, body) SELECT id, 'Line', 'Hold line ' || id FROM meeting;
    `);
    const b = openScratchDatabase();
    const databasePrefix = prefix();
    const shared = (syncPrepare(a, `SELECT doc_id FROM sync_doc WHERE entity = 'summit'`).pluck().all() as string[]).sort();
    for (const desk of [a, b]) {
      writeSyncAccount(desk, { url: server.url, username: '', passwordSealed: '', databasePrefix });
      setSharedSummitDocs(desk, shared);
    }
    const seenMidPull: { state: string; waiting: number }[] = [];
    const deskA = new DeskReplicator(a, { intervalMs: 3_600_000 });
    const deskB: DeskReplicator = new DeskReplicator(b, {
      intervalMs: 3_600_000,
      // Read after each merged batch, as the settings panel would while the pull runs.
      onPulled: () => {
        const { state, waiting } = deskB.status();
        seenMidPull.push({ state, waiting });
      },
    });
    try {
      expect(await deskA.start()).toMatchObject({ state: 'up-to-date', waiting: 0 });
      expect(await deskB.start()).toMatchObject({ state: 'up-to-date', waiting: 0, lastError: null });
      expect(b.prepare('SELECT count(*) FROM meeting').pluck().get()).toBe(summits);
      expect(b.prepare('SELECT count(*) FROM meeting_participant').pluck().get()).toBe(summits);
      expect(notes(b)).toEqual(notes(a));
      expect(seenMidPull.length).toBeGreaterThan(summits);
      expect(seenMidPull).toEqual(seenMidPull.map(() => ({ state: 'syncing', waiting: 0 })));

      // A note typed on desk B afterwards is waiting until the next round sends it.
      await deskB.stop();
      b.exec(`UPDATE note SET body = 'Typed on desk B' WHERE body = 'Raise point 1'`);
      expect(deskB.status()).toMatchObject({ state: 'off' });
      const resumed = deskB.start();
      expect(deskB.status()).toMatchObject({ state: 'syncing', waiting: 1 });
      expect(await resumed).toMatchObject({ state: 'up-to-date', waiting: 0 });
    } finally {
      await deskA.stop();
      await deskB.stop();
      await server.stop();
    }
  });

  it('refuses a server that is not on this machine and not over TLS, and says why', async () => {
    const a = openScratchDatabase();
    writeSyncAccount(a, { url: 'http://couch.desk.example/', username: 'officer', passwordSealed: '' });
    const desk = new DeskReplicator(a, { intervalMs: 3_600_000 });
    desk.start();
    try {
      expect(await desk.nudge()).toMatchObject({ state: 'error', lastError: { kind: 'not-tls', detail: expect.stringMatching(/https/) } });
    } finally {
      await desk.stop();
    }
  });
});

describe('a server that will not let this user in', () => {
  /** A CouchDB on 127.0.0.1 answering every request with `status` and CouchDB's own words, as an officer's account hears them. */
  async function couchAnswering(status: number, error: string, reason: string): Promise<{ url: string; stop: () => Promise<void> }> {
    const server = http.createServer((request, response) => {
      // PouchDB asks whether the database exists before it tries to create it.
      const [code, body] =
        request.method === 'GET' && status !== 403
          ? [404, { error: 'not_found', reason: 'Database does not exist.' }]
          : [status, { error, reason }];
      response.writeHead(code, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  it('names the database the administrator must create or open to this user, and blames the password only when it is the password', async () => {
    const cases = [
      { answer: [401, 'unauthorized', 'You are not a server admin.'], kind: 'no-access' },
      { answer: [403, 'forbidden', 'You are not allowed to access this db.'], kind: 'no-access' },
      { answer: [401, 'unauthorized', 'Name or password is incorrect.'], kind: 'refused' },
    ] as const;
    for (const { answer, kind } of cases) {
      const couch = await couchAnswering(answer[0], answer[1], answer[2]);
      const a = openScratchDatabase();
      writeSyncAccount(a, { url: couch.url, username: '', passwordSealed: '', databasePrefix: 'sherpa' });
      const desk = new DeskReplicator(a, { intervalMs: 3_600_000 });
      desk.start();
      try {
        const status = await desk.nudge();
        expect(status.lastError?.kind, answer[2]).toBe(kind);
        if (kind === 'no-access') expect(status.lastError?.detail).toBe('sherpa-reference');
      } finally {
        await desk.stop();
        await couch.stop();
      }
    }
  });
});

describe('the time of the last error', () => {
  it('is the time of the round that failed, not of the last good one', async () => {
    const server = await startTestServer();
    const a = openScratchDatabase();
    writeSyncAccount(a, { url: server.url, username: '', passwordSealed: '', databasePrefix: prefix() });
    let now = new Date('2026-12-01T09:00:00Z');
    const desk = new DeskReplicator(a, { intervalMs: 3_600_000, now: () => now });
    desk.start();
    try {
      expect(await desk.nudge()).toMatchObject({ state: 'up-to-date', lastSyncedAt: '2026-12-01T09:00:00.000Z' });
      await server.stop();
      now = new Date('2026-12-01T11:30:00Z');
      expect(await desk.nudge()).toMatchObject({
        state: 'error',
        lastSyncedAt: '2026-12-01T09:00:00.000Z',
        lastError: { kind: 'unreachable', at: '2026-12-01T11:30:00.000Z' },
      });
    } finally {
      await desk.stop();
    }
  });
});

describe('an address that is not a CouchDB server', () => {
  it('says so, instead of the parser’s words about the web page it answered', async () => {
    const page = http.createServer((_request, response) => {
      response.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body>Not Found</body></html>');
    });
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    const a = openScratchDatabase();
    writeSyncAccount(a, { url: `http://127.0.0.1:${(page.address() as AddressInfo).port}`, username: '', passwordSealed: '' });
    const desk = new DeskReplicator(a, { intervalMs: 3_600_000 });
    desk.start();
    try {
      const status = await desk.nudge();
      expect(status.lastError?.kind).toBe('not-couchdb');
      expect(status.lastError?.detail).not.toMatch(/JSON|token/);
    } finally {
      await desk.stop();
      page.closeAllConnections();
      await new Promise<void>((resolve) => page.close(() => resolve()));
    }
  });
});

describe('an answer cut short', () => {
  // The desk's server stopped mid-round (its service restarted, a proxy gave up): the answer ended half-way through
  // its JSON. The state line said "the server answered: Unexpected end of JSON input", the parser's English words
  // in a Korean window too, and the round was taken for a fault of this desk's rather than a server away.
  it('says the server cannot be reached, as for a server away, not the parser’s words', async () => {
    const halfAnswer = http.createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"db_name":"sherpa-reference","doc_count":');
    });
    await new Promise<void>((resolve) => halfAnswer.listen(0, '127.0.0.1', resolve));
    const a = openScratchDatabase();
    writeSyncAccount(a, { url: `http://127.0.0.1:${(halfAnswer.address() as AddressInfo).port}`, username: '', passwordSealed: '' });
    const logged: unknown[] = [];
    const desk = new DeskReplicator(a, { intervalMs: 3_600_000, logError: (error) => logged.push(error) });
    desk.start();
    try {
      const status = await desk.nudge();
      expect(status.lastError?.kind).toBe('unreachable');
      expect(status.lastError?.detail).not.toMatch(/JSON|token/);
      expect(logged).toEqual([]);
    } finally {
      await desk.stop();
      halfAnswer.closeAllConnections();
      await new Promise<void>((resolve) => halfAnswer.close(() => resolve()));
    }
  });
});

describe('a plain-text page that starts like a number', () => {
  it('is no CouchDB server, not a server away', async () => {
    // A mistyped port reaching another service: "404 page not found" parses as far as 404.
    const other = http.createServer((_request, response) => {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const a = openScratchDatabase();
    writeSyncAccount(a, { url: `http://127.0.0.1:${(other.address() as AddressInfo).port}`, username: '', passwordSealed: '' });
    const desk = new DeskReplicator(a, { intervalMs: 3_600_000 });
    desk.start();
    try {
      const status = await desk.nudge();
      expect(status.lastError?.kind).toBe('not-couchdb');
    } finally {
      await desk.stop();
      other.closeAllConnections();
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});

describe('a summit database the officer may not open', () => {
  it('still syncs the other shared summits, and names the one refused', async () => {
    const server = await startTestServer();
    const a = deskWithTwoSummits();
    const databasePrefix = prefix();
    const summits = [summitDoc(a, 1), summitDoc(a, 2)].sort();
    // The database replicated first is the one refused: without going on, the other would never sync.
    const [refused, allowed] = summits.map((docId) => databaseName(databasePrefix, docId)) as [string, string];
    const proxy = http.createServer((request, response) => {
      if (request.url?.includes(refused)) {
        response.writeHead(403, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ error: 'forbidden', reason: 'You are not allowed to access this db.' }));
        return;
      }
      const upstream = http.request(
        { host: '127.0.0.1', port: server.port, path: request.url, method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      request.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    writeSyncAccount(a, {
      url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      username: '',
      passwordSealed: '',
      databasePrefix,
    });
    setSharedSummitDocs(a, summits);
    const desk = new DeskReplicator(a, { intervalMs: 3_600_000 });
    desk.start();
    try {
      expect(await desk.nudge()).toMatchObject({ state: 'error', lastError: { kind: 'no-access', detail: refused } });
      const onServer = (await (await fetch(`${server.url}/${allowed}/_all_docs`)).json()) as { rows?: unknown[] };
      expect(onServer.rows?.length ?? 0).toBeGreaterThan(0);
    } finally {
      await desk.stop();
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await server.stop();
    }
  });
});

describe('listening to the server', () => {
  it('pulls a colleague’s edit as soon as the server has it, with no save or timer on this desk', async () => {
    const server = await startTestServer();
    const a = deskWithTwoSummits();
    const b = openScratchDatabase();
    const databasePrefix = prefix();
    for (const desk of [a, b]) {
      writeSyncAccount(desk, { url: server.url, username: '', passwordSealed: '', databasePrefix });
      setSharedSummitDocs(desk, [summitDoc(a, 1)]);
    }
    let arrived: (touched: Touched[]) => void = () => undefined;
    const deskA = new DeskReplicator(a, { intervalMs: 3_600_000 });
    const deskB = new DeskReplicator(b, { intervalMs: 3_600_000, onPulled: (touched) => arrived(touched) });
    try {
      deskA.start();
      await deskA.nudge();
      deskB.start();
      await deskB.nudge();
      expect(notes(b)).toEqual(['Raise the ITPP sectors']);

      const pulled = new Promise<Touched[]>((resolve) => {
        arrived = resolve;
      });
      const saved = performance.now();
      a.exec(`UPDATE note SET body = 'Edited on desk A' WHERE body = 'Raise the ITPP sectors'`);
      await deskA.nudge();
      expect(await pulled).toContainEqual(expect.objectContaining({ entity: 'note', how: 'updated' }));
      const seenAfterMs = performance.now() - saved;
      expect(notes(b)).toEqual(['Edited on desk A']);
      console.log(`An edit on desk A was in desk B's store ${seenAfterMs.toFixed(0)} ms after it was saved`);
    } finally {
      await deskA.stop();
      await deskB.stop();
      await server.stop();
    }
  });
});

import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxRequestBytes } from '../../shared/limits.ts';
import { type Harness, startFilesOf, startHarness } from './server.ts';

// The loopback harness on a real store, spoken to over raw sockets the way a
// hostile page or program could: every malformed request gets an error
// status, and the server answers a normal call afterwards.

let harness: Harness;
let port: number;
let origin: string;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-harness-'));

beforeAll(async () => {
  const rendererDir = path.join(folder, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Sherpa</title></head><body></body></html>');
  harness = await startHarness({ dataDir: path.join(folder, 'data'), rendererDir });
  origin = new URL(harness.url).origin;
  port = Number(new URL(harness.url).port);
});
afterAll(async () => {
  await harness.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

interface RawAnswer {
  status: number;
  body: string;
  /** Bytes of the request body written before the answer came. */
  sentBeforeAnswer: number;
}

/** Writes `head` (and then `body`, in chunks, while no answer has come) and reads the answer's status line and body. */
function raw(head: string, body: Buffer | null = null): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    let sent = 0;
    let answeredAt = -1;
    socket.on('data', (chunk: Buffer) => {
      if (answeredAt < 0) answeredAt = sent;
      received += chunk.toString('latin1');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close its side while a refused body is still being written.
      if (answeredAt < 0) reject(error);
    });
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      const text = received.slice(received.indexOf('\r\n\r\n') + 4);
      resolve({ status, body: text, sentBeforeAnswer: answeredAt });
    });
    socket.write(head);
    if (!body) return;
    const step = 64 * 1024;
    // One chunk per turn of the event loop, so an answer that has come is read
    // before the next write: written in one loop, a write after the server had
    // closed could fail with EPIPE and drop the unread answer (CI of 85b1b8e).
    const pump = () => {
      if (socket.destroyed || answeredAt >= 0) return;
      if (sent >= body.length) return void socket.write('0\r\n\r\n');
      const chunk = body.subarray(sent, sent + step);
      sent += chunk.length;
      if (socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString('latin1')}\r\n`, 'latin1')) setImmediate(pump);
      else socket.once('drain', pump);
    };
    pump();
  });
}

const request = (line: string, headers: Record<string, string | number> = {}, body = '') =>
  raw(
    `${line}\r\n${Object.entries({ host: `127.0.0.1:${port}`, connection: 'close', ...headers })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('')}\r\n${body}`,
  );

async function normalCallWorks(): Promise<void> {
  const answer = await request('POST /rpc/summit.list HTTP/1.1', { 'x-sherpa-token': harness.token, 'content-length': 2, origin }, '{}');
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
}

describe('the page the harness serves', () => {
  it('is marked as the web target, the only thing that lets the renderer use the loopback bridge', async () => {
    const answer = await request('GET /index.html HTTP/1.1');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<meta name="sherpa-bridge" content="loopback" />');
  });
});

describe('the loopback harness under malformed requests', () => {
  it.each([
    ['an absolute URL that does not parse', 'GET http://[ HTTP/1.1', {}, ''],
    ['a path that reads as a host', 'GET //a:b HTTP/1.1', {}, ''],
    ['a channel with a broken escape, with the token', 'POST /rpc/% HTTP/1.1', { 'content-length': 2 }, '{}'],
    ['a URL with a stray escape in the query', 'GET /events?token=%E0%A4%A HTTP/1.1', {}, ''],
  ])('answers %s with an error status and keeps serving', async (_name, line, headers, body) => {
    const answer = await request(line, { 'x-sherpa-token': harness.token, ...headers }, body);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    await normalCallWorks();
  });

  it('refuses the right token from a foreign Origin', async () => {
    const answer = await request(
      'POST /rpc/summit.list HTTP/1.1',
      { 'x-sherpa-token': harness.token, origin: 'http://evil.example', 'content-length': 2 },
      '{}',
    );
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('"ok":true');
    const stream = await request(`GET /events?token=${harness.token} HTTP/1.1`, { origin: 'http://evil.example' });
    expect(stream.status).toBe(403);
    await normalCallWorks();
  });

  it('refuses a body declared larger than the contract allows with too_large, before a byte of it is sent', async () => {
    const answer = await request('POST /rpc/note.save HTTP/1.1', {
      'x-sherpa-token': harness.token,
      origin,
      'content-type': 'application/json',
      'content-length': 17 * 1024 * 1024,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'too_large' } });
    await normalCallWorks();
  });

  it('refuses a streamed body once it passes the limit, answering before the sender has finished', async () => {
    const body = Buffer.alloc(16 * maxRequestBytes, 'a');
    const head = `POST /rpc/note.save HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\nx-sherpa-token: ${harness.token}\r\ntransfer-encoding: chunked\r\n\r\n`;
    const answer = await raw(head, body);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'too_large' } });
    // The answer came while most of the body was still unsent: it was never gathered whole.
    expect(answer.sentBeforeAnswer).toBeLessThan(body.length / 2);
    await normalCallWorks();
  });

  it('gives a short refusal to a payload of 100,000 unknown keys that fits the size limit', async () => {
    const keys = Object.fromEntries(Array.from({ length: 100_000 }, (_, index) => [index.toString(36), 0]));
    const body = JSON.stringify({ id: 1, ...keys });
    expect(Buffer.byteLength(body)).toBeLessThan(maxRequestBytes);
    const answer = await request(
      'POST /rpc/pack.get HTTP/1.1',
      { 'x-sherpa-token': harness.token, origin, 'content-length': Buffer.byteLength(body) },
      body,
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(answer.body.length).toBeLessThan(300);
    await normalCallWorks();
  });
});

describe('a request body that is not UTF-8', () => {
  // A tool writing Latin-1 sent "José" as J o s 0xE9: decoded leniently, the person was saved as "Jos\uFFFD", unseen.
  it('is refused as not UTF-8, and nothing is saved', async () => {
    const send = (body: Uint8Array) =>
      fetch(new URL('/rpc/person.create', harness.url), {
        method: 'POST',
        headers: { 'x-sherpa-token': harness.token, 'content-type': 'application/json' },
        body,
      }).then((response) => response.json() as Promise<{ ok: boolean; error?: { code: string } }>);
    const person = (name: string) =>
      JSON.stringify({ name, nativeName: '', title: '', countryId: null, biography: '', classification: '', sourceId: null });
    const [before, after] = person('José Manuel').split('é');
    const latin1 = Buffer.concat([Buffer.from(before ?? ''), Buffer.from([0xe9]), Buffer.from(after ?? '')]);
    expect(await send(latin1)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const listed = await fetch(new URL('/rpc/person.list', harness.url), {
      method: 'POST',
      headers: { 'x-sherpa-token': harness.token, 'content-type': 'application/json' },
      body: '{}',
    }).then((response) => response.json() as Promise<{ value: { name: string }[] }>);
    expect(listed.value.filter((each) => each.name.startsWith('Jos'))).toEqual([]);
    // The same text in UTF-8 is taken.
    expect(await send(Buffer.from(person('José Manuel')))).toMatchObject({ ok: true });
  });
});

describe('the harness behind the lock', () => {
  const rpc = async (served: Harness, channel: string, payload: unknown) => {
    const response = await fetch(new URL(`/rpc/${channel}`, served.url), {
      method: 'POST',
      headers: { 'x-sherpa-token': served.token, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
  };

  it('by default opens its store unencrypted and unlocked; with `encrypted` it starts locked until a passphrase is set', async () => {
    expect(await rpc(harness, 'session.status', {})).toEqual({
      ok: true,
      value: { locked: false, keysSet: false, plaintextLeftovers: [], askAtStart: false, keychainProtects: false },
    });
    expect((await rpc(harness, 'summit.list', {})).ok).toBe(true);

    const lockedFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-harness-locked-'));
    const locked = await startHarness({ dataDir: lockedFolder, rendererDir: path.join(folder, 'renderer'), encrypted: true });
    try {
      expect(await rpc(locked, 'summit.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
      expect(await rpc(locked, 'session.setup', { passphrase: 'correct horse battery' })).toMatchObject({ ok: true });
      expect((await rpc(locked, 'summit.list', {})).ok).toBe(true);
      expect(fs.readFileSync(locked.dbFile).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    } finally {
      await locked.close();
      fs.rmSync(lockedFolder, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the files a page starts with', () => {
  it('are the module script, the preloaded modules, the plain scripts and the style sheets index.html names, each as it loads them, not its icon', () => {
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-start-files-'));
    try {
      fs.writeFileSync(
        path.join(rendererDir, 'index.html'),
        `<!doctype html><html><head>
        <link rel="icon" href="./favicon.svg" type="image/svg+xml" />
        <script src="./intlEarly.js" async></script>
        <script type="module" crossorigin src="./assets/index-A1.js"></script>
        <link rel="modulepreload" crossorigin href="./assets/SettingsContext-B2.js">
        <link rel="stylesheet" crossorigin href="./assets/index-C3.css">
        </head><body><div id="root"></div></body></html>`,
      );
      expect(startFilesOf(rendererDir)).toEqual([
        { file: 'intlEarly.js', as: 'script' },
        { file: 'assets/index-A1.js', as: 'module' },
        { file: 'assets/SettingsContext-B2.js', as: 'module' },
        { file: 'assets/index-C3.css', as: 'style' },
      ]);
      expect(startFilesOf(path.join(rendererDir, 'missing'))).toEqual([]);
    } finally {
      fs.rmSync(rendererDir, { recursive: true, force: true });
    }
  });

  it("are named in the page answer's Link header, each as the page loads it, so the browser asks for them at once", async () => {
    const pageFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-start-link-'));
    const rendererDir = path.join(pageFolder, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(rendererDir, 'index.html'),
      `<!doctype html><html><head>
      <script src="./intlEarly.js" async></script>
      <script type="module" crossorigin src="./assets/index-A1.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/SettingsContext-B2.js">
      <link rel="stylesheet" crossorigin href="./assets/index-C3.css">
      </head><body><div id="root"></div></body></html>`,
    );
    for (const name of ['index-A1.js', 'SettingsContext-B2.js', 'index-C3.css'])
      fs.writeFileSync(path.join(rendererDir, 'assets', name), '/* */');
    fs.writeFileSync(path.join(rendererDir, 'intlEarly.js'), '/* */');
    const served = await startHarness({ dataDir: path.join(pageFolder, 'data'), rendererDir });
    try {
      const page = await fetch(served.url);
      expect(page.status).toBe(200);
      const link = page.headers.get('link') ?? '';
      expect(link.split(', ')).toEqual([
        // A plain script is preloaded as one, without crossorigin: a module's request would not match its tag's.
        '</intlEarly.js>; rel=preload; as=script',
        '</assets/index-A1.js>; rel=modulepreload; crossorigin',
        '</assets/SettingsContext-B2.js>; rel=modulepreload; crossorigin',
        '</assets/index-C3.css>; rel=preload; as=style; crossorigin',
      ]);
      // Each file named is one the harness serves, at that address.
      for (const target of link.matchAll(/<([^>]+)>/g)) {
        expect((await fetch(new URL(target[1] ?? '', served.url))).status).toBe(200);
      }
    } finally {
      await served.close();
      fs.rmSync(pageFolder, { recursive: true, force: true });
    }
  }, 60_000);
});

import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contentTypeOf, resolveAppPath } from '../../main/appProtocol.ts';
import { backupFolder } from '../../main/backups.ts';
import { createDispatch, type Dispatch } from '../../main/ipc/dispatch.ts';
import { createHandlers, type HandlerDeps } from '../../main/ipc/handlers/index.ts';
import { describeForLog } from '../../main/logText.ts';
import { createChromiumEngine } from '../../main/pdf/chromiumEngine.ts';
import { contentSecurityPolicy } from '../../main/security.ts';
import { createLockableDispatch } from '../../main/session/lockable.ts';
import { storeOpener } from '../../main/session/storeOpener.ts';
import { openStore, storeFileName } from '../../main/store.ts';
import type { ChangeEvent } from '../../shared/contract.ts';

export interface HarnessOptions {
  dataDir: string;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Starts locked over an encrypted store (set up through the page on first run), as the desktop app does. */
  encrypted?: boolean;
}

export interface Harness {
  url: string;
  token: string;
  dbFile: string;
  close(): Promise<void>;
}

const maxBody = 16 * 1024 * 1024;

/**
 * The web target: the built renderer served on 127.0.0.1 with the same
 * dispatch and a real SQLite file behind it. Stands in for Electron's IPC,
 * so the e2e specs and a person with a browser see the real app.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const pdfEngine = createChromiumEngine();
  const listeners = new Set<http.ServerResponse>();
  const broadcast = (event: ChangeEvent) => {
    for (const listener of listeners) listener.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  // The web target prints with Chromium and writes packs into the data folder.
  const pdf = { engine: pdfEngine, exportsDir: path.join(options.dataDir, 'exports') };
  const logError = (channel: string, error: unknown) => console.error(`[harness] ${channel}`, describeForLog(error));
  const { dispatch, dbFile, closeStore } = options.encrypted
    ? lockedStore(options.dataDir, pdf, broadcast, logError)
    : plainStore(options.dataDir, pdf, broadcast, logError);
  const tokenOk = (candidate: string | null | undefined) => {
    const given = Buffer.from(candidate ?? '');
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/rpc/') && request.method === 'POST') {
      if (!tokenOk(request.headers['x-sherpa-token'] as string | undefined)) return send(response, 403, { error: 'bad token' });
      const chunks: Buffer[] = [];
      let size = 0;
      request.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBody) request.destroy();
        else chunks.push(chunk);
      });
      request.on('end', () => {
        let payload: unknown;
        try {
          payload = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return send(response, 200, { ok: false, error: { code: 'invalid_request', message: 'The request is not valid JSON.' } });
        }
        void dispatch(decodeURIComponent(url.pathname.slice('/rpc/'.length)), payload).then((result) => send(response, 200, result));
      });
      return;
    }
    if (url.pathname === '/events') {
      if (!tokenOk(url.searchParams.get('token'))) return send(response, 403, { error: 'bad token' });
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }
    const file = resolveAppPath(options.rendererDir, `app://sherpa${url.pathname}`, 'sherpa');
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return send(response, 404, { error: 'not found' });
    response.writeHead(200, {
      'content-type': contentTypeOf(file),
      'content-security-policy': contentSecurityPolicy,
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(response);
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    dbFile,
    close: async () => {
      for (const listener of listeners) listener.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser's open or keep-alive connection would otherwise hold close() (and a SIGTERM restart) forever.
      server.closeAllConnections();
      await closed;
      await pdfEngine.close();
      await closeStore();
    },
  };
}

type Opened = { dispatch: Dispatch; dbFile: string; closeStore: () => void | Promise<void> };

function plainStore(dataDir: string, pdf: PdfDeps, onChange: (event: ChangeEvent) => void, logError: LogError): Opened {
  const store = openStore(dataDir);
  const dispatch = createDispatch({
    db: store.db,
    handlers: createHandlers({ db: store.db, clock: () => new Date(), pdf, backups: { folder: backupFolder(dataDir) } }),
    onChange,
    logError,
    ...(store.readOnlyReason ? { readOnlyReason: store.readOnlyReason } : {}),
  });
  // An unencrypted store has no lock: the page is told it is open and has no keys, and opens straight away.
  const withStatus: Dispatch = (channel, payload) =>
    channel === 'session.status'
      ? Promise.resolve({ ok: true, value: { locked: false, keysSet: false, plaintextLeftovers: [] } })
      : dispatch(channel, payload);
  return { dispatch: withStatus, dbFile: store.file, closeStore: () => void store.db.close() };
}

function lockedStore(dataDir: string, pdf: PdfDeps, onChange: (event: ChangeEvent) => void, logError: LogError): Opened {
  const lockable = createLockableDispatch({
    dataDir,
    openStore: storeOpener({ dataDir, pdf, onChange, logError }),
    onLocked: () => onChange({ channel: 'session.lock', entity: 'session', id: null }),
    logError,
  });
  return { dispatch: lockable.dispatch, dbFile: path.join(dataDir, storeFileName), closeStore: lockable.close };
}

type LogError = (channel: string, error: unknown) => void;
type PdfDeps = NonNullable<HandlerDeps['pdf']>;

function send(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

export const defaultRendererDir = path.resolve(import.meta.dirname, '../../out/renderer');

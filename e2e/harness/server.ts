import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contentTypeOf, resolveAppPath } from '../../main/appProtocol.ts';
import { describeForLog } from '../../main/logText.ts';
import { createChromiumEngine } from '../../main/pdf/chromiumEngine.ts';
import { contentSecurityPolicy } from '../../main/security.ts';
import { createLockedCore } from '../../main/session/lockedCore.ts';
import { storeFileName } from '../../main/store.ts';
import type { ChangeEvent } from '../../shared/contract.ts';
import { maxRequestBytes, tooLargeMessage } from '../../shared/limits.ts';
import { cachingOf, createStaticFiles } from './staticFiles.ts';

// Taken as the plain module, not imported: an ES import of node:http reads every export, and its WebSocket
// getter loads Node's whole fetch stack (undici), a tenth of a second or more of every start.
const { createServer } = process.getBuiltinModule('node:http');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export interface HarnessOptions {
  dataDir: string;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Starts locked over an encrypted store (set up through the page on first run), as the desktop app does. */
  encrypted?: boolean;
  /** What the full check after an unexpected stop waits for (main/core.ts fullCheckAfter): a spec sees the store being checked. */
  holdStoreCheck?: Promise<void>;
}

export interface Harness {
  url: string;
  token: string;
  dbFile: string;
  close(): Promise<void>;
}

/**
 * The web target: the built renderer served on 127.0.0.1 with the same
 * dispatch and a real SQLite file behind it. Stands in for Electron's IPC,
 * so the e2e specs and a person with a browser see the real app.
 *
 * Anything on the machine can reach it, a page in the user's browser
 * included: every request is answered (a malformed one with an error status)
 * and nothing a request carries can stop the server.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const listeners = new Set<http.ServerResponse>();
  const broadcast = (event: ChangeEvent) => {
    for (const listener of listeners) listener.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  const logError = (scope: string, error: unknown) => console.error(`[harness] ${scope}`, describeForLog(error));
  // The store's handlers and request schemas load once the files the page starts with (its scripts and style
  // sheet, named in index.html) have been sent, or it asks the store something, or a second has passed: the
  // browser then evaluates the scripts for tens of milliseconds and asks nothing, while loading that code earlier
  // held up the page and its files.
  let markPageSent = () => {};
  const pageSent = new Promise<void>((resolve) => {
    markPageSent = resolve;
  });
  setTimeout(() => markPageSent(), 1000).unref();
  const startFilesLeft = new Set(startFilesOf(options.rendererDir).map(({ file }) => file));
  const startFilesLink = preloadLinkOf(startFilesOf(options.rendererDir));
  // The same lock and composition root as the app. Unencrypted by default, so the specs skip the passphrase;
  // `encrypted` starts locked, as the desktop app does, and a folder with keys always does.
  const lockable = createLockedCore({
    dataDir: options.dataDir,
    allowUnencrypted: !options.encrypted,
    core: () => ({
      dataDir: options.dataDir,
      // The web target prints with Chromium and writes packs into the data folder.
      engine: createChromiumEngine(),
      onChange: broadcast,
      logError,
      // A preview and test stand-in: its stores are scratch folders, and the specs count their backups.
      dailyBackups: false,
      servicesAfter: pageSent,
      ...(options.holdStoreCheck ? { fullCheckAfter: options.holdStoreCheck } : {}),
    }),
    onChange: broadcast,
    logError,
  });
  await lockable.unlockSilently();
  const tokenOk = (candidate: string | null | undefined) => {
    const given = Buffer.from(candidate ?? '');
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  let origin = '';
  const staticFiles = createStaticFiles();

  const handle = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = parseTarget(request.url);
    if (!url) return send(response, 400, { error: 'bad request' });
    // A page elsewhere that learnt the token still cannot use it: browsers name the page's origin.
    const from = request.headers.origin;
    if (from !== undefined && from !== origin) return send(response, 403, { error: 'foreign origin' });
    if (url.pathname.startsWith('/rpc/') || url.pathname === '/events') markPageSent();
    if (url.pathname.startsWith('/rpc/') && request.method === 'POST') {
      if (!tokenOk(request.headers['x-sherpa-token'] as string | undefined)) return send(response, 403, { error: 'bad token' });
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      } catch {
        return send(response, 400, { ok: false, error: { code: 'invalid_request', message: 'The channel name is not valid.' } });
      }
      return receive(request, response, (body) => {
        let payload: unknown;
        // Decoded strictly: bytes that are not UTF-8 (a tool writing Latin-1) would otherwise be stored as U+FFFD, unseen.
        let text: string;
        try {
          text = strictUtf8.decode(body);
        } catch {
          return send(response, 200, { ok: false, error: { code: 'invalid_request', message: 'The request is not UTF-8 text.' } });
        }
        try {
          payload = JSON.parse(text);
        } catch {
          return send(response, 200, { ok: false, error: { code: 'invalid_request', message: 'The request is not valid JSON.' } });
        }
        void lockable.dispatch(channel, payload).then((result) => send(response, 200, result));
      });
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
    const headers = {
      'content-type': contentTypeOf(file),
      'content-security-policy': contentSecurityPolicy,
      'cache-control': cachingOf(options.rendererDir, file),
    };
    // The page learns here, and only here, that its bridge is this loopback server (renderer/src/bridge).
    if (path.basename(file) === 'index.html') {
      response.writeHead(200, startFilesLink ? { ...headers, link: startFilesLink } : headers);
      return void response.end(markAsLoopback(fs.readFileSync(file, 'utf8')));
    }
    staticFiles.send(request, response, file, headers);
    if (startFilesLeft.delete(path.relative(options.rendererDir, file)) && startFilesLeft.size === 0) {
      response.once('finish', () => markPageSent());
    }
  };

  const server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch (error) {
      console.error('[harness] request', error);
      if (!response.headersSent) send(response, 500, { error: 'internal' });
      else response.destroy();
    }
  });
  // A request Node cannot even parse is answered 400 on its socket; the server goes on.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    token,
    dbFile: path.join(options.dataDir, storeFileName),
    close: async () => {
      for (const listener of listeners) listener.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser's open or keep-alive connection would otherwise hold close() (and a SIGTERM restart) forever.
      server.closeAllConnections();
      await closed;
      await lockable.close();
    },
  };
}

/** How the page loads one of its start files: a module script, a plain script, a style sheet. */
export interface StartFile {
  /** Relative to the renderer's folder. */
  readonly file: string;
  readonly as: 'module' | 'script' | 'style';
}

/**
 * The files index.html loads as the page starts (its module script, the modules it preloads, its plain scripts and
 * style sheets), each with how it is loaded.
 */
export function startFilesOf(rendererDir: string): StartFile[] {
  let page: string;
  try {
    page = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  } catch {
    return [];
  }
  const tags = page.match(/<(?:script|link)\b[^>]*>/gi) ?? [];
  return tags.flatMap((tag): StartFile[] => {
    const as = /<script\b/i.test(tag)
      ? /\btype="module"/i.test(tag)
        ? 'module'
        : 'script'
      : /\brel="modulepreload"/i.test(tag)
        ? 'module'
        : /\brel="stylesheet"/i.test(tag)
          ? 'style'
          : null;
    const name = /\b(?:src|href)="\.?\/?([^"]+)"/i.exec(tag)?.[1];
    return as && name !== undefined ? [{ file: path.normalize(name), as }] : [];
  });
}

/**
 * A Link header naming the files the page starts with, so that the browser asks for them as the page's answer
 * arrives rather than once it has parsed the page's head: on a busy main thread that parse came tens of
 * milliseconds later. Each as the page's own tag loads it (module scripts as `modulepreload`, both they and style
 * sheets `crossorigin`; a plain script without), so the page's requests take the preloaded answers instead of
 * asking again.
 */
export function preloadLinkOf(startFiles: readonly StartFile[]): string {
  return startFiles
    .map(({ file, as }) => {
      const url = `</${file.split(path.sep).join('/')}>`;
      return as === 'style'
        ? `${url}; rel=preload; as=style; crossorigin`
        : as === 'script'
          ? `${url}; rel=preload; as=script`
          : `${url}; rel=modulepreload; crossorigin`;
    })
    .join(', ');
}

export const loopbackMeta = '<meta name="sherpa-bridge" content="loopback" />';

function markAsLoopback(page: string): string {
  return page.replace(/<head>/i, (head) => `${head}\n    ${loopbackMeta}`);
}

/** The request's target as a URL on this server, or null when it is not one (`http://[`, `//a:b`). */
function parseTarget(target: string | undefined): URL | null {
  if (!target?.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(target, 'http://127.0.0.1');
  } catch {
    return null;
  }
}

/**
 * Reads a request body up to the contract's limit. A larger one is answered
 * at once with `too_large` (from its declared length when it has one) and the
 * rest is read and dropped, never kept, so the answer arrives and memory stays flat.
 */
function receive(request: http.IncomingMessage, response: http.ServerResponse, onBody: (body: Buffer) => void): void {
  const refuse = () => {
    send(response, 413, { ok: false, error: { code: 'too_large', message: tooLargeMessage } });
    request.removeAllListeners('data');
    request.resume();
  };
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxRequestBytes) {
    refuse();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= maxRequestBytes) chunks.push(chunk);
    else if (!refused) {
      refused = true;
      chunks.length = 0;
      refuse();
    }
  });
  request.on('end', () => {
    if (!refused) onBody(Buffer.concat(chunks));
  });
  request.on('error', () => response.destroy());
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return void response.end();
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

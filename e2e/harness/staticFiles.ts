import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

// The built renderer as the harness serves it. The bundle is most of a start's
// bytes: written once, compressed, at build time (compressAssets.ts), and sent
// whole from memory, not streamed from disk in 64 KB chunks by a process that
// is still busy starting. Names under assets/ carry their content's hash, so a
// browser may keep them; index.html carries this start's bridge and is never kept.

interface Variant {
  readonly body: Buffer;
  /** The file's change time it was read at: a rebuild while the harness runs is served, never a stale copy. */
  readonly mtimeMs: number;
}

const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Reads files once and keeps them while they are unchanged. */
export function createStaticFiles(): {
  /** Answers with `file` (which exists), compressed when the browser accepts it and a fresh compressed copy exists. */
  send(request: http.IncomingMessage, response: http.ServerResponse, file: string, headers: Record<string, string>): void;
} {
  const kept = new Map<string, Variant>();
  const read = (file: string): Variant | null => {
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      return null;
    }
    const known = kept.get(file);
    if (known?.mtimeMs === mtimeMs) return known;
    const variant = { body: fs.readFileSync(file), mtimeMs };
    kept.set(file, variant);
    return variant;
  };
  return {
    send(request, response, file, headers) {
      const original = read(file);
      if (!original) {
        response.writeHead(404).end();
        return;
      }
      const accepted = acceptedEncodings(request.headers['accept-encoding']);
      // A compressed copy older than its file is from an earlier build: the file itself is sent instead.
      const encoded = encodings
        .filter((encoding) => accepted.has(encoding.name))
        .map((encoding) => ({ encoding, variant: read(file + encoding.suffix) }))
        .find(({ variant }) => variant !== null && variant.mtimeMs >= original.mtimeMs);
      const body = encoded?.variant?.body ?? original.body;
      response.writeHead(200, {
        ...headers,
        vary: 'accept-encoding',
        'content-length': String(body.length),
        ...(encoded ? { 'content-encoding': encoded.encoding.name } : {}),
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    },
  };
}

/** The encodings an Accept-Encoding header allows (those it names without `q=0`). */
export function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const accepted = new Set<string>();
  for (const part of text.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    const refused = parameters.some((parameter) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(parameter));
    if (name && !refused) accepted.add(name);
  }
  return accepted;
}

/** Hashed asset names never change content: a browser keeps them; anything else is asked for again. */
export function cachingOf(rendererDir: string, file: string): string {
  const relative = path.relative(rendererDir, file);
  return relative.startsWith(`assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-store';
}

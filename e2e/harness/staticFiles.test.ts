import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressAssets } from './compressAssets.ts';
import { type Harness, startHarness } from './server.ts';
import { acceptedEncodings } from './staticFiles.ts';

// The renderer's bundle as a browser fetches it from the harness: compressed
// when the browser accepts it, the same bytes once decompressed, kept by the
// browser only where its name carries its content's hash.

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-static-'));
const rendererDir = path.join(folder, 'renderer');
const bundle = `console.log(${JSON.stringify('Sherpa '.repeat(5000))});\n`;
let harness: Harness;
let origin: string;

beforeAll(async () => {
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  fs.writeFileSync(path.join(rendererDir, 'assets/index-abc123.js'), bundle);
  expect(compressAssets(rendererDir)).toBe(1);
  harness = await startHarness({ dataDir: path.join(folder, 'data'), rendererDir });
  origin = new URL(harness.url).origin;
});
afterAll(async () => {
  await harness.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** Fetches without the automatic decompression of fetch(), to see the bytes as sent. */
async function get(pathname: string, acceptEncoding: string) {
  const { request } = process.getBuiltinModule('node:http');
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request(`${origin}${pathname}`, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the renderer as the harness serves it', () => {
  it('sends brotli to a browser that accepts it, the same script once decompressed, and lets it keep the hashed file', async () => {
    const answer = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.body.length).toBeLessThan(bundle.length / 10);
    expect(zlib.brotliDecompressSync(answer.body).toString()).toBe(bundle);
    expect(answer.headers['cache-control']).toContain('immutable');
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('sends gzip, or the file as it is, to a browser that does not accept brotli', async () => {
    const gzip = await get('/assets/index-abc123.js', 'gzip, deflate');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(bundle);
    const plain = await get('/assets/index-abc123.js', 'br;q=0, identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(bundle);
  });

  it('sends a file rebuilt after its compressed copies as it now is, never the stale copy', async () => {
    const rebuilt = `${bundle}console.log('rebuilt');\n`;
    const file = path.join(rendererDir, 'assets/index-abc123.js');
    fs.writeFileSync(file, rebuilt);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    const answer = await get('/assets/index-abc123.js', 'gzip, br');
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toBe(rebuilt);
  });

  it('never lets a browser keep the page, which carries this start’s bridge', async () => {
    const page = await get('/', 'gzip, br');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body.toString()).toContain('sherpa-bridge');
  });

  it('reads Accept-Encoding as browsers write it', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')]).toEqual(['gzip', 'deflate', 'br', 'zstd']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});

import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumEngine } from './chromiumEngine.ts';
import type { PrintOptions } from './engine.ts';
import { pageTexts } from './pdfText.testing.ts';

// The command line's print engine on real Chromium, given a pack page that
// reaches for the network in every way a page can, without the template's CSP
// to stop it: a server on this machine hears nothing, and no request leaves.

const heard: string[] = [];
let server: http.Server;
let port: number;
beforeAll(async () => {
  server = http.createServer((request, response) => {
    heard.push(`${request.method} ${request.url}`);
    response.end('reached');
  });
  server.on('upgrade', (request, socket) => {
    heard.push(`upgrade ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const options: PrintOptions = {
  paper: 'a4',
  margins: { top: 20, bottom: 20, left: 15, right: 15 },
  headerTemplate: '<span></span>',
  footerTemplate: '<span></span>',
  outline: false,
  tagged: false,
};

describe('the Chromium print engine', () => {
  it('refuses every request a pack page makes, to loopback and to IP literals alike, and still prints the pack', async () => {
    const local = `http://127.0.0.1:${port}`;
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="${local}/style.css">
      <link rel="prefetch" href="http://1.2.3.4/prefetch">
      <style>@font-face { font-family: Remote; src: url("${local}/font.woff2"); } body { font-family: Remote, sans-serif; }</style>
      </head><body>
      <h1>Vilnius desk pack</h1>
      <img src="${local}/image.png"><img src="http://1.2.3.4/image.png">
      <iframe src="${local}/frame"></iframe>
      <script>
        fetch('${local}/fetch').catch(() => undefined);
        fetch('http://1.2.3.4/fetch').catch(() => undefined);
        navigator.sendBeacon('${local}/beacon', 'x');
        try { new WebSocket('ws://127.0.0.1:${port}/socket'); } catch {}
      </script></body></html>`;
    const blocked: string[] = [];
    const engine = createChromiumEngine({ onBlockedRequest: (url) => blocked.push(url) });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-chromium-'));
    try {
      const pdf = await engine.print(html, options);
      const file = path.join(folder, 'pack.pdf');
      fs.writeFileSync(file, pdf);
      expect(pageTexts(file).join('\n')).toContain('Vilnius desk pack');
    } finally {
      await engine.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
    expect(heard).toEqual([]);
    // The page did try: each attempt was refused by the engine, the IP literal included.
    expect(blocked).toEqual(expect.arrayContaining([`${local}/style.css`, `${local}/image.png`, 'http://1.2.3.4/image.png']));
  }, 60_000);
});

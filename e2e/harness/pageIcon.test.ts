import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

// A browser loads the page's icon in the page itself: an SVG one was parsed as a document of its own on the page's
// main thread, 6–7 ms of its CPU at every load just before the first render (traced, round 30); a PNG decodes in
// 0.3 ms.
it('names a PNG as the page icon, and the file it names is one', () => {
  const renderer = path.resolve(import.meta.dirname, '../../renderer');
  const page = fs.readFileSync(path.join(renderer, 'index.html'), 'utf8');
  const icon = /<link rel="icon" href="\.\/([^"]+)" type="([^"]+)"/.exec(page);
  expect(icon?.[2]).toBe('image/png');
  const bytes = fs.readFileSync(path.join(renderer, 'public', icon?.[1] ?? 'missing'));
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
});

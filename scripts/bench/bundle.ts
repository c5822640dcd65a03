import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface BundleResults {
  readonly files: number;
  readonly rawKb: number;
  /** gzip level 9, what a size budget is usually quoted in. */
  readonly gzipKb: number;
  /** What a start loads before Today renders (the page's script and the chunks it preloads), gzip level 9; the other views' chunks come later. */
  readonly startGzipKb?: number;
}

const rendererAssets = path.resolve(import.meta.dirname, '../../out/renderer/assets');

/** Builds (unless told not to) and weighs the renderer's JavaScript as shipped. */
export function measureBundle(build: boolean): BundleResults {
  if (build) {
    const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stderr || built.stdout}`);
  }
  const files = fs.readdirSync(rendererAssets).filter((name) => name.endsWith('.js'));
  // The page names the script a start runs and the chunks it needs at once (modulepreload); the rest are views.
  const page = fs.readFileSync(path.join(rendererAssets, '../index.html'), 'utf8');
  const atStart = new Set([...page.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((match) => match[1]));
  let raw = 0;
  let gzip = 0;
  let startGzip = 0;
  for (const name of files) {
    const content = fs.readFileSync(path.join(rendererAssets, name));
    const zipped = zlib.gzipSync(content, { level: 9 }).length;
    raw += content.length;
    gzip += zipped;
    if (atStart.has(name)) startGzip += zipped;
  }
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  return { files: files.length, rawKb: kb(raw), gzipKb: kb(gzip), startGzipKb: kb(startGzip) };
}

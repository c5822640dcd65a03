import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface BundleResults {
  readonly files: number;
  readonly rawKb: number;
  /** gzip level 9, what a size budget is usually quoted in. */
  readonly gzipKb: number;
}

const rendererAssets = path.resolve(import.meta.dirname, '../../out/renderer/assets');

/** Builds (unless told not to) and weighs the renderer's JavaScript as shipped. */
export function measureBundle(build: boolean): BundleResults {
  if (build) {
    const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stderr || built.stdout}`);
  }
  const files = fs.readdirSync(rendererAssets).filter((name) => name.endsWith('.js'));
  let raw = 0;
  let gzip = 0;
  for (const name of files) {
    const content = fs.readFileSync(path.join(rendererAssets, name));
    raw += content.length;
    gzip += zlib.gzipSync(content, { level: 9 }).length;
  }
  return { files: files.length, rawKb: Math.round(raw / 102.4) / 10, gzipKb: Math.round(gzip / 102.4) / 10 };
}

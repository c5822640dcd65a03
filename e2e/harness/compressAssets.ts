import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

// The renderer's text assets compressed once, at build time (scripts/build-harness.ts), for the harness to send
// (staticFiles.ts). A module of its own: the harness never compresses, and importing zlib with its file server
// was 6 ms of CPU at every start, before its ready line.

/** Compressed copies are made of these; images and fonts are compressed already. */
const compressible = new Set(['.js', '.css', '.svg', '.json']);

/** Writes `name.gz` and `name.br` beside each text asset of `rendererDir`; returns how many files were compressed. */
export function compressAssets(rendererDir: string): number {
  let compressed = 0;
  for (const entry of fs.readdirSync(rendererDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !compressible.has(path.extname(entry.name))) continue;
    const file = path.join(entry.parentPath, entry.name);
    const body = fs.readFileSync(file);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: zlib.constants.Z_BEST_COMPRESSION }));
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    );
    compressed++;
  }
  return compressed;
}

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm run preview:web` as a person runs it: where the store is comes from
// --data-dir or SHERPA_DATA_DIR alike, and the terminal is told.

const serve = path.resolve(import.meta.dirname, 'serve.ts');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-serve-'));
const rendererDir = path.join(folder, 'renderer');
fs.mkdirSync(rendererDir);
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

async function startServe(args: string[], env: NodeJS.ProcessEnv): Promise<{ dbFile: string; stderr: string }> {
  const child = spawn(process.execPath, [serve, '--renderer', rendererDir, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0] ?? '');
      });
      child.once('exit', (code) => reject(new Error(`serve.ts exited with ${code}: ${stderr}`)));
    });
    // The banner follows the JSON line; wait for its last line.
    while (!stderr.includes('Ctrl+C to stop')) await new Promise((resolve) => child.stderr.once('data', resolve));
    return { dbFile: (JSON.parse(line) as { dbFile: string }).dbFile, stderr };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

describe('npm run preview:web', () => {
  it('uses SHERPA_DATA_DIR and says where the store is', async () => {
    const dataDir = path.join(folder, 'from-env');
    const { dbFile, stderr } = await startServe([], { ...process.env, SHERPA_DATA_DIR: dataDir });
    expect(dbFile).toBe(path.join(dataDir, 'sherpa.sqlite'));
    expect(fs.existsSync(dbFile)).toBe(true);
    expect(stderr).toContain(`Store: ${dbFile}`);
  });

  it('uses --data-dir the same way, before SHERPA_DATA_DIR', async () => {
    const dataDir = path.join(folder, 'from-flag');
    const { dbFile, stderr } = await startServe(['--data-dir', dataDir], { ...process.env, SHERPA_DATA_DIR: path.join(folder, 'ignored') });
    expect(dbFile).toBe(path.join(dataDir, 'sherpa.sqlite'));
    expect(stderr).toContain(`Store: ${dbFile}`);
    expect(fs.existsSync(path.join(folder, 'ignored'))).toBe(false);
  });
});

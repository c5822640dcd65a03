// `npm test`: every check CI runs, in this order: the linter and formatter check, the build, the unit tests, the
// security scan, then the end-to-end specs with the type check beside them. The type check is one core's work
// for about 70 s (tsc -b from a fresh clone) and the end-to-end specs leave most of a core idle on CI's two (each
// Playwright worker waits on its page and harness far more than it computes), so the type check runs in that idle
// core instead of adding its minute before everything else. Measured in docs/measurements.md, "Thirtieth round:
// CI time". Its output is held until it ends, so it does not land inside the specs' list.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Running {
  /** The exit code; a step ended by a signal counts as failed. */
  done: Promise<number>;
  /** What a held step wrote, in order. */
  held: Buffer[];
}

function start(script: string, hold: boolean): Running {
  const child = spawn(npm, ['run', script], { stdio: ['ignore', hold ? 'pipe' : 'inherit', hold ? 'pipe' : 'inherit'] });
  const held: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => held.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => held.push(chunk));
  const done = new Promise<number>((resolve) => {
    child.once('error', () => resolve(1));
    child.once('close', (code) => resolve(code ?? 1));
  });
  return { done, held };
}

async function main(): Promise<number> {
  for (const script of ['lint', 'build', 'test:unit', 'test:security']) {
    const code = await start(script, false).done;
    if (code !== 0) return code;
  }
  const typecheck = start('typecheck', true);
  const e2e = start('test:e2e', false);
  const typecheckCode = await typecheck.done;
  // Shown as soon as it ends; a type error fails the run however the specs go (Ctrl+C stops them, as ever).
  process.stdout.write(Buffer.concat(typecheck.held));
  if (typecheckCode !== 0)
    process.stdout.write(`\nnpm test: the type check failed (exit code ${typecheckCode}); the end-to-end specs go on.\n\n`);
  const e2eCode = await e2e.done;
  return typecheckCode !== 0 ? typecheckCode : e2eCode;
}

process.exitCode = await main();

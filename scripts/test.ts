// `npm test`: every check CI runs. First, one after another, the linter and formatter check, the build and the
// security scan of what was built (a failure there stops the run); then the unit tests, the type check and the
// end-to-end specs side by side. The specs are the longest step (8 minutes of CI's run) and leave most of a core
// idle on CI's two: each Playwright worker waits on its page and harness far more than it computes, so the type
// check (one core's 70 s) took 62 s beside them. The unit tests (two workers, mostly computing) and the type
// check run in that idle core instead of adding their four and a half minutes before the specs. Measured in
// docs/measurements.md, "Thirtieth round: CI time" and "Thirty-fifth round: CI time". The unit tests' and the type
// check's output is held until each ends, so it does not land inside the specs' list; a failure in either fails
// the run however the specs go.
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

/** A held step's exit code, its output shown as soon as it ends. */
async function shownWhenDone(running: Running, name: string): Promise<number> {
  const code = await running.done;
  process.stdout.write(Buffer.concat(running.held));
  if (code !== 0) process.stdout.write(`\nnpm test: ${name} failed (exit code ${code}); the end-to-end specs go on.\n\n`);
  return code;
}

async function main(): Promise<number> {
  for (const script of ['lint', 'build', 'test:security']) {
    const code = await start(script, false).done;
    if (code !== 0) return code;
  }
  const unit = shownWhenDone(start('test:unit', true), 'the unit tests');
  const typecheck = shownWhenDone(start('typecheck', true), 'the type check');
  const e2e = start('test:e2e', false);
  // Ctrl+C stops every step, as ever.
  const [unitCode, typecheckCode, e2eCode] = await Promise.all([unit, typecheck, e2e.done]);
  return [unitCode, typecheckCode, e2eCode].find((code) => code !== 0) ?? 0;
}

process.exitCode = await main();

// One crash run: a scripted user types into a note in Chromium while the web
// harness (the store's process) is killed with SIGKILL at a random moment;
// after a restart, every acknowledged edit must be in the store, the rest must
// be offered by the draft journal, and SQLite must report an intact file.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { startHarnessProcess } from '../e2e/fixtures.ts';

export interface CrashRunResult {
  /** Words that reached the screen. */
  typed: number;
  /** Words the store had acknowledged before the kill. */
  acknowledged: number;
  /** Words the store had written but whose answer the kill cut off. */
  storedUnacknowledged: number;
  /** Words brought back from the draft journal after the restart. */
  recoveredFromJournal: number;
  lost: number;
  /**
   * Saves that were acknowledged but whose text is not in the note's history (must stay 0). The history
   * keeps one version per typing session, and this run only appends: an acknowledged text is kept when
   * a version holds it whole, as itself or as the start of the session's later text.
   */
  acknowledgedMissing: number;
  integrity: string;
  killedAfterMs: number;
  problems: string[];
}

export interface CrashRunOptions {
  browser: Browser;
  /** Deterministic runs when given; random otherwise. */
  random?: () => number;
  log?: (line: string) => void;
  /** The built renderer to serve; out/renderer when not given. */
  rendererDir?: string;
}

const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function openNotes(page: Page, url: string): Promise<void> {
  const target = new URL(url);
  target.hash = '#/notes';
  await page.goto(target.toString());
  await page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
}

export async function crashRun({
  browser,
  random = Math.random,
  log = () => undefined,
  rendererDir,
}: CrashRunOptions): Promise<CrashRunResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-crash-'));
  const token = randomBytes(24).toString('hex');
  const problems: string[] = [];
  let harness = await startHarnessProcess(dataDir, { token, ...(rendererDir ? { rendererDir } : {}) });
  const port = Number(new URL(harness.url).port);
  const context = await browser.newContext();
  context.setDefaultTimeout(30_000);
  try {
    const page = await context.newPage();
    const acknowledged: string[] = [];
    page.on('response', (response) => {
      if (!response.url().includes('/rpc/note.save')) return;
      response.json().then(
        (result: { ok: boolean; value?: { status: string; note?: { body: string } } }) => {
          if (result.ok && result.value?.status === 'saved' && result.value.note) acknowledged.push(result.value.note.body);
        },
        () => undefined,
      );
    });
    await openNotes(page, harness.url);
    await page.getByRole('button', { name: 'New note' }).click();
    await page.waitForURL(/#\/notes\/\d+$/);
    const noteId = Number(/#\/notes\/(\d+)$/.exec(page.url())?.[1]);
    const textarea = page.getByRole('textbox', { name: 'Note text', exact: true });
    await textarea.click();

    const killAfterMs = Math.round(200 + random() * 2_300);
    const started = Date.now();
    let killed = false;
    const kill = sleep(killAfterMs).then(async () => {
      await killHard(harness.process);
      killed = true;
    });
    // The user goes on typing a little after the crash, as one would before noticing.
    let typed = '';
    let wordsAfterKill = 0;
    for (let index = 0; wordsAfterKill < 3 && index < 400; index++) {
      const word = `w${index}${index % 7 === 6 ? '\n' : ' '}`;
      await page.keyboard.type(word, { delay: Math.round(random() * 20) });
      typed += word;
      if (killed) wordsAfterKill++;
      await sleep(Math.round(random() * 120));
    }
    await kill;
    const onScreen = await textarea.inputValue();
    if (onScreen !== typed)
      problems.push(`the screen shows ${JSON.stringify(onScreen.slice(-40))}, typed ${JSON.stringify(typed.slice(-40))}`);
    // The page goes away with the store, without a chance to save: a crash of the whole app.
    await page.close({ runBeforeUnload: false });

    harness = await startHarnessProcess(dataDir, { port, token, ...(rendererDir ? { rendererDir } : {}) });
    const dbFile = path.join(dataDir, 'sherpa.sqlite');
    const reader = new Database(dbFile, { readonly: true });
    let integrity: string;
    let stored: string;
    let history: Set<string>;
    try {
      integrity = String(reader.pragma('integrity_check', { simple: true }));
      stored = (reader.prepare('SELECT body FROM note WHERE id = ?').get(noteId) as { body: string } | undefined)?.body ?? '';
      history = new Set(
        (reader.prepare('SELECT body FROM note_revision WHERE note_id = ?').all(noteId) as { body: string }[]).map((row) => row.body),
      );
    } finally {
      reader.close();
    }
    // The history as Sherpa lists it: the revisions written, and the open typing session's, which is the note itself (2350).
    const kept = [...history, stored];
    const acknowledgedMissing = acknowledged.filter((body) => !kept.some((version) => version.startsWith(body))).length;
    const lastAcknowledged = acknowledged.reduce((longest, body) => (body.length > longest.length ? body : longest), '');

    let final = stored;
    const after = await context.newPage();
    await openNotes(after, harness.url);
    const offer = after.getByRole('region', { name: 'Unsaved drafts' });
    if (stored !== typed) {
      // Not all typed text is in the store: the journal must offer the rest.
      await offer.getByRole('link', { name: 'Review and restore' }).first().click({ timeout: 10_000 });
      await after.getByRole('heading', { name: 'Unsaved text was found' }).waitFor();
      await after.getByRole('button', { name: 'Restore unsaved text' }).click();
      await after
        .locator('[data-save-state="saved"]')
        .waitFor({ timeout: 10_000 })
        .catch(async (error: Error) => {
          const status = await after.locator('[data-save-state]').allTextContents();
          throw new Error(`the restored draft was not saved (status: ${status.join(' | ')}): ${error.message.split('\n')[0]}`);
        });
      const check = new Database(dbFile, { readonly: true });
      try {
        final = (check.prepare('SELECT body FROM note WHERE id = ?').get(noteId) as { body: string }).body;
      } finally {
        check.close();
      }
    } else if (await offer.isVisible()) {
      problems.push('a draft was offered although the store had all of it');
    }
    await after.close();

    const typedWords = wordsIn(typed);
    const acknowledgedWords = wordsIn(lastAcknowledged);
    const storedWords = Math.max(0, wordsIn(stored) - acknowledgedWords);
    const finalWords = final === typed ? typedWords : 0;
    const recovered = Math.max(0, finalWords - acknowledgedWords - storedWords);
    const result: CrashRunResult = {
      typed: typedWords,
      acknowledged: acknowledgedWords,
      storedUnacknowledged: storedWords,
      recoveredFromJournal: recovered,
      lost: final === typed ? 0 : typedWords - wordsIn(commonPrefix(final, typed)),
      acknowledgedMissing,
      integrity,
      killedAfterMs: killAfterMs,
      problems,
    };
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
    if (final !== typed)
      problems.push(`after recovery the note holds ${JSON.stringify(final.slice(-60))}, typed ${JSON.stringify(typed.slice(-60))}`);
    log(
      `killed after ${killAfterMs} ms (${Date.now() - started} ms of typing): typed ${result.typed}, acknowledged ${result.acknowledged}, ` +
        `stored unacknowledged ${result.storedUnacknowledged}, recovered ${result.recoveredFromJournal}, lost ${result.lost}`,
    );
    return result;
  } finally {
    await context.close();
    await killHard(harness.process);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function commonPrefix(a: string, b: string): string {
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index++;
  return a.slice(0, index);
}

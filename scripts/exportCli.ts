import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeUnprintable } from '../main/pdf/unprintable.ts';
import type { LockableDispatch } from '../main/session/lockable.ts';
import type { CoreStore } from '../main/session/lockedCore.ts';
import { type PackDefinition, type PaperSize, paperSizes } from '../shared/domain.ts';
import { hasBrokenCharacter, hasHiddenFormatCharacter, isSingleLine, packLimits } from '../shared/fieldRules.ts';
import { askOnTerminal, readPassphraseFromFd } from './passphraseInput.ts';

export interface CliOutput {
  progress(line: string): void;
  error(line: string): void;
  result(line: string): void;
}

const usage = `Usage:
  npm run export -- --sample --out FILE.pdf [--paper a4|letter] [--copy-for NAME]
  npm run export -- --db PATH --pack NAME --out FILE.pdf [--paper a4|letter] [--copy-for NAME]
  (either form also takes --author NAME, written into the PDF's properties; default "Sherpa",
  and --replace, to replace a file already at --out)
  An encrypted store asks for its passphrase on the terminal, or reads it from
  an open file descriptor with --passphrase-fd N (e.g. 3<passphrase.txt); never as an argument.`;

class UsageError extends Error {}

/**
 * The rules the app's export form applies to the name stamped on each page,
 * and to the author written into the PDF: a direction override would print
 * "evil" as "live" inside the stamp, so the command line refuses it too.
 */
function lineProblem(option: string, text: string): string | null {
  if (text.length > packLimits.copyFor) return `${option} is too long: at most ${packLimits.copyFor} characters.`;
  if (!isSingleLine(text)) return `${option} must be one line, without control characters.`;
  if (hasBrokenCharacter(text)) return `${option} has a broken character (half of an emoji or symbol); type it again.`;
  if (hasHiddenFormatCharacter(text))
    return `${option} has an invisible character that reorders or hides text (a direction override or isolate, or a zero-width space); type it again.`;
  return null;
}

function parse(argv: string[]) {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, tokens } = parsed;
  if (values.help) return null;
  // Given twice, an option would quietly take its last value: "--out draft.pdf … --out pack.pdf" writes
  // where the user may not have looked, and "--db a --db b" reads another store than the first one named.
  const named = tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : []));
  const repeated = named.find((name, index) => named.indexOf(name) !== index);
  if (repeated) throw new UsageError(`--${repeated} is given twice; give it once.`);
  if (!values.out) throw new UsageError('--out FILE.pdf is required.');
  if (values.sample && (values.db || values.pack)) throw new UsageError('Give either --sample, or --db and --pack, not both.');
  if (!values.sample && !(values.db && values.pack)) throw new UsageError('Give --sample, or both --db PATH and --pack NAME.');
  if (values.paper !== undefined && !paperSizes.includes(values.paper as PaperSize))
    throw new UsageError(`--paper must be one of ${paperSizes.join(', ')}, not “${values.paper}”.`);
  if (values['copy-for'] !== undefined && values['copy-for'].trim() === '') throw new UsageError('--copy-for needs a recipient name.');
  for (const option of ['copy-for', 'author'] as const) {
    const value = values[option];
    const problem = value === undefined ? null : lineProblem(`--${option}`, value);
    if (problem) throw new UsageError(problem);
  }
  const fd = values['passphrase-fd'];
  if (fd !== undefined && !/^\d+$/.test(fd)) throw new UsageError(`--passphrase-fd must be a file descriptor number, not “${fd}”.`);
  return {
    ...values,
    out: values.out,
    paper: values.paper as PaperSize | undefined,
    passphraseFd: fd === undefined ? undefined : Number(fd),
  };
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    tokens: true,
    options: {
      sample: { type: 'boolean' },
      db: { type: 'string' },
      pack: { type: 'string' },
      out: { type: 'string' },
      paper: { type: 'string' },
      'copy-for': { type: 'string' },
      author: { type: 'string' },
      'passphrase-fd': { type: 'string' },
      replace: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** Where an encrypted store's passphrase comes from when no --passphrase-fd is given. */
export type AskPassphrase = () => Promise<string>;

/** Runs one export and returns the process exit code: 0 done, 1 failed, 2 wrong usage, 130 cancelled. */
export async function runExportCli(
  argv: string[],
  output: CliOutput,
  signal?: AbortSignal,
  askPassphrase: AskPassphrase = () => askOnTerminal('Passphrase for the Sherpa store: '),
): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(argv);
  } catch (error) {
    output.error(`sherpa export: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (options === null) {
    output.result(usage);
    return 0;
  }

  const out = path.resolve(options.out);
  // The store itself first: --replace never makes the store given with --db a place to write.
  const outProblem = (options.db ? checkOutIsNotStore(out, path.resolve(options.db)) : null) ?? checkOut(out, options.replace === true);
  if (outProblem) {
    output.error(`sherpa export: ${outProblem}`);
    return 1;
  }

  // Loaded only once the arguments are right, so a usage error answers at once.
  const [{ savePack }, { createLockedCore }, { createChromiumEngine }, { ExportCancelledError }] = await Promise.all([
    import('../db/packs.ts'),
    import('../main/session/lockedCore.ts'),
    import('../main/pdf/chromiumEngine.ts'),
    import('../main/pdf/engine.ts'),
  ]);
  const [{ samplePackDefinition, samplePackName }, { findExportablePack }] = await Promise.all([
    import('../main/pdf/samplePack.ts'),
    import('./packCheck.ts'),
  ]);
  let session: LockableDispatch<CoreStore> | null = null;
  let temporaryStore: string | null = null;
  const cancelled = () => {
    if (signal?.aborted) throw new ExportCancelledError();
  };
  try {
    let packName: string;
    let definition: PackDefinition;
    let opened: CoreStore;
    if (options.sample) {
      temporaryStore = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-export-'));
      const dataDir = temporaryStore;
      session = createLockedCore({
        dataDir,
        allowUnencrypted: true,
        core: () => ({ dataDir, engine: createChromiumEngine(), dailyBackups: false, logError: () => undefined }),
      });
      opened = await openSession(session, options.passphraseFd, askPassphrase);
      const pack = savePack(opened.core.db, samplePackName, samplePackDefinition(opened.core.db));
      packName = pack.name;
      definition = pack.definition;
    } else {
      // Read-only: the command never changes the store it is given (no WAL switch, no migration, no copy
      // register, no encryption of a plain store); an encrypted one is opened with the passphrase.
      const dbPath = path.resolve(options.db as string);
      session = createLockedCore({
        dataDir: path.dirname(dbPath),
        access: 'read',
        allowUnencrypted: true,
        core: () => ({ dbPath, mode: 'read', engine: createChromiumEngine(), logError: () => undefined }),
      });
      opened = await openSession(session, options.passphraseFd, askPassphrase);
      const found = findExportablePack(opened.core.db, options.pack as string, dbPath);
      if ('problem' in found) throw new Error(found.problem);
      packName = found.pack.name;
      definition = found.pack.definition;
    }
    cancelled();
    // The PDF reader and the template load only once there is a pack to print: a refusal answers at once.
    const { exportPack } = await import('../main/pdf/exportPack.ts');
    cancelled();
    const store = opened.core;
    const result = await store.run(() =>
      exportPack(store.db, store.engine, {
        packName,
        definition,
        outPath: out,
        registerCopy: !store.store.readOnly,
        ...(options.paper ? { paper: options.paper } : {}),
        ...(options['copy-for'] ? { copyFor: options['copy-for'] } : {}),
        ...(options.author ? { author: options.author } : {}),
        ...(signal ? { signal } : {}),
        // Printed anyway: the romanised name beside it still reads; the desk decides whether to hand it over.
        onUnprintable: (records) => {
          for (const line of describeUnprintable(records)) output.error(`sherpa export: warning: ${line}`);
        },
        onProgress: (progress) => output.progress(`[${String(Math.round(progress.fraction * 100)).padStart(3)}%] ${progress.message}`),
      }),
    );
    const { timings } = result;
    const copy = !options['copy-for']
      ? ''
      : result.copyNumber === null
        ? ', stamped “Unregistered copy” (no number: it is not entered in the store’s register, since the command line changes no store, and the app would give that number to its next copy)'
        : `, copy ${result.copyNumber}`;
    output.result(
      `${result.path}: ${result.pages} pages, ${Math.round(result.bytes / 1024)} KiB, banner ${result.banner}${copy}; ` +
        `${Math.round(timings.totalMs)} ms (engine print ${Math.round(timings.enginePrintMs)} ms, ${timings.passes} passes)`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ExportCancelledError || signal?.aborted) {
      output.error(`sherpa export: ${new ExportCancelledError().message}`);
      return 130;
    }
    output.error(`sherpa export: ${oneLine(error instanceof Error ? error.message : String(error))}`);
    return 1;
  } finally {
    // Closing the session stops the core: the export finished, the engine and the store close.
    await session?.close();
    if (temporaryStore) fs.rmSync(temporaryStore, { recursive: true, force: true });
  }
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

/**
 * What is wrong with the place the PDF is to be written, found before any
 * printing, with its true cause; null when a file can be written there.
 */
export function checkOut(out: string, replace = false): string | null {
  if (path.extname(out).toLowerCase() !== '.pdf') return `--out must name a file ending in .pdf, not ${out}.`;
  const folder = path.dirname(out);
  const kind = (target: string) => {
    try {
      return fs.statSync(target).isDirectory() ? 'folder' : 'file';
    } catch {
      return 'missing';
    }
  };
  if (kind(out) === 'folder') return `--out ${out} is a folder; give the name of a PDF file to write.`;
  if (kind(folder) === 'missing') return `--out ${out}: the folder ${folder} does not exist.`;
  if (kind(folder) === 'file') return `--out ${out}: ${folder} is a file, not a folder.`;
  // A PDF its owner protected from writing (a signed-off pack, say) is not replaced, even where the account could.
  if (kind(out) === 'file' && (fs.statSync(out).mode & 0o222) === 0)
    return `--out ${out} is read-only; the export does not replace a protected file. Give the PDF another name.`;
  // Another pack, or another recipient's copy, exported earlier under this name: replaced only when asked.
  if (kind(out) === 'file' && !replace)
    return `--out ${out} already exists; the export does not replace a file unasked. Give the PDF another name, or add --replace.`;
  // A real file is the only reliable probe (permissions, read-only disks, full disks), and it is removed at once.
  const probe = path.join(folder, `.sherpa-export-probe-${process.pid}`);
  try {
    fs.closeSync(fs.openSync(probe, 'wx'));
    fs.rmSync(probe);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return `--out ${out}: the folder ${folder} is not writable (permission denied).`;
    if (code === 'EROFS') return `--out ${out}: the folder ${folder} is on a read-only disk.`;
    if (code === 'ENOSPC') return `--out ${out}: the disk holding ${folder} is full.`;
    return `--out ${out}: cannot write in ${folder} (${code ?? (error as Error).message}).`;
  }
}

/** Where a path's directory entry truly is: its folder with every link resolved, and its own name. */
function entryOf(file: string): string {
  try {
    return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
  } catch {
    return file;
  }
}

/** The file a path reaches, by device and inode; null when there is none. */
function fileIdentity(file: string): string | null {
  try {
    const { dev, ino } = fs.statSync(file, { bigint: true });
    return `${dev}:${ino}`;
  } catch {
    return null;
  }
}

/**
 * The export reads the store and writes the PDF: a store whose name ends in
 * .pdf, given again as --out (by the same name, through another spelling of
 * its folder, or by a link the store's name points through), was replaced by
 * the PDF. So was one reached by a name no path comparison tells: other
 * capitals on macOS's and Windows' disks, which ignore case, or a hard link;
 * the file each reaches is compared too. Null when --out is another file.
 */
export function checkOutIsNotStore(out: string, store: string): string | null {
  const storeFiles = new Set([entryOf(store)]);
  try {
    storeFiles.add(fs.realpathSync(store));
  } catch {
    // No store there: opening it says so, with its own message.
  }
  const storeIdentity = fileIdentity(store);
  const sameFile = storeIdentity !== null && fileIdentity(out) === storeIdentity;
  return storeFiles.has(entryOf(out)) || sameFile
    ? `--out ${out} is the store given with --db; the export never writes over what it reads. Give the PDF another name.`
    : null;
}

/**
 * Opens the store through the lock: a plain one (no key file beside it) at
 * once, an encrypted one with the passphrase from the descriptor or the terminal.
 */
async function openSession(session: LockableDispatch<CoreStore>, fd: number | undefined, ask: AskPassphrase): Promise<CoreStore> {
  if (!(await session.unlockSilently())) {
    const unlocked = await session.dispatch('session.unlock', { passphrase: await passphraseOf(fd, ask) });
    if (!unlocked.ok) throw new Error(unlocked.error.message);
  }
  const opened = session.current();
  if (!opened) throw new Error('Sherpa could not open the store.');
  return opened;
}

async function passphraseOf(fd: number | undefined, ask: AskPassphrase): Promise<string> {
  try {
    return fd === undefined ? await ask() : readPassphraseFromFd(fd);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `This store is encrypted and no passphrase could be read (${why}). Type it on a terminal, or pass --passphrase-fd N with the passphrase on that descriptor.`,
    );
  }
}

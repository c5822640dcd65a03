import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LockableDispatch } from '../main/session/lockable.ts';
import type { CoreStore } from '../main/session/lockedCore.ts';
import type { UnprintableRecord } from '../shared/contract.ts';
import { type PackDefinition, type PaperSize, paperSizes } from '../shared/domain.ts';
import { hasBrokenCharacter, hasHiddenFormatCharacter, isSingleLine, packLimits } from '../shared/fieldRules.ts';
import { exportStepsEn, exportStepsKo, recordKindsEn, recordKindsKo } from '../shared/packExportTexts.ts';
import { type CliLanguage, type Environment, isCliLanguage, languageFromEnvironment } from './cliLanguage.ts';
import { CliRefusal, SessionRefusal, say, textsOf, UsageRefusal, wordExportError } from './exportRefusals.ts';
import { askOnTerminal, readPassphraseFromFd } from './passphraseInput.ts';

export interface CliOutput {
  progress(line: string): void;
  error(line: string): void;
  result(line: string): void;
}

/**
 * The rules the app's export form applies to the name stamped on each page,
 * and to the author written into the PDF: a direction override would print
 * "evil" as "live" inside the stamp, so the command line refuses it too.
 */
function lineProblem(option: string, text: string): UsageRefusal | null {
  if (text.length > packLimits.copyFor) return new UsageRefusal('lineTooLong', { option, max: packLimits.copyFor });
  if (!isSingleLine(text)) return new UsageRefusal('lineNotSingle', { option });
  if (hasBrokenCharacter(text)) return new UsageRefusal('lineBroken', { option });
  if (hasHiddenFormatCharacter(text)) return new UsageRefusal('lineHidden', { option });
  return null;
}

/** Node's own refusal of the arguments, by its code, with the option or argument it quotes. */
function argumentRefusal(error: Error & { code?: string }): UsageRefusal {
  const quotedPart = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageRefusal('unknownOption', { option: quotedPart });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageRefusal(error.message.includes('argument missing') ? 'optionNeedsValue' : 'optionTakesNoValue', {
        option: quotedPart.split(' ')[0] ?? quotedPart,
      });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageRefusal('unexpectedArgument', { argument: quotedPart });
    default:
      return new UsageRefusal('failed', { detail: error.message });
  }
}

/**
 * The language asked for with --language, looked for before anything else is parsed, so that even a refusal
 * of the other arguments is said in it; the environment's otherwise. A value other than en or ko is refused,
 * in the environment's language.
 */
function languageOf(argv: readonly string[], env: Environment): { language: CliLanguage; refused?: UsageRefusal } {
  const fromEnvironment = languageFromEnvironment(env);
  const index = argv.findIndex((arg) => arg === '--language' || arg.startsWith('--language='));
  if (index === -1) return { language: fromEnvironment };
  const arg = argv[index] as string;
  const value = arg.startsWith('--language=') ? arg.slice('--language='.length) : argv[index + 1];
  if (value !== undefined && isCliLanguage(value)) return { language: value };
  const refused =
    value === undefined ? new UsageRefusal('optionNeedsValue', { option: '--language' }) : new UsageRefusal('languageChoice', { value });
  return { language: fromEnvironment, refused };
}

function parse(argv: string[]) {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    throw argumentRefusal(error as Error);
  }
  const { values, tokens } = parsed;
  if (values.help) return null;
  // Given twice, an option would quietly take its last value: "--out draft.pdf … --out pack.pdf" writes
  // where the user may not have looked, and "--db a --db b" reads another store than the first one named.
  const named = tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : []));
  const repeated = named.find((name, index) => named.indexOf(name) !== index);
  if (repeated) throw new UsageRefusal('repeatedOption', { option: repeated });
  if (!values.out) throw new UsageRefusal('outRequired');
  if (values.sample && (values.db || values.pack)) throw new UsageRefusal('sampleAndStore');
  if (!values.sample && !(values.db && values.pack)) throw new UsageRefusal('sampleOrStore');
  if (values.paper !== undefined && !paperSizes.includes(values.paper as PaperSize))
    throw new UsageRefusal('paperChoice', { choices: paperSizes.join(', '), value: values.paper });
  if (values['copy-for'] !== undefined && values['copy-for'].trim() === '') throw new UsageRefusal('copyForEmpty');
  for (const option of ['copy-for', 'author'] as const) {
    const value = values[option];
    const problem = value === undefined ? null : lineProblem(`--${option}`, value);
    if (problem) throw problem;
  }
  const fd = values['passphrase-fd'];
  if (fd !== undefined && !/^\d+$/.test(fd)) throw new UsageRefusal('passphraseFdNumber', { value: fd });
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
      language: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** Where an encrypted store's passphrase comes from when no --passphrase-fd is given: asked with `prompt`. */
export type AskPassphrase = (prompt: string) => Promise<string>;

/**
 * Runs one export and returns the process exit code: 0 done, 1 failed, 2 wrong usage, 130 cancelled.
 * Every line is in the language of `env` (LC_ALL, LC_MESSAGES, LANG) or of --language.
 */
export async function runExportCli(
  argv: string[],
  output: CliOutput,
  signal?: AbortSignal,
  askPassphrase: AskPassphrase = (prompt) => askOnTerminal(prompt),
  env: Environment = process.env,
): Promise<number> {
  const { language, refused } = languageOf(argv, env);
  const texts = textsOf(language);
  let options: ReturnType<typeof parse>;
  try {
    if (refused) throw refused;
    options = parse(argv);
  } catch (error) {
    output.error(`sherpa export: ${wordExportError(error, language)}\n${texts.usage}`);
    return 2;
  }
  if (options === null) {
    output.result(texts.usage);
    return 0;
  }

  const out = path.resolve(options.out);
  // The store itself first: --replace never makes the store given with --db a place to write.
  const outProblem =
    (options.db ? checkOutIsNotStore(out, path.resolve(options.db), language) : null) ?? checkOut(out, options.replace === true, language);
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
      opened = await openSession(session, options.passphraseFd, () => askPassphrase(texts.passphrasePrompt), language);
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
      opened = await openSession(session, options.passphraseFd, () => askPassphrase(texts.passphrasePrompt), language);
      const found = findExportablePack(opened.core.db, options.pack as string, dbPath, language);
      if ('problem' in found) {
        output.error(`sherpa export: ${found.problem}`);
        return 1;
      }
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
          for (const line of describeUnprintable(records, language)) output.error(`sherpa export: ${say(language, 'warning', { line })}`);
        },
        // The step, as the app's export panel says it; the file being written is named, since it was given here.
        onProgress: (progress) =>
          output.progress(
            `[${String(Math.round(progress.fraction * 100)).padStart(3)}%] ${steps[language][progress.step]}${progress.step === 'writing' ? ` ${out}` : ''}`,
          ),
      }),
    );
    const { timings } = result;
    const copy = !options['copy-for']
      ? ''
      : result.copyNumber === null
        ? texts.copyUnregistered
        : say(language, 'copyNumbered', { number: result.copyNumber });
    output.result(
      say(language, 'result', {
        path: result.path,
        pages: result.pages,
        kib: Math.round(result.bytes / 1024),
        banner: result.banner,
        copy,
        ms: Math.round(timings.totalMs),
        printMs: Math.round(timings.enginePrintMs),
        passes: timings.passes,
      }),
    );
    return 0;
  } catch (error) {
    if (error instanceof ExportCancelledError || signal?.aborted) {
      output.error(`sherpa export: ${texts.cancelled}`);
      return 130;
    }
    output.error(`sherpa export: ${wordExportError(error, language)}`);
    return 1;
  } finally {
    // Closing the session stops the core: the export finished, the engine and the store close.
    await session?.close();
    if (temporaryStore) fs.rmSync(temporaryStore, { recursive: true, force: true });
  }
}

const steps = { en: exportStepsEn, ko: exportStepsKo };
const recordKinds = { en: recordKindsEn, ko: recordKindsKo };

/** One sentence per record whose characters no font draws, in `language`: its kind as the app names it, and the scripts. */
export function describeUnprintable(records: readonly UnprintableRecord[], language: CliLanguage = 'en'): string[] {
  const scriptNames = new Intl.DisplayNames([language], { type: 'script', fallback: 'code' });
  return records.map((record) =>
    say(language, 'unprintable', {
      kind: recordKinds[language][record.kind],
      title: record.title,
      scripts: record.scripts.map((code) => scriptNames.of(code) ?? code).join(', '),
      characters: record.characters,
    }),
  );
}

/**
 * What is wrong with the place the PDF is to be written, found before any
 * printing, with its true cause; null when a file can be written there.
 */
export function checkOut(out: string, replace = false, language: CliLanguage = 'en'): string | null {
  const folder = path.dirname(out);
  const problem = (key: Parameters<typeof say>[1], detail?: string) =>
    say(language, key, { out, folder, ...(detail === undefined ? {} : { detail }) });
  if (path.extname(out).toLowerCase() !== '.pdf') return problem('outNotPdf');
  const kind = (target: string) => {
    try {
      return fs.statSync(target).isDirectory() ? 'folder' : 'file';
    } catch {
      return 'missing';
    }
  };
  if (kind(out) === 'folder') return problem('outIsFolder');
  if (kind(folder) === 'missing') return problem('outFolderMissing');
  if (kind(folder) === 'file') return problem('outFolderIsFile');
  // A PDF its owner protected from writing (a signed-off pack, say) is not replaced, even where the account could.
  if (kind(out) === 'file' && (fs.statSync(out).mode & 0o222) === 0) return problem('outReadOnly');
  // Another pack, or another recipient's copy, exported earlier under this name: replaced only when asked.
  if (kind(out) === 'file' && !replace) return problem('outExists');
  // A real file is the only reliable probe (permissions, read-only disks, full disks), and it is removed at once.
  const probe = path.join(folder, `.sherpa-export-probe-${process.pid}`);
  try {
    fs.closeSync(fs.openSync(probe, 'wx'));
    fs.rmSync(probe);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return problem('outNotWritable');
    if (code === 'EROFS') return problem('outReadOnlyDisk');
    if (code === 'ENOSPC') return problem('outDiskFull');
    return problem('outCannotWrite', code ?? (error as Error).message);
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
export function checkOutIsNotStore(out: string, store: string, language: CliLanguage = 'en'): string | null {
  const storeFiles = new Set([entryOf(store)]);
  try {
    storeFiles.add(fs.realpathSync(store));
  } catch {
    // No store there: opening it says so, with its own message.
  }
  const storeIdentity = fileIdentity(store);
  const sameFile = storeIdentity !== null && fileIdentity(out) === storeIdentity;
  return storeFiles.has(entryOf(out)) || sameFile ? say(language, 'outIsStore', { out }) : null;
}

/**
 * Opens the store through the lock: a plain one (no key file beside it) at
 * once, an encrypted one with the passphrase from the descriptor or the terminal.
 */
async function openSession(
  session: LockableDispatch<CoreStore>,
  fd: number | undefined,
  ask: () => Promise<string>,
  language: CliLanguage,
): Promise<CoreStore> {
  if (!(await session.unlockSilently())) {
    const unlocked = await session.dispatch('session.unlock', { passphrase: await passphraseOf(fd, ask, language) });
    if (!unlocked.ok) throw new SessionRefusal(unlocked.error);
  }
  const opened = session.current();
  if (!opened) throw new CliRefusal('storeNotOpened');
  return opened;
}

async function passphraseOf(fd: number | undefined, ask: () => Promise<string>, language: CliLanguage): Promise<string> {
  try {
    return fd === undefined ? await ask() : readPassphraseFromFd(fd);
  } catch (error) {
    // The terminal's two cases in words (passphraseInput.ts); the system's code (EBADF, say) otherwise.
    const { code, message } = error as NodeJS.ErrnoException;
    const why =
      code === 'ENOTTY' ? say(language, 'noTerminal') : code === 'ECANCELED' ? say(language, 'typingCancelled') : (code ?? message);
    throw new CliRefusal('passphraseUnreadable', { why });
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../db/open.ts';
import { readKeyFile } from '../main/keys/keyFile.ts';
import { unlockWithPassphrase } from '../main/keys/keyring.ts';
import { type PackDefinition, type PaperSize, paperSizes } from '../shared/domain.ts';
import { askOnTerminal, readPassphraseFromFd } from './passphraseInput.ts';

export interface CliOutput {
  progress(line: string): void;
  error(line: string): void;
  result(line: string): void;
}

const usage = `Usage:
  npm run export -- --sample --out FILE.pdf [--paper a4|letter] [--copy-for NAME]
  npm run export -- --db PATH --pack NAME --out FILE.pdf [--paper a4|letter] [--copy-for NAME]
  (either form also takes --author NAME, written into the PDF's properties; default "Sherpa")
  An encrypted store asks for its passphrase on the terminal, or reads it from
  an open file descriptor with --passphrase-fd N (e.g. 3<passphrase.txt); never as an argument.`;

class UsageError extends Error {}

function parse(argv: string[]) {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return null;
  if (!values.out) throw new UsageError('--out FILE.pdf is required.');
  if (values.sample && (values.db || values.pack)) throw new UsageError('Give either --sample, or --db and --pack, not both.');
  if (!values.sample && !(values.db && values.pack)) throw new UsageError('Give --sample, or both --db PATH and --pack NAME.');
  if (values.paper !== undefined && !paperSizes.includes(values.paper as PaperSize))
    throw new UsageError(`--paper must be one of ${paperSizes.join(', ')}, not “${values.paper}”.`);
  if (values['copy-for'] !== undefined && values['copy-for'].trim() === '') throw new UsageError('--copy-for needs a recipient name.');
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
    options: {
      sample: { type: 'boolean' },
      db: { type: 'string' },
      pack: { type: 'string' },
      out: { type: 'string' },
      paper: { type: 'string' },
      'copy-for': { type: 'string' },
      author: { type: 'string' },
      'passphrase-fd': { type: 'string' },
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

  // Loaded only once the arguments are right, so a usage error answers at once.
  const [
    { openDatabase },
    { findPackByName, listPacks, savePack },
    { loadSampleIfEmpty },
    { createChromiumEngine },
    { ExportCancelledError },
  ] = await Promise.all([
    import('../db/open.ts'),
    import('../db/packs.ts'),
    import('../db/sample/vilnius-2023.ts'),
    import('../main/pdf/chromiumEngine.ts'),
    import('../main/pdf/engine.ts'),
  ]);
  const [{ exportPack }, { samplePackDefinition, samplePackName }] = await Promise.all([
    import('../main/pdf/exportPack.ts'),
    import('../main/pdf/samplePack.ts'),
  ]);
  let db: Db | null = null;
  let temporaryStore: string | null = null;
  const engine = createChromiumEngine();
  try {
    let packName: string;
    let definition: PackDefinition;
    if (options.sample) {
      temporaryStore = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-export-'));
      db = openDatabase(path.join(temporaryStore, 'sherpa.sqlite'));
      loadSampleIfEmpty(db);
      const pack = savePack(db, samplePackName, samplePackDefinition(db));
      packName = pack.name;
      definition = pack.definition;
    } else {
      const dbPath = path.resolve(options.db as string);
      if (!fs.existsSync(dbPath)) throw new Error(`No Sherpa store at ${dbPath}.`);
      const key = await storeKey(path.dirname(dbPath), options.passphraseFd, askPassphrase);
      db = openDatabase(dbPath, key ? { key } : {});
      const pack = findPackByName(db, options.pack as string);
      if (!pack) {
        const names = listPacks(db).map((saved) => `“${saved.name}”`);
        throw new Error(
          `No pack named “${options.pack}” in ${dbPath}. ${names.length ? `Saved packs: ${names.join(', ')}.` : 'It has no saved packs.'}`,
        );
      }
      packName = pack.name;
      definition = pack.definition;
    }
    const result = await exportPack(db, engine, {
      packName,
      definition,
      outPath: options.out,
      ...(options.paper ? { paper: options.paper } : {}),
      ...(options['copy-for'] ? { copyFor: options['copy-for'] } : {}),
      ...(options.author ? { author: options.author } : {}),
      ...(signal ? { signal } : {}),
      onProgress: (progress) => output.progress(`[${String(Math.round(progress.fraction * 100)).padStart(3)}%] ${progress.message}`),
    });
    const { timings } = result;
    output.result(
      `${result.path}: ${result.pages} pages, ${Math.round(result.bytes / 1024)} KiB, banner ${result.banner}` +
        `${result.copyNumber === null ? '' : `, copy ${result.copyNumber}`}; ${Math.round(timings.totalMs)} ms ` +
        `(engine print ${Math.round(timings.enginePrintMs)} ms, ${timings.passes} passes)`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ExportCancelledError) {
      output.error(`sherpa export: ${error.message}`);
      return 130;
    }
    output.error(`sherpa export: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await engine.close();
    db?.close();
    if (temporaryStore) fs.rmSync(temporaryStore, { recursive: true, force: true });
  }
}

/** The data key of an encrypted store (its key file sits beside it), or undefined for a plain store. */
async function storeKey(dataDir: string, fd: number | undefined, ask: AskPassphrase): Promise<Buffer | undefined> {
  if (!readKeyFile(dataDir)) return undefined;
  let passphrase: string;
  try {
    passphrase = fd === undefined ? await ask() : readPassphraseFromFd(fd);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `This store is encrypted and no passphrase could be read (${why}). Type it on a terminal, or pass --passphrase-fd N with the passphrase on that descriptor.`,
    );
  }
  return unlockWithPassphrase(dataDir, passphrase);
}

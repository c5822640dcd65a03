import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { latestVersion } from '../../db/migrations/index.ts';
import { type DatasetSize, fullDataset, type GeneratedDataset, generatorVersion, quickDataset } from '../../db/sample/generate.ts';
import { round } from './stats.ts';

// The growth benchmark's stores: the benchmark dataset at 10,000, 100,000 and
// 1,000,000 annotations and notes, everything else scaled with them (the quick
// store, the full store, ten full stores' worth), so a meeting brief or a
// sector holds about as much at every size and only the store around it grows.
// Each is generated once and kept in a cache between runs: the largest takes
// minutes to write.

export interface GrowthSize {
  /** Annotations and notes: the size a figure's growth is measured against. */
  readonly annotations: number;
  readonly dataset: DatasetSize;
}

/**
 * One meeting draw in (annotations / 50) goes to the sample meeting: 2,000 in the full store, as
 * the full benchmark has it, and the same dozen-odd extra annotations on it at every size.
 */
export const sampleMeetingEvery = (size: GrowthSize) => size.annotations / 50;

export const growthSizes: readonly GrowthSize[] = [
  { annotations: 10_000, dataset: quickDataset },
  { annotations: 100_000, dataset: fullDataset },
  { annotations: 1_000_000, dataset: { summits: 3_000, meetings: 60_000, sectorEntries: 500_000, annotations: 1_000_000 } },
];

export const defaultCacheDir = path.join(os.homedir(), '.cache', 'sherpa-bench', 'growth');

/** What is written beside a cached store, and checked before it is used again. */
export interface CachedStoreManifest {
  readonly generatorVersion: number;
  readonly seed: number;
  readonly dataset: DatasetSize;
  readonly sampleMeetingEvery: number;
  /** The schema the store was generated at; a copy is upgraded before it is measured. */
  readonly schemaVersion: number;
  readonly bytes: number;
  readonly mtimeMs: number;
  readonly generated: GeneratedDataset;
  readonly generateSeconds: number;
  readonly loadAverageWhileGenerating: number;
}

export interface GrowthStore {
  readonly file: string;
  readonly manifest: CachedStoreManifest;
  /** False when this run generated it. */
  readonly reused: boolean;
}

/** generator version, seed and size: a store is reused only for the same three. */
export function cacheKey(seed: number, size: GrowthSize): string {
  return `g${generatorVersion}-seed${seed}-${size.annotations}`;
}

/**
 * Why a cached store may not be used, or null when it may: it must be the
 * file that was written (size and time), at a schema this Sherpa can upgrade,
 * holding the counts its manifest says.
 */
export function cachedStoreProblem(file: string, manifest: CachedStoreManifest, seed: number, size: GrowthSize): string | null {
  if (manifest.generatorVersion !== generatorVersion) return `generator version ${manifest.generatorVersion}, not ${generatorVersion}`;
  if (manifest.seed !== seed || JSON.stringify(manifest.dataset) !== JSON.stringify(size.dataset)) return 'another seed or size';
  if (manifest.sampleMeetingEvery !== sampleMeetingEvery(size)) return 'another share for the sample meeting';
  if (!fs.existsSync(file)) return 'the store is missing';
  const stat = fs.statSync(file);
  if (stat.size !== manifest.bytes || Math.round(stat.mtimeMs) !== Math.round(manifest.mtimeMs))
    return 'the store changed after it was written';
  if (manifest.schemaVersion > latestVersion) return `schema ${manifest.schemaVersion} is newer than this Sherpa`;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== manifest.schemaVersion) return `schema ${version}, manifest says ${manifest.schemaVersion}`;
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const notes = count('note');
    if (notes !== size.annotations) return `${notes} notes, expected ${size.annotations}`;
    const meetings = count('meeting');
    if (meetings !== manifest.generated.counts.meetings) return `${meetings} meetings, expected ${manifest.generated.counts.meetings}`;
    const entries = count('sector_entry');
    if (entries !== manifest.generated.counts.sectorEntries)
      return `${entries} sector entries, expected ${manifest.generated.counts.sectorEntries}`;
  } finally {
    db.close();
  }
  return null;
}

/** The cached store for this seed and size, verified, or a new one generated (in its own process) and cached. */
export function growthStore(
  root: string,
  cacheDir: string,
  seed: number,
  size: GrowthSize,
  progress: (message: string) => void,
): GrowthStore {
  const key = cacheKey(seed, size);
  const file = path.join(cacheDir, `${key}.sqlite`);
  const manifestFile = path.join(cacheDir, `${key}.json`);
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as CachedStoreManifest;
    const problem = cachedStoreProblem(file, manifest, seed, size);
    if (problem === null) return { file, manifest, reused: true };
    progress(`cached store ${key} not used (${problem}): generating it again`);
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.rmSync(manifestFile, { force: true });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const partial = `${file}.partial`;
  progress(`generating ${size.annotations.toLocaleString('en-US')} annotations and notes into ${cacheDir}`);
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      path.join(root, 'scripts/generate-dataset.ts'),
      '--out',
      partial,
      '--seed',
      String(seed),
      '--summits',
      String(size.dataset.summits),
      '--meetings',
      String(size.dataset.meetings),
      '--entries',
      String(size.dataset.sectorEntries),
      '--annotations',
      String(size.dataset.annotations),
      '--sample-meeting-every',
      String(sampleMeetingEvery(size)),
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0) {
    fs.rmSync(partial, { force: true });
    throw new Error(`generating ${key} failed:\n${child.stderr}`);
  }
  const generateSeconds = round((performance.now() - started) / 1000, 1);
  const loadAverageWhileGenerating = round(os.loadavg()[1] ?? 0, 2);
  const generated = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? 'null') as GeneratedDataset;
  fs.renameSync(partial, file);
  // Read-only on disk as well: only copies are measured (note saves write to the store).
  fs.chmodSync(file, 0o444);
  const stat = fs.statSync(file);
  const probe = new Database(file, { readonly: true });
  const schemaVersion = probe.pragma('user_version', { simple: true }) as number;
  probe.close();
  const manifest: CachedStoreManifest = {
    generatorVersion,
    seed,
    dataset: size.dataset,
    sampleMeetingEvery: sampleMeetingEvery(size),
    schemaVersion,
    bytes: stat.size,
    mtimeMs: stat.mtimeMs,
    generated,
    generateSeconds,
    loadAverageWhileGenerating,
  };
  fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return { file, manifest, reused: false };
}

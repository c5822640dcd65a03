// Two heap snapshots of the page compared (e.g. the day's two ends, kept by
// `node scripts/bench/day.ts --snapshots DIR`): bytes by kind of node, then the
// kinds that grew most, by bytes and by count. A leak shows as objects,
// closures, strings or DOM wrappers growing with the walks; the engine's
// tiering shows as code only (InstructionStream, feedback, deoptimisation data).
//   node scripts/bench/heapDiff.ts start.heapsnapshot end.heapsnapshot [--top 30]
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { HeapSnapshotJson } from './heapCode.ts';

export interface NodeGroup {
  readonly count: number;
  readonly bytes: number;
}

export interface SnapshotSummary {
  /** Bytes by node type (object, closure, string, code, native…). */
  readonly byType: ReadonlyMap<string, number>;
  /** Count and bytes by type and name ("object\tObject", "code\tsystem / InstructionStream"). */
  readonly byName: ReadonlyMap<string, NodeGroup>;
}

/** Groups a snapshot's nodes; strings by their first 40 characters, engine-internal names with their numbers folded. */
export function summariseSnapshot(snapshot: HeapSnapshotJson): SnapshotSummary {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field)) as [number, number, number];
  const byType = new Map<string, number>();
  const byName = new Map<string, NodeGroup>();
  for (let node = 0; node < snapshot.nodes.length; node += fields.length) {
    const type = types[snapshot.nodes[node + typeAt] ?? -1] ?? '?';
    const size = snapshot.nodes[node + sizeAt] ?? 0;
    const rawName = snapshot.strings[snapshot.nodes[node + nameAt] ?? -1] ?? '';
    const name = type.endsWith('string') ? rawName.slice(0, 40) : rawName.replace(/\d+/g, '#').slice(0, 80);
    const key = `${type}\t${name}`;
    const group = byName.get(key) ?? { count: 0, bytes: 0 };
    byName.set(key, { count: group.count + 1, bytes: group.bytes + size });
    byType.set(type, (byType.get(type) ?? 0) + size);
  }
  return { byType, byName };
}

export interface GroupChange {
  readonly key: string;
  readonly before: NodeGroup;
  readonly after: NodeGroup;
}

/** Every group in either snapshot with its count and bytes at both. */
export function compareSnapshots(before: SnapshotSummary, after: SnapshotSummary): GroupChange[] {
  const none = { count: 0, bytes: 0 };
  return [...new Set([...before.byName.keys(), ...after.byName.keys()])].map((key) => ({
    key,
    before: before.byName.get(key) ?? none,
    after: after.byName.get(key) ?? none,
  }));
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '30' } } });
  const [beforeFile, afterFile] = positionals;
  if (!beforeFile || !afterFile) throw new Error('usage: heapDiff.ts BEFORE.heapsnapshot AFTER.heapsnapshot [--top N]');
  const read = (file: string) => summariseSnapshot(JSON.parse(fs.readFileSync(file, 'utf8')) as HeapSnapshotJson);
  const before = read(beforeFile);
  const after = read(afterFile);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log('bytes by kind:');
  for (const type of new Set([...before.byType.keys(), ...after.byType.keys()]))
    console.log(`  ${type}: ${kb(before.byType.get(type) ?? 0)} -> ${kb(after.byType.get(type) ?? 0)}`);
  const changes = compareSnapshots(before, after);
  const top = Number(values.top);
  const line = (change: GroupChange) =>
    `  ${kb(change.after.bytes - change.before.bytes)}\t${change.before.count} -> ${change.after.count}\t${change.key}`;
  console.log('grew most, by bytes:');
  for (const change of changes.sort((a, b) => b.after.bytes - b.before.bytes - (a.after.bytes - a.before.bytes)).slice(0, top))
    console.log(line(change));
  console.log('grew most, by count (code apart):');
  for (const change of changes
    .filter((change) => !change.key.startsWith('code\t'))
    .sort((a, b) => b.after.count - b.before.count - (a.after.count - a.before.count))
    .slice(0, top))
    console.log(line(change));
}

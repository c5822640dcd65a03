import { describe, expect, it } from 'vitest';
import type { HeapSnapshotJson } from './heapCode.ts';
import { compareSnapshots, summariseSnapshot } from './heapDiff.ts';

const nodeTypes = ['hidden', 'object', 'closure', 'code', 'string'];

/** A heap snapshot in V8's format from [type, name, size] nodes, without edges (the comparison reads none). */
function snapshotOf(nodes: [string, string, number][]): HeapSnapshotJson {
  const strings: string[] = [];
  const text = (value: string) => {
    const at = strings.indexOf(value);
    return at >= 0 ? at : strings.push(value) - 1;
  };
  return {
    snapshot: {
      meta: {
        node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
        node_types: [nodeTypes],
        edge_fields: ['type', 'name_or_index', 'to_node'],
        edge_types: [['internal']],
      },
    },
    nodes: nodes.flatMap(([type, name, size], index) => [nodeTypes.indexOf(type), text(name), index, size, 0]),
    edges: [],
    strings,
  };
}

describe('two heap snapshots compared', () => {
  it('says which kind grew: the engine’s code apart from the page’s objects, with engine names folded', () => {
    const start = summariseSnapshot(
      snapshotOf([
        ['object', 'Object', 40],
        ['code', 'system / InstructionStream', 100],
      ]),
    );
    const end = summariseSnapshot(
      snapshotOf([
        ['object', 'Object', 40],
        ['code', 'system / InstructionStream', 100],
        ['code', 'system / InstructionStream', 300],
        ['hidden', 'system / Context 12', 8],
        ['hidden', 'system / Context 13', 8],
      ]),
    );
    expect(end.byType.get('code')).toBe(400);
    expect(end.byType.get('object')).toBe(start.byType.get('object'));
    const grown = compareSnapshots(start, end).filter((change) => change.after.bytes > change.before.bytes);
    expect(grown).toEqual([
      { key: 'code\tsystem / InstructionStream', before: { count: 1, bytes: 100 }, after: { count: 2, bytes: 400 } },
      { key: 'hidden\tsystem / Context #', before: { count: 0, bytes: 0 }, after: { count: 2, bytes: 16 } },
    ]);
  });
});

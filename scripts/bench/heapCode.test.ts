import { describe, expect, it } from 'vitest';
import { compiledCodeOf, type HeapSnapshotJson } from './heapCode.ts';

const nodeTypes = ['hidden', 'object', 'closure', 'regexp', 'code', 'native', 'synthetic', 'string'];
const edgeTypes = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'];

/** A heap snapshot in V8's format, from nodes listed with their edges: [type, name, size, [[edge name, to]...]]. */
function snapshotOf(nodes: [string, string, number, [string, number][]][]): HeapSnapshotJson {
  const strings: string[] = [];
  const text = (value: string) => {
    const at = strings.indexOf(value);
    return at >= 0 ? at : strings.push(value) - 1;
  };
  const width = 5;
  return {
    snapshot: {
      meta: {
        node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
        node_types: [nodeTypes],
        edge_fields: ['type', 'name_or_index', 'to_node'],
        edge_types: [edgeTypes],
      },
    },
    nodes: nodes.flatMap(([type, name, size, edges], index) => [nodeTypes.indexOf(type), text(name), index, size, edges.length]),
    edges: nodes.flatMap(([, , , edges]) => edges.flatMap(([name, to]) => [edgeTypes.indexOf('internal'), text(name), to * width])),
    strings,
  };
}

const megabyte = 1024 * 1024;

describe('compiled code in a heap snapshot', () => {
  it("tells the app's optimised functions from the driver's and from regular expressions, and counts the functions and their pieces", () => {
    const snapshot = snapshotOf([
      [
        'synthetic',
        '(root)',
        0,
        [
          ['a', 1],
          ['b', 5],
          ['c', 8],
        ],
      ],
      [
        'code',
        'system / SharedFunctionInfo / summitView',
        40,
        [
          ['script', 2],
          ['code', 3],
          ['baseline_code', 14],
        ],
      ],
      ['code', 'system / Script', 40, [['name', 4]]],
      ['code', 'system / Code', 40, [['instruction_stream', 6]]],
      ['string', 'http://127.0.0.1:4000/assets/index-abc.js', 60, []],
      [
        'code',
        'system / SharedFunctionInfo / getAriaRole',
        40,
        [
          ['script', 7],
          ['code', 9],
        ],
      ],
      ['code', 'system / InstructionStream', 2 * megabyte, []],
      ['code', 'system / Script', 40, []],
      ['regexp', '[a-z]+', 32, [['data', 11]]],
      ['code', 'system / Code', 40, [['instruction_stream', 10]]],
      ['code', 'system / InstructionStream', megabyte, []],
      ['native', 'system / IrRegExpData', 40, [['code', 12]]],
      ['code', 'system / Code', 40, [['instruction_stream', 13]]],
      ['code', 'system / InstructionStream', megabyte / 4, []],
      // summitView's second piece: its baseline code beside the optimised one.
      ['code', 'system / Code', 40, [['instruction_stream', 15]]],
      ['code', 'system / InstructionStream', megabyte / 2, []],
    ]);
    expect(compiledCodeOf(snapshot, '/assets/')).toEqual({
      functions: 2,
      appMachineCodeMb: 2.5,
      driverMachineCodeMb: 1,
      regexpCodeMb: 0.25,
      functionsWithMachineCode: 2,
      mostMachineCodePerFunction: 2,
    });
  });
});

// What V8's compiled code in a heap snapshot belongs to. A page that made
// functions at run time (eval, new Function) would add SharedFunctionInfos;
// one that compiled a regular expression per call would add regexp code; the
// engine optimising more of the same functions adds machine code only.

export interface HeapSnapshotJson {
  snapshot: {
    meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface CompiledCode {
  /** Functions V8 knows (SharedFunctionInfos): constant unless code is made at run time. */
  readonly functions: number;
  /** Machine code (Sparkplug, Maglev, TurboFan) of functions from the app's own bundle, by its URL. */
  readonly appMachineCodeMb: number;
  /** Machine code of scripts with no URL: the browser driver's injected scripts and the benchmark's own evaluations. */
  readonly driverMachineCodeMb: number;
  readonly regexpCodeMb: number;
  /**
   * Functions holding machine code, and the most pieces one of them holds. The engine keeps at most a
   * baseline and an optimised piece per function (and one for on-stack replacement), so growth in the
   * first with the second staying small is more functions tiered up, not copies piling up.
   */
  readonly functionsWithMachineCode: number;
  readonly mostMachineCodePerFunction: number;
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;

/** Follows each piece of machine code up to the function or regular expression that holds it. */
export function compiledCodeOf(snapshot: HeapSnapshotJson, appUrlPart: string): CompiledCode {
  const { node_fields: nodeFields, node_types: nodeTypes, edge_fields: edgeFields, edge_types: edgeTypes } = snapshot.snapshot.meta;
  const nodeWidth = nodeFields.length;
  const edgeWidth = edgeFields.length;
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((field) => nodeFields.indexOf(field)) as [
    number,
    number,
    number,
    number,
  ];
  const [edgeTypeAt, edgeNameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((field) => edgeFields.indexOf(field)) as [
    number,
    number,
    number,
  ];
  const count = snapshot.nodes.length / nodeWidth;
  const at = (node: number, field: number) => snapshot.nodes[node * nodeWidth + field] ?? 0;
  const nameOf = (node: number) => snapshot.strings[at(node, nameAt)] ?? '';
  const typeOf = (node: number) => nodeTypes[0][at(node, typeAt)] ?? '';
  const firstEdge = new Uint32Array(count + 1);
  for (let node = 0, edge = 0; node < count; node++) {
    firstEdge[node] = edge;
    edge += at(node, edgeCountAt) * edgeWidth;
  }
  firstEdge[count] = snapshot.edges.length;
  const retainers: number[][] = Array.from({ length: count }, () => []);
  for (let node = 0; node < count; node++) {
    for (let edge = firstEdge[node] ?? 0; edge < (firstEdge[node + 1] ?? 0); edge += edgeWidth) {
      retainers[(snapshot.edges[edge + toAt] ?? 0) / nodeWidth]?.push(node);
    }
  }
  const edgeTo = (node: number, name: string): number => {
    for (let edge = firstEdge[node] ?? 0; edge < (firstEdge[node + 1] ?? 0); edge += edgeWidth) {
      const type = edgeTypes[0][snapshot.edges[edge + edgeTypeAt] ?? -1];
      if ((type === 'internal' || type === 'property') && snapshot.strings[snapshot.edges[edge + edgeNameAt] ?? -1] === name) {
        return (snapshot.edges[edge + toAt] ?? 0) / nodeWidth;
      }
    }
    return -1;
  };
  const scriptUrlOf = (sharedInfo: number) => {
    const script = edgeTo(sharedInfo, 'script');
    const source = script < 0 ? -1 : edgeTo(script, 'name');
    return source < 0 ? '' : nameOf(source);
  };
  type Owner = { readonly kind: 'function'; readonly sharedInfo: number; readonly url: string } | { readonly kind: 'regexp' } | null;
  const functionOwner = (sharedInfo: number): Owner => ({ kind: 'function', sharedInfo, url: scriptUrlOf(sharedInfo) });
  /** Whose code: a function (with its script's URL), a regular expression, or nobody within reach (a builtin). */
  const ownerOf = (code: number): Owner => {
    let frontier = [code];
    const seen = new Set(frontier);
    for (let hop = 0; hop < 4; hop++) {
      const next: number[] = [];
      for (const node of frontier) {
        for (const retainer of retainers[node] ?? []) {
          if (seen.has(retainer)) continue;
          seen.add(retainer);
          const name = nameOf(retainer);
          if (name.startsWith('system / SharedFunctionInfo')) return functionOwner(retainer);
          if (typeOf(retainer) === 'regexp' || name.includes('RegExpData')) return { kind: 'regexp' };
          const shared = typeOf(retainer) === 'closure' ? edgeTo(retainer, 'shared') : -1;
          if (shared >= 0) return functionOwner(shared);
          next.push(retainer);
        }
      }
      frontier = next;
    }
    return null;
  };
  let functions = 0;
  let app = 0;
  let driver = 0;
  let regexp = 0;
  const piecesPerFunction = new Map<number, number>();
  for (let node = 0; node < count; node++) {
    const name = nameOf(node);
    if (typeOf(node) !== 'code') continue;
    if (name.startsWith('system / SharedFunctionInfo')) functions++;
    if (name !== 'system / InstructionStream') continue;
    const owner = ownerOf(node);
    const size = at(node, sizeAt);
    if (owner?.kind === 'regexp') regexp += size;
    if (owner?.kind !== 'function') continue;
    piecesPerFunction.set(owner.sharedInfo, (piecesPerFunction.get(owner.sharedInfo) ?? 0) + 1);
    if (owner.url.includes(appUrlPart)) app += size;
    else if (owner.url === '') driver += size;
  }
  return {
    functions,
    appMachineCodeMb: megabytes(app),
    driverMachineCodeMb: megabytes(driver),
    regexpCodeMb: megabytes(regexp),
    functionsWithMachineCode: piecesPerFunction.size,
    mostMachineCodePerFunction: Math.max(0, ...piecesPerFunction.values()),
  };
}

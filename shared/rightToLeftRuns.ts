// An Arabic, Persian or Hebrew name in an English line, followed by a number: "Met in المنامة, 2025." The bidi
// algorithm takes a European number after an Arabic letter for an Arabic one and sets it inside the right-to-left
// run, so the line read "Met in 2025 ,المنامة" on screen and in print: the year before the place, the comma
// turned round. Each right-to-left run of a left-to-right line is isolated (a `bdi`), from its first
// right-to-left letter to its last, so what stands between two of its words (digits inside an Arabic phrase)
// stays the phrase's and what follows it stays the English line's. A right-to-left line is left to the
// algorithm: there an English word inside stays the line's, as its reader expects.

/** Letters of the scripts written right to left. */
export const rightToLeftLetter =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
const letter = /\p{L}/u;
const mark = /\p{M}/u;

const isRightToLeft = (character: string) => letter.test(character) && rightToLeftLetter.test(character);
const isLeftToRight = (character: string) => letter.test(character) && !rightToLeftLetter.test(character);

/** Whether a line reads right to left: its first letter is of a right-to-left script (as `dir="auto"` decides). */
export function readsRightToLeft(line: string): boolean {
  for (const character of line) {
    if (isRightToLeft(character)) return true;
    if (isLeftToRight(character)) return false;
  }
  return false;
}

/**
 * Where the right-to-left runs of a left-to-right line stand, as [start, end) offsets in UTF-16 units: each
 * from a right-to-left letter to the last such letter (with its marks) before a left-to-right letter or the end.
 * None for a line that reads right to left, or holds no right-to-left letter.
 */
export function rightToLeftRuns(line: string): [number, number][] {
  if (!rightToLeftLetter.test(line) || readsRightToLeft(line)) return [];
  const runs: [number, number][] = [];
  let start = -1;
  let end = -1;
  let at = 0;
  for (const character of line) {
    const next = at + character.length;
    if (isRightToLeft(character)) {
      if (start === -1) start = at;
      end = next;
    } else if (mark.test(character) && end === at) {
      end = next;
    } else if (isLeftToRight(character) && start !== -1) {
      runs.push([start, end]);
      start = -1;
    }
    at = next;
  }
  if (start !== -1) runs.push([start, end]);
  return runs;
}

/** A node of a line's inline tree: its text, or an element holding more of them. */
export type InlineNode = string | { tag: string; children: InlineNode[] };

const textOf = (node: InlineNode): string => (typeof node === 'string' ? node : node.children.map(textOf).join(''));

/** The parts of `nodes` that fall in [from, to) of their text, each element cut kept around what it holds. */
function cut<T extends InlineNode>(nodes: readonly T[], from: number, to: number): T[] {
  const kept: T[] = [];
  let at = 0;
  for (const node of nodes) {
    const length = textOf(node).length;
    const start = Math.max(from - at, 0);
    const end = Math.min(to - at, length);
    if (end > start || (length === 0 && at >= from && at < to)) {
      if (typeof node === 'string') kept.push(node.slice(start, end) as T);
      else kept.push({ ...(node as Exclude<T, string>), children: cut(node.children, start, end) });
    }
    at += length;
  }
  return kept;
}

/** Where each element that must not be cut (a link, whose address prints after it) starts and ends. */
function wholeSpans(nodes: readonly InlineNode[], whole: (node: InlineNode) => boolean, at = 0): [number, number][] {
  const spans: [number, number][] = [];
  for (const node of nodes) {
    const length = textOf(node).length;
    if (typeof node !== 'string') {
      if (whole(node)) spans.push([at, at + length]);
      else spans.push(...wholeSpans(node.children, whole, at));
    }
    at += length;
  }
  return spans;
}

/**
 * One line's inline tree with each right-to-left run of a left-to-right line wrapped in an isolating element
 * (`isolate`), the elements a run starts or ends inside cut in two; an element `whole` says may not be cut is
 * taken into the run whole. A line with nothing to isolate comes back as it was.
 */
export function isolateRightToLeft<T extends InlineNode>(
  nodes: readonly T[],
  isolate: (children: T[]) => T,
  whole: (node: InlineNode) => boolean = () => false,
): T[] {
  const runs = rightToLeftRuns(nodes.map(textOf).join(''));
  if (runs.length === 0) return [...nodes];
  const spans = wholeSpans(nodes, whole);
  const widened: [number, number][] = [];
  for (const [from, to] of runs) {
    let start = from;
    let end = to;
    for (const [spanStart, spanEnd] of spans) {
      if (spanStart < start && start < spanEnd) start = spanStart;
      if (spanStart < end && end < spanEnd) end = spanEnd;
    }
    const last = widened.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else widened.push([start, end]);
  }
  const result: T[] = [];
  let at = 0;
  for (const [start, end] of widened) {
    result.push(...cut(nodes, at, start), isolate(cut(nodes, start, end)));
    at = end;
  }
  result.push(...cut(nodes, at, Number.POSITIVE_INFINITY));
  return result.filter((node) => node !== '');
}

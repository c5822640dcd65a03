import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Writes shared/hanSimplified.ts, the table search reads traditional Chinese characters by: each traditional
// character ICU's "Traditional-Simplified" transliterator turns into one other character, with that character.
// Node's own ICU has no transliterator, so the table is made once with ICU's `uconv` (Debian: icu-devtools) and
// committed:  node scripts/han-table.ts
// A character the transliterator turns into one it turns again (苎 and 苧 into each other, 薴 into 苧) is left as
// it is: reading a text twice must give what reading it once gave.

const ranges: [number, number][] = [
  [0x3400, 0x4dbf], // CJK Unified Ideographs Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
];
const characters = ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, at) => String.fromCodePoint(from + at)));
const simplified = execFileSync('uconv', ['-f', 'utf-8', '-t', 'utf-8', '-x', 'Traditional-Simplified'], {
  input: characters.join('\n'),
  encoding: 'utf8',
  maxBuffer: 1 << 24,
}).split('\n');
if (simplified.length !== characters.length) throw new Error(`uconv gave ${simplified.length} lines for ${characters.length}`);

const table = new Map<string, string>();
characters.forEach((character, at) => {
  const to = simplified[at] ?? character;
  if (to !== character && [...to].length === 1) table.set(character, to);
});
for (const [from, to] of [...table]) if (table.has(to)) table.delete(from);

const pairs = [...table].map(([from, to]) => from + to);
const lines: string[] = [];
for (let at = 0; at < pairs.length; at += 40) lines.push(`  '${pairs.slice(at, at + 40).join('')}',`);
const version = /ICU [\d.]+/.exec(execFileSync('uconv', ['--version'], { encoding: 'utf8' }))?.[0] ?? 'ICU';
const file = `// Written by scripts/han-table.ts from ${version}'s Traditional-Simplified transliterator; do not edit.
// Each pair is a traditional character and the simplified one search reads it as (shared/cjk.ts asSimplified).

export const traditionalSimplifiedPairs = [
${lines.join('\n')}
].join('');
`;
const out = path.join(import.meta.dirname, '..', 'shared', 'hanSimplified.ts');
fs.writeFileSync(out, file);
console.log(`han-table: ${table.size} pairs written to ${out}`);

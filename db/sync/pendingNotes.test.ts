import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// A name after a dot is a property (a snapshot's key), not a table.
const replicationTables = /(?<!\.)\bsync_(rev|doc|home|branched|waiting|held|deleted_row)\b/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' || entry.name === 'node_modules' ? [] : sourceFiles(relative);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

/** The text of a file with its comments blanked, so a table named in a comment is not a statement. */
function codeOf(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const lineOf = (code: string, at: number) => code.slice(code.lastIndexOf('\n', at) + 1, code.indexOf('\n', at));

/** Where each `syncStatement(…)` call's arguments start and end. */
function syncStatementCalls(code: string): [number, number][] {
  const calls: [number, number][] = [];
  for (const match of code.matchAll(/\b(?:syncStatement|syncPrepare)\(/g)) {
    let depth = 1;
    let at = (match.index ?? 0) + match[0].length;
    while (depth > 0 && at < code.length) {
      if (code[at] === '(') depth += 1;
      else if (code[at] === ')') depth -= 1;
      at += 1;
    }
    calls.push([match.index ?? 0, at]);
  }
  return calls;
}

/** Every place outside `syncStatement(…)` and `syncPrepare(…)` that names a replication table: a statement that would not see marked notes' revisions. */
function unguardedReplicationSql(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    if (file === path.join('db', 'sync', 'pendingNotes.ts')) return [];
    const code = codeOf(fs.readFileSync(path.join(root, file), 'utf8'));
    const calls = syncStatementCalls(code);
    return [...code.matchAll(replicationTables)]
      .filter((match) => !/sqlite_master|sqlite_schema|table_info\(/.test(lineOf(code, match.index ?? 0)))
      .filter((match) => !calls.some(([start, end]) => (match.index ?? 0) > start && (match.index ?? 0) < end))
      .map((match) => `${file}:${code.slice(0, match.index).split('\n').length}: ${match[0]}`);
  });
}

describe('statements on the replication tables', () => {
  it('are all prepared through syncStatement, so every one sees the revisions of notes saved before it', () => {
    expect(unguardedReplicationSql([...sourceFiles('db'), ...sourceFiles('main'), ...sourceFiles('scripts')])).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';

export interface ScanFinding {
  rule: string;
  /** Path relative to the project root, or null for a global check. */
  file: string | null;
  line: number;
  /** electronegativity's scale: 0 informational, 1 low, 2 medium, 3 high. */
  severity: number;
  severityName: string;
  description: string;
}

const mediumSeverity = 2;
/** How many lines above a finding its explanation may sit. */
const linesAbove = 5;

/**
 * `electronegativity-ignore: RULE — reason` (several rules may share one
 * reason: `RULE_A, RULE_B — reason`), with a dash or colon before a reason of
 * at least a few words' length.
 */
export function markerPattern(rule: string): RegExp {
  if (!/^[A-Z0-9_]+$/.test(rule)) return /(?!)/;
  const other = '[A-Z0-9_]+\\s*,\\s*';
  return new RegExp(`electronegativity-ignore:\\s*(?:${other})*${rule}(?:\\s*,\\s*[A-Z0-9_]+)*\\s*(?:—|–|-|:)\\s*\\S.{9,}`);
}

function explainedAt(source: string, line: number, rule: string): boolean {
  const lines = source.split('\n');
  const pattern = markerPattern(rule);
  return lines.slice(Math.max(0, line - 1 - linesAbove), line).some((text) => pattern.test(text));
}

function* sourceFiles(folder: string): Generator<string> {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') yield* sourceFiles(full);
    else if (/\.(ts|tsx|html)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield full;
  }
}

/** Findings of medium severity or above that no comment explains. */
export function findingsToFail(
  findings: readonly ScanFinding[],
  readSource: (file: string) => string,
  folders: readonly string[],
): ScanFinding[] {
  let everything: string | null = null;
  return findings.filter((finding) => {
    if (finding.severity < mediumSeverity) return false;
    if (finding.file === null) {
      everything ??= folders.flatMap((folder) => [...sourceFiles(folder)].map((file) => fs.readFileSync(file, 'utf8'))).join('\n');
      return !markerPattern(finding.rule).test(everything);
    }
    let source: string;
    try {
      source = readSource(finding.file);
    } catch {
      return true;
    }
    return !explainedAt(source, finding.line, finding.rule);
  });
}

// Runs @doyensec/electronegativity over main/, preload/ and renderer/, offline,
// writes its SARIF report, and fails on any finding of medium severity or
// above that no code comment explains. The marker, on the finding's line or
// the three lines above it (anywhere in the scanned code for a global check,
// which has no line):
//
//   // electronegativity-ignore: RULE_ID — why it does not apply
//
// A marker with no reason does not count.
import './electronegativity/noNetwork.ts';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { findingsToFail, type ScanFinding } from './electronegativity/findings.ts';

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string; value: number };
  confidence: { name: string };
  description: string;
}
interface SarifReport {
  runs: {
    results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
  }[];
}
type Run = (
  options: Record<string, unknown>,
  forCli?: boolean,
) => Promise<{ issues: Issue[]; errors: { file: string; message: string }[] }>;

const root = path.resolve(import.meta.dirname, '..');
const scanned = ['main', 'preload', 'renderer'];
// Network checks cannot run offline (and Sherpa makes no request).
const excludedChecks = ['AvailableSecurityFixesGlobalCheck'];
const reportFile = path.join(root, 'out', 'electronegativity.sarif');

/** Shipped code only: tests and their helpers are not part of the app. */
function copySources(target: string): void {
  for (const folder of scanned) {
    fs.cpSync(path.join(root, folder), path.join(target, folder), {
      recursive: true,
      filter: (source) => !/\.test\.tsx?$|\.helpers\.ts$|node_modules/.test(source),
    });
  }
  fs.copyFileSync(path.join(root, 'package.json'), path.join(target, 'package.json'));
}

/**
 * electronegativity writes its report with a fire-and-forget fs.writeFile:
 * wait for the folder to change until the report parses whole, rather than
 * polling on a timer. The watcher is set up before the first read, so a write
 * finishing in between is not missed.
 */
function readReport(): Promise<SarifReport> {
  const parsed = (): SarifReport | null => {
    try {
      return JSON.parse(fs.readFileSync(reportFile, 'utf8')) as SarifReport;
    } catch {
      return null;
    }
  };
  return new Promise((resolve, reject) => {
    const watcher = fs.watch(path.dirname(reportFile));
    const finish = (report: SarifReport | null, error?: Error) => {
      clearTimeout(deadline);
      watcher.close();
      if (report) resolve(report);
      else reject(error);
    };
    const deadline = setTimeout(
      () => finish(null, new Error(`electronegativity wrote no complete report to ${reportFile} within 60 s`)),
      60_000,
    );
    watcher.on('change', () => {
      const report = parsed();
      if (report) finish(report);
    });
    const already = parsed();
    if (already) finish(already);
  });
}

async function main(): Promise<number> {
  fs.rmSync(reportFile, { force: true });
  const require = createRequire(import.meta.url);
  const run = require('@doyensec/electronegativity/dist/runner.js') as Run;
  const electronVersion = (
    JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
  ).devDependencies.electron;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-electronegativity-'));
  try {
    copySources(workDir);
    fs.mkdirSync(path.dirname(reportFile), { recursive: true });
    const result = await run({
      input: workDir,
      output: reportFile,
      isSarif: true,
      customScan: [],
      excludeFromScan: excludedChecks,
      isRelative: true,
      isVerbose: true,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
    const sarif = await readReport();
    const results = sarif.runs[0]?.results ?? [];
    if (results.length !== result.issues.length) throw new Error('The SARIF report and the scan disagree on the number of findings.');
    // writeIssues emits one SARIF result per issue, in order: the issue adds the severity SARIF leaves out.
    const findings: ScanFinding[] = results.map((entry, index) => {
      const location = entry.locations[0]?.physicalLocation;
      const uri = location?.artifactLocation.uri ?? 'file:///';
      return {
        rule: entry.ruleId,
        file: uri === 'file:///' ? null : uri,
        line: location?.region.startLine ?? 1,
        severity: result.issues[index]?.severity.value ?? 0,
        severityName: result.issues[index]?.severity.name ?? 'UNKNOWN',
        description: result.issues[index]?.description ?? '',
      };
    });
    const failing = findingsToFail(
      findings,
      (file) => fs.readFileSync(path.join(root, file), 'utf8'),
      scanned.map((folder) => path.join(root, folder)),
    );
    for (const error of result.errors)
      console.error(`electronegativity could not parse ${path.relative(workDir, error.file)}: ${error.message}`);
    const medium = findings.filter((finding) => finding.severity >= 2).length;
    console.log(
      `electronegativity: ${findings.length} findings, ${medium} of medium severity or above, ${medium - failing.length} explained in the code; report in ${path.relative(root, reportFile)}`,
    );
    for (const finding of failing) {
      console.error(`  ${finding.severityName} ${finding.rule} at ${finding.file ?? '(global)'}:${finding.line}: ${finding.description}`);
    }
    if (failing.length > 0)
      console.error('Fix each one, or explain in a comment: // electronegativity-ignore: RULE_ID — why it does not apply');
    return failing.length === 0 && result.errors.length === 0 ? 0 : 1;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();

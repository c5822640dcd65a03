import { execFile, execFileSync } from 'node:child_process';
import { coverageOfRanges, type FontCoverage } from '../../shared/fontCoverage.ts';

export { type FontCoverage, missingCharacters, scriptOf } from '../../shared/fontCoverage.ts';

// Chromium draws a character no installed font has as an empty box ("tofu"),
// silently: a principal handed a pack with boxes in a counterpart's name. On
// Linux Chromium finds its fonts through fontconfig, so the union of every
// installed font's character set is what it can draw; fontconfig lists it in
// one call. No font is ever fetched: Sherpa prints with what the machine has.

/** Reads `fc-list --format '%{charset}\n'`: one line per font, of hex code points and ranges ("20-7e a0 …"). */
export function parseFontCharsets(output: string): FontCoverage {
  const ranges: [number, number][] = [];
  for (const token of output.split(/\s+/)) {
    const match = /^([0-9a-f]+)(?:-([0-9a-f]+))?$/i.exec(token);
    if (!match?.[1]) continue;
    const start = Number.parseInt(match[1], 16);
    ranges.push([start, match[2] ? Number.parseInt(match[2], 16) : start]);
  }
  return coverageOfRanges(ranges);
}

const fcListArguments = ['--format', '%{charset}\\n'];
let installed: FontCoverage | null | undefined;

/**
 * The installed fonts' coverage, read once per process (a font installed
 * later counts after a restart); null where fontconfig is missing (macOS,
 * Windows), where Sherpa cannot tell and so does not warn.
 */
export function installedFontCoverage(): FontCoverage | null {
  if (installed !== undefined) return installed;
  try {
    installed = parseFontCharsets(execFileSync('fc-list', fcListArguments, { encoding: 'utf8', timeout: 10_000 }));
  } catch {
    installed = null;
  }
  return installed;
}

let reading: Promise<FontCoverage | null> | undefined;

/**
 * The same, read without holding up the process while fontconfig runs (50 to 110 ms on a busy machine): a window
 * asks just after its first view shows, and the store's other answers, the list of every summit among them, come
 * meanwhile. A blocking read made meanwhile (an export) reads on its own, and the first to finish is kept.
 */
export function readInstalledFontCoverage(): Promise<FontCoverage | null> {
  if (installed !== undefined) return Promise.resolve(installed);
  reading ??= new Promise((resolve) => {
    execFile('fc-list', fcListArguments, { encoding: 'utf8', timeout: 10_000 }, (error, output) => {
      if (installed === undefined) {
        try {
          installed = error ? null : parseFontCharsets(output);
        } catch {
          installed = null;
        }
      }
      resolve(installed);
    });
  });
  return reading;
}

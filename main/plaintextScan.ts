import fs from 'node:fs';
import path from 'node:path';

// The proof that nothing rests in plaintext: look for known words in every
// file's bytes, as UTF-8 and as UTF-16 (how Chromium keeps local storage).

export interface PlaintextHit {
  file: string;
  word: string;
}

function encodings(word: string): Buffer[] {
  return [Buffer.from(word, 'utf8'), Buffer.from(word, 'utf16le')];
}

function filesUnder(folder: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder, { recursive: true }) as string[];
  } catch {
    return [];
  }
  return names
    .map((name) => path.join(folder, name))
    .filter((file) => {
      try {
        return fs.lstatSync(file).isFile();
      } catch {
        return false; // Gone while we looked (a WAL checkpoint, a browser's lock file).
      }
    });
}

/** Every (file, word) where the word's bytes appear in a file under one of `folders`. */
export function findPlaintext(folders: readonly string[], words: readonly string[]): PlaintextHit[] {
  const hits: PlaintextHit[] = [];
  const needles = words.map((word) => ({ word, forms: encodings(word) }));
  for (const file of folders.flatMap(filesUnder)) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      continue;
    }
    for (const { word, forms } of needles) if (forms.some((form) => bytes.includes(form))) hits.push({ file, word });
  }
  return hits;
}

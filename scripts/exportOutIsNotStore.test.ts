import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutIsNotStore } from './exportCli.ts';

// `--out` naming the store given with `--db` is refused before anything is written (export.test spawns the command
// for each spelling of the store's path). A name is not the only way to reach a file: on macOS's and Windows'
// disks, which ignore case, "pack.pdf" is "Pack.PDF", and anywhere a hard link is the file under another name. The
// paths differed, so "--db Pack.PDF --out pack.pdf --replace" wrote the PDF over the store.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-export-out-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('the export’s --out', () => {
  it('is refused when it is the store under another name (a hard link here, other capitals on a disk that ignores case)', () => {
    const store = path.join(folder, 'Desk-Store.pdf');
    fs.writeFileSync(store, 'SQLite format 3\u0000 the desk’s store');
    const otherName = path.join(folder, 'desk-store.pdf');
    fs.linkSync(store, otherName);
    expect(checkOutIsNotStore(otherName, store)).toBe(
      `--out ${otherName} is the store given with --db; the export never writes over what it reads. Give the PDF another name.`,
    );
  });

  it('is taken when it is another file, or none yet', () => {
    const store = path.join(folder, 'store.pdf');
    fs.writeFileSync(store, 'SQLite format 3\u0000');
    const earlier = path.join(folder, 'earlier-export.pdf');
    fs.writeFileSync(earlier, '%PDF-1.7');
    expect(checkOutIsNotStore(earlier, store)).toBeNull();
    expect(checkOutIsNotStore(path.join(folder, 'new.pdf'), store)).toBeNull();
  });
});

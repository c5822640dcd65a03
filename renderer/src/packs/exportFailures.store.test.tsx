import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { createDispatch } from '../../../main/ipc/dispatch.ts';
import { createHandlers } from '../../../main/ipc/handlers/index.ts';
import { writeError } from '../../../main/pdf/atomicFile.ts';
import { createChromiumEngine } from '../../../main/pdf/chromiumEngine.ts';
import { samplePackDefinition } from '../../../main/pdf/samplePack.ts';
import type { IpcError } from '../../../shared/contract.ts';
import { BridgeError } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { exportRefusal } from './packRefusal.ts';

// An export that cannot write its file says where it was writing and why, in
// the user's language: a folder Sherpa may not write in, a full disk, a folder
// gone, a path that is not a folder. Before, every such failure read "the
// exports folder may not be writable", and the folder was in the log only.

const engine = createChromiumEngine();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-export-failures-'));
afterAll(async () => {
  await engine.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** Exports the sample pack into `exportsDir`; answers the store's refusal. */
async function refusalExportingTo(exportsDir: string): Promise<IpcError> {
  const db = openScratchDatabase(':memory:');
  loadSampleIfEmpty(db);
  const dispatch = createDispatch({
    db,
    handlers: createHandlers({ db, clock: () => new Date('2023-07-10T08:00:00Z'), pdf: { engine, exportsDir } }),
  });
  const saved = await dispatch('pack.save', { name: 'Vilnius', definition: samplePackDefinition(db), expected: null });
  if (!saved.ok) throw new Error(saved.error.message);
  const result = await dispatch('pack.export', { id: (saved.value as { id: number }).id });
  db.close();
  if (result.ok) throw new Error('the export was written');
  return result.error;
}

const said = (error: IpcError, language: 'en' | 'ko') => exportRefusal(i18n.getFixedT(language), new BridgeError(error));

describe('an export that cannot write its file', () => {
  it('names a folder Sherpa may not write in (even as root: /sys), in English and in Korean', async () => {
    const refused = await refusalExportingTo('/sys/sherpa-exports');
    expect(refused).toMatchObject({ reason: 'export_not_writable', params: { folder: '/sys/sherpa-exports' } });
    expect(said(refused, 'en')).toBe(
      'The pack could not be exported: Sherpa may not write in the folder /sys/sherpa-exports (permission denied). Choose another folder or ask for write access. Nothing was written.',
    );
    expect(said(refused, 'ko')).toContain('/sys/sherpa-exports 폴더에 쓸 권한이 없습니다');
  });

  it('names a path that is a file, not a folder', async () => {
    const file = path.join(scratch, 'exports-is-a-file');
    fs.writeFileSync(file, 'not a folder');
    const refused = await refusalExportingTo(path.join(file, 'exports'));
    expect(refused).toMatchObject({ reason: 'export_not_a_folder', params: { folder: path.join(file, 'exports') } });
    expect(said(refused, 'en')).toContain(`${path.join(file, 'exports')} is not a folder`);
  });

  // mkdir answers EEXIST where a file stands at the folder's own path: the desk read "the system said EEXIST".
  it('names an exports folder that is a file, not a folder', async () => {
    const file = path.join(scratch, 'exports');
    fs.writeFileSync(file, 'not a folder');
    const refused = await refusalExportingTo(file);
    expect(refused).toMatchObject({ reason: 'export_not_a_folder', params: { folder: file } });
    expect(said(refused, 'en')).toBe(`The pack could not be exported: ${file} is not a folder. Nothing was written.`);
  });

  it('tells a full disk and a folder gone from a permission problem, and gives any other failure in the system’s words', () => {
    const failure = (code: string) => Object.assign(new Error(`${code}: system message`), { code });
    const target = '/media/usb/exports/Vilnius.pdf';
    expect(writeError(target, failure('ENOSPC'))).toMatchObject({ failure: 'disk_full', folder: '/media/usb/exports' });
    expect(writeError(target, failure('EDQUOT'))).toMatchObject({ failure: 'disk_full' });
    expect(writeError(target, failure('ENOENT'))).toMatchObject({ failure: 'folder_missing' });
    expect(writeError(target, failure('EACCES'))).toMatchObject({ failure: 'not_writable' });
    expect(writeError(target, failure('EIO'))).toMatchObject({ failure: 'other', detail: 'EIO' });
    const full = new BridgeError({
      code: 'invalid_request',
      message: 'x',
      reason: 'export_disk_full',
      params: { folder: '/media/usb/exports' },
    });
    expect(exportRefusal(i18n.getFixedT('en'), full)).toBe(
      'The pack could not be exported: the disk holding /media/usb/exports is full. Free some space and export again. Nothing was written.',
    );
    expect(exportRefusal(i18n.getFixedT('ko'), full)).toContain('/media/usb/exports 폴더가 있는 디스크가 가득 찼습니다');
  });
});

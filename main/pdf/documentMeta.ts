import type { DocumentInfo } from './documentInfo.ts';
import type { PackContent } from './packContent.ts';

/** The PDF's own title, author and subject, as a file browser or reader shows them. */
export function documentInfo(pack: PackContent, author: string, engineName: string, now: Date): DocumentInfo {
  return {
    // Shown by readers and file browsers beside no banner: it carries its portion mark as it does on the cover.
    title: `${pack.titleMark} ${pack.title}`,
    author,
    subject: [pack.banner.name, pack.summit?.title, pack.recipient ? `for ${pack.recipient}` : ''].filter(Boolean).join(' · '),
    creator: 'Sherpa',
    producer: `Sherpa with ${engineName === 'electron' ? 'Electron' : 'Chromium'} (Skia/PDF)`,
    created: now,
  };
}

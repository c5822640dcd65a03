import type { UnprintableRecord } from '../../shared/contract.ts';
import { type FontCoverage, missingCharacters, scriptOf } from './fontCoverage.ts';
import { noteLabel } from './noteLabel.ts';
import type { PackContent } from './packContent.ts';

// Which records of a pack hold characters the machine's fonts cannot draw, so
// the builder and the command line say so before the principal sees boxes.

type PrintedRecord = Omit<UnprintableRecord, 'scripts' | 'characters'> & { texts: unknown[] };

// A record's marking is the scheme's words, not the record's: a scheme named in Thai with Latin portion marks
// printed no Thai beside each record, yet named every record as printing Thai, and a Latin scheme with Thai
// portion marks named every record for its mark. The markings are checked once, as what they are (markingsRecord).
const markingKeys = new Set(['classification', 'mark', 'titleMark', 'contentsMark']);

/** Every text a record prints: its string fields and its tags, not its marking; ids and dates draw anyway. */
const textsOf = (record: object): unknown[] =>
  Object.entries(record)
    .filter(([key]) => !markingKeys.has(key))
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]));

/** Every portion mark the pack prints (records', sections', headings'), each once. */
function portionMarksOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const each of value) portionMarksOf(each, into);
  else if (typeof value === 'object' && value !== null)
    for (const [key, each] of Object.entries(value)) {
      if (markingKeys.has(key) && key !== 'classification' && typeof each === 'string') into.add(each);
      else portionMarksOf(each, into);
    }
  return into;
}

/** The banner on every page (and the cover's Classification line) and the portion marks: the scheme's words. */
const markingsRecord = (content: PackContent): PrintedRecord => ({
  kind: 'marking',
  title: content.banner.name,
  texts: [content.banner.name, ...portionMarksOf(content)],
});

/**
 * The cover's own texts: the pack's title and recipient, and the copy's recipient stamped on every page. Each is
 * named by itself: a Sinhala name typed for the copy stamp was named as the cover's title, “Delhi”, all Latin.
 */
const coverRecords = (cover: { title: string; recipient: string; copyFor: string }): PrintedRecord[] => [
  { kind: 'packTitle', title: cover.title, texts: [cover.title] },
  { kind: 'packRecipient', title: cover.recipient, texts: [cover.recipient] },
  { kind: 'copyFor', title: cover.copyFor, texts: [cover.copyFor] },
];

/** A "Source: title (publisher, date)." line under a brief or an entry. */
const sourceLine = (source: { title: string; publisher: string }): PrintedRecord => ({
  kind: 'source',
  title: source.title,
  texts: [source.title, source.publisher],
});

function printedRecords(content: PackContent, copyFor: string): PrintedRecord[] {
  const records: PrintedRecord[] = [
    ...coverRecords({ title: content.title, recipient: content.recipient, copyFor }),
    markingsRecord(content),
  ];
  // The cover prints these texts of the summit and the principal (main/pdf/template/cover.ts), nothing else of them:
  // a summit's description in Khmer, which no page holds, was named as printing boxes.
  if (content.summit) records.push({ kind: 'summit', title: content.summit.title, texts: [content.summit.title, content.summit.city] });
  if (content.principal) {
    const { name, nativeName, title } = content.principal;
    records.push({ kind: 'person', title: name, texts: [name, nativeName, title] });
  }
  const note = (annotation: { title: string; body: string }) => ({
    kind: 'annotation' as const,
    title: noteLabel(annotation),
    texts: textsOf(annotation),
  });
  for (const section of content.sections) {
    switch (section.kind) {
      case 'meeting':
        records.push({ kind: 'meeting', title: section.meeting.title, texts: textsOf(section.meeting) });
        if (section.counterpart) records.push({ kind: 'person', title: section.counterpart.name, texts: textsOf(section.counterpart) });
        // The pocket card's counterpart line names their country; a full brief prints its source line.
        if (section.form === 'pocket' && section.counterpartCountry)
          records.push({ kind: 'country', title: section.counterpartCountry.name, texts: [section.counterpartCountry.name] });
        if (section.form === 'full' && section.source) records.push(sourceLine(section.source));
        if (section.form === 'full') {
          for (const participant of section.participants)
            records.push({ kind: 'participant', title: participant.name, texts: textsOf(participant) });
          for (const followUp of section.followUps)
            records.push({ kind: 'followUp', title: followUp.description, texts: textsOf(followUp) });
          records.push(...section.annotations.map(note));
        }
        break;
      case 'sector':
        records.push({ kind: 'sector', title: section.sector.name, texts: textsOf(section.sector) });
        // The line under the sector's heading names its programme.
        records.push({ kind: 'programme', title: section.programme.name, texts: [section.programme.code, section.programme.name] });
        for (const { annotations, source, ...entry } of section.entries) {
          records.push({ kind: 'sectorEntry', title: entry.title, texts: textsOf(entry) }, ...annotations.map(note));
          if (source) records.push(sourceLine(source));
        }
        break;
      case 'timeline':
        for (const row of section.rows) records.push({ kind: 'timelineEvent', title: row.title, texts: textsOf(row) });
        break;
      case 'biographies':
        for (const person of section.people)
          records.push({ kind: 'person', title: person.name, texts: [...textsOf(person), person.country?.name] });
        break;
      case 'sources':
        for (const source of section.sources) records.push({ kind: 'source', title: source.title, texts: textsOf(source) });
        break;
      case 'notes':
        for (const group of section.groups) records.push(...group.notes.map((written) => ({ ...note(written), kind: 'note' as const })));
        break;
    }
  }
  return records;
}

/**
 * Each record (once, however many sections print it) holding characters no installed font draws,
 * with their scripts; empty when every character draws, or when the fonts cannot be asked.
 */
export function unprintableRecords(content: PackContent, coverage: FontCoverage | null, copyFor = ''): UnprintableRecord[] {
  return unprintableOf(printedRecords(content, copyFor), coverage);
}

/** The cover's texts as the builder holds them, before they are saved or the copy is printed: the same check, the same words. */
export function unprintableOfCover(
  cover: { title: string; recipient: string; copyFor: string },
  coverage: FontCoverage | null,
): UnprintableRecord[] {
  return unprintableOf(coverRecords(cover), coverage);
}

function unprintableOf(records: readonly PrintedRecord[], coverage: FontCoverage | null): UnprintableRecord[] {
  if (coverage === null) return [];
  const found = new Map<string, UnprintableRecord>();
  for (const record of records) {
    const text = record.texts.filter((value): value is string => typeof value === 'string').join('\n');
    const missing = missingCharacters(text, coverage);
    const key = `${record.kind}\u0000${record.title}`;
    if (missing.length === 0 || found.has(key)) continue;
    found.set(key, {
      kind: record.kind,
      title: record.title,
      scripts: [...new Set(missing.map(scriptOf))],
      characters: missing.slice(0, 12).join(''),
    });
  }
  return [...found.values()];
}

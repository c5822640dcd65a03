import type { ClassificationLevel, ClassificationScheme, UnmarkedRecord } from '../../shared/contract.ts';
import { highestMarking, markingOf, portionText } from '../../shared/markings.ts';

export interface MarkedItem {
  /** A level name of the scheme; '' when nobody has marked the item. */
  classification: string;
  /** How the user knows the item, for the list of what still needs a marking. */
  name: string;
  /** What the item is to the pack, for the builder to say `name` in the interface language; a plain record's own name when left out. */
  label?: Pick<UnmarkedRecord, 'role' | 'title' | 'on'>;
}

/** An item a pack cannot print: it carries no marking, or one the scheme does not have. */
export type UnmarkedItem = UnmarkedRecord;

/**
 * A pack holding unmarked material: printing it would put a banner on every
 * page that may understate what is inside. The message lists every item.
 */
export class UnmarkedMaterialError extends Error {
  readonly items: Pick<UnmarkedItem, 'name' | 'foreignLevel'>[];
  /** The scheme the items lack a level of, for the export command to name in the user's language. */
  readonly scheme: ClassificationScheme;
  constructor(items: Pick<UnmarkedItem, 'name' | 'foreignLevel'>[], scheme: ClassificationScheme) {
    const listed = items.map((item) => (item.foreignLevel ? `“${item.name}” (marked “${item.foreignLevel}”)` : `“${item.name}”`));
    super(
      // The scheme named in quotes, not before "scheme": a desk's own is often called "Desk scheme".
      `${items.length === 1 ? 'One item in this pack has' : `${items.length} items in this pack have`} no marking of the ` +
        `scheme “${scheme.name}” (${scheme.levels.map((level) => level.name).join(', ')}): ${listed.join('; ')}. ` +
        `Mark ${items.length === 1 ? 'it' : 'them'}, then export again.`,
    );
    this.name = 'UnmarkedMaterialError';
    this.items = items;
    this.scheme = scheme;
  }
}

/** The item as the export refuses it, or null when it carries a level of the scheme. */
export function unmarkedItem(scheme: ClassificationScheme, item: MarkedItem): UnmarkedItem | null {
  const marking = markingOf(scheme, item.classification);
  if (marking.kind === 'level') return null;
  const label = item.label ?? { role: 'record', title: item.name, on: '' };
  return { name: item.name, ...label, foreignLevel: marking.kind === 'unknown' ? marking.name : '' };
}

/**
 * The banner of a document: the highest level among the marked items. Items
 * without a marking are refused before printing (see UnmarkedMaterialError);
 * a document holding no marked record at all (only the timeline and sources,
 * which cite public sources and carry no marking of their own) is at the
 * scheme's lowest level.
 */
export function highestLevel(scheme: ClassificationScheme, items: Iterable<MarkedItem>): ClassificationLevel {
  const highest =
    highestMarking(
      scheme,
      [...items].map((item) => item.classification),
    ).level ?? scheme.levels[0];
  if (!highest) throw new Error(`The ${scheme.name} classification scheme has no levels.`);
  return highest;
}

/** The portion mark printed before a section or paragraph, e.g. "(NR)"; "(UNMARKED)" never reaches paper. */
export function portionMark(scheme: ClassificationScheme, item: MarkedItem): string {
  return portionText(scheme, item.classification);
}

/**
 * A section's marking as a level name: the highest level it holds, or, when
 * something in it carries no level of the scheme, that marking ('' for none),
 * as its portion mark says "(UNMARKED)" then. A section holding nothing marked
 * is at the lowest level, as highestLevel has it.
 */
export function sectionClassification(scheme: ClassificationScheme, classifications: string[]): string {
  const foreign = classifications.find((classification) => markingOf(scheme, classification).kind !== 'level');
  if (foreign !== undefined) return foreign;
  return highestLevel(
    scheme,
    classifications.map((classification) => ({ classification, name: '' })),
  ).name;
}

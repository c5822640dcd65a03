import type { ClassificationLevel, ClassificationScheme } from '../../shared/contract.ts';

/** A marked item whose level is not a level of the configured scheme: exporting it would print a wrong banner. */
export class UnknownClassificationError extends Error {
  readonly level: string;
  constructor(level: string, scheme: ClassificationScheme, itemName: string) {
    super(
      `“${itemName}” is marked “${level}”, which is not a level of the ${scheme.name} scheme ` +
        `(${scheme.levels.map((entry) => entry.name).join(', ')}). Correct its marking before exporting.`,
    );
    this.name = 'UnknownClassificationError';
    this.level = level;
  }
}

export interface MarkedItem {
  /** A level name of the scheme; '' stands for its lowest level. */
  classification: string;
  /** How the user knows the item, for the error message. */
  name: string;
}

/** The scheme level an item's marking stands for. */
export function levelOf(scheme: ClassificationScheme, item: MarkedItem): ClassificationLevel {
  const lowest = scheme.levels[0];
  if (!lowest) throw new Error(`The ${scheme.name} classification scheme has no levels.`);
  if (item.classification === '') return lowest;
  const level = scheme.levels.find((entry) => entry.name === item.classification);
  if (!level) throw new UnknownClassificationError(item.classification, scheme, item.name);
  return level;
}

/** The banner of a document: the highest level among everything in it (the lowest level when it holds nothing marked). */
export function highestLevel(scheme: ClassificationScheme, items: Iterable<MarkedItem>): ClassificationLevel {
  let highestIndex = 0;
  for (const item of items) highestIndex = Math.max(highestIndex, scheme.levels.indexOf(levelOf(scheme, item)));
  const level = scheme.levels[highestIndex];
  if (!level) throw new Error(`The ${scheme.name} classification scheme has no levels.`);
  return level;
}

/** The portion mark printed before a section or paragraph, e.g. "(NR)". */
export function portionMark(scheme: ClassificationScheme, item: MarkedItem): string {
  return `(${levelOf(scheme, item).portion})`;
}

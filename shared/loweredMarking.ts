import type { ConflictDecision } from './conflicts.ts';
import { bannerRank } from './markings.ts';

// Written once for the conflicts screen and the store: until a conflict is
// settled the record counts at the banner of its versions' markings (a pack
// prints it there), so a decision that leaves only lower-marked versions
// lowers it on every desk. The screen asks first; the store refuses such a
// decision unless it names the marking it lowers to.

/** One version of a record in conflict, by its revision and marking ('' when it has none). */
export interface MarkedVersion {
  rev: string;
  classification: string;
}

/** What a decision would do to the record's marking when it lowers it: the highest marking now, and the one left. */
export interface LoweredMarking {
  higher: string;
  lower: string;
}

/**
 * How high a marking ranks, levels given lowest first: none ('') lowest, then the scheme's levels, and a level the
 * scheme lacks (a record marked under an older scheme, or by another desk) highest, to be safe: it is never taken
 * for unmarked or for the lowest level.
 */
export function markingRank(marking: string, levels: readonly string[]): number {
  return marking === '' ? -1 : levels.includes(marking) ? levels.indexOf(marking) : levels.length;
}

/**
 * The marking of a record holding all these markings (a merge, or a conflict not yet settled), as a page holding
 * them is bannered: the highest by markingRank, or where that would drop a control marking of another (CONFIDENTIAL
 * beside SECRET//REL TO), the first level above that keeps them all (bannerRank: SECRET). '' when there are none.
 */
export function highestOf(markings: readonly string[], levels: readonly string[]): string {
  const highest = markings.reduce((best, marking) => (markingRank(marking, levels) > markingRank(best, levels) ? marking : best), '');
  if (!levels.includes(highest)) return highest;
  const held = markings.filter((marking) => levels.includes(marking)).map((marking) => levels.indexOf(marking));
  return levels[bannerRank(levels, held)] ?? highest;
}

/**
 * The markings a decision lowers the record between, or null when it does not lower it. A marking the scheme lacks
 * counts as the highest, an empty one as the lowest, as the store ranks them for a merge. A merge takes the highest
 * marking unless one is chosen: a version's (`choices.classification`) or one written (`texts.classification`, which
 * wins, as the store applies it); choosing a lower one lowers the record as a keep does.
 */
export function loweredMarking(
  winner: MarkedVersion,
  losers: readonly MarkedVersion[],
  decision: ConflictDecision,
  levels: readonly string[],
): LoweredMarking | null {
  const highest = (versions: readonly MarkedVersion[]) =>
    highestOf(
      versions.map((version) => version.classification),
      levels,
    );
  const versions = [winner, ...losers];
  const higher = highest(versions);
  const lower =
    decision.action === 'merge'
      ? (decision.texts?.classification ??
        versions.find((version) => version.rev === decision.choices.classification)?.classification ??
        higher)
      : highest(
          decision.action === 'keep'
            ? [winner]
            : decision.action === 'take'
              ? versions.filter((version) => version.rev === decision.rev)
              : versions.filter((version) => version.rev !== decision.rev),
        );
  return markingRank(lower, levels) < markingRank(higher, levels) ? { higher, lower } : null;
}

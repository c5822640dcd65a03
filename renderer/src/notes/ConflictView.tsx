import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteContent } from '../../../shared/contract.ts';
import type { Note } from '../../../shared/domain.ts';
import { highestOf, markingRank } from '../../../shared/loweredMarking.ts';
import { distinctTags } from '../../../shared/noteTags.ts';
import type { RevisionAuthor, RevokedContact } from '../../../shared/sync.ts';
import { formatInZone } from '../../../shared/time.ts';
import { TypingTextArea } from '../components/TypingTextArea.tsx';
import { AuthorLine } from '../conflicts/AuthorLine.tsx';
import { combinedText as bothVersions } from '../conflicts/conflictPages.ts';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { useLocale, useSettings } from '../settings/SettingsContext.tsx';
import { contentOf } from './draftJournal.ts';

/**
 * Both sides in one text for the user to edit, theirs first: nothing of either is dropped, and the lines both
 * kept appear once, as the conflicts screen's merge has them (two desks that each added a paragraph to a long
 * note got the whole note twice).
 */
export function combinedText(mine: string, theirs: string): string {
  return bothVersions(theirs, mine);
}

/**
 * The merged note keeps every tag of both sides and the classification of both (their banner), as the store ranks a merge
 * (shared/loweredMarking.ts): a level the scheme lacks is never taken for less than a level it has, or than none.
 */
export function mergedContent(mine: NoteContent, theirs: NoteContent, body: string, levels: readonly string[]): NoteContent {
  return {
    title: mine.title || theirs.title,
    body,
    // One tag whatever its case on each side, spelt as the other desk's version spells it.
    tags: distinctTags([...theirs.tags, ...mine.tags]),
    // The banner of both (CONFIDENTIAL beside SECRET//REL TO is SECRET): the merged text holds both.
    classification: highestOf([mine.classification, theirs.classification], levels),
  };
}

export interface ConflictViewProps {
  mine: NoteContent;
  theirs: Note;
  /**
   * A recovered draft reads differently from a live conflict, but is decided the same way;
   * `sync` is the note edited on two desks: "mine" is the text every desk shows now, "theirs" the other desk's.
   */
  kind: 'conflict' | 'recovered' | 'sync';
  /** When the text shown now was saved (sync conflicts). */
  mineSavedAt?: string;
  /** Which desk wrote each text (sync conflicts); null: not recorded. */
  /** `revoked`: desks this desk no longer trusts, said beside a version one of them claims. */
  authors?: { mine: RevisionAuthor | null; theirs: RevisionAuthor | null; revoked?: readonly RevokedContact[] };
  levels: readonly string[];
  onKeepMine: () => void;
  onKeepTheirs: () => void;
  onMerge: (content: NoteContent) => void;
}

/** Shows both texts side by side; the user keeps one or edits a combined text. */
export function ConflictView({ mine, theirs, kind, levels, mineSavedAt, authors, onKeepMine, onKeepTheirs, onMerge }: ConflictViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { homeTimeZone } = useSettings();
  const when = (instant: string | undefined) => (instant ? formatInZone(instant, homeTimeZone, true, locale) : '—');
  const [merging, setMerging] = useState<string | null>(null);
  const [lowering, setLowering] = useState(false);
  const headingId = useId();
  const theirsContent = contentOf(theirs);
  const labels =
    kind === 'conflict'
      ? {
          heading: t('notes.conflictHeading'),
          explain: t('notes.conflictExplain', { version: theirs.version }),
          mine: t('notes.conflictMine'),
          theirs: t('notes.conflictTheirs', { version: theirs.version }),
          keepMine: t('notes.keepMine'),
          keepTheirs: t('notes.keepTheirs'),
        }
      : kind === 'sync'
        ? {
            heading: t('conflicts.noteHeading'),
            explain: t('conflicts.noteExplain'),
            mine: t('conflicts.noteMine', { when: when(mineSavedAt) }),
            theirs: t('conflicts.noteTheirs', { when: when(theirs.updatedAt) }),
            keepMine: t('conflicts.noteKeepMine'),
            keepTheirs: t('conflicts.noteKeepTheirs'),
          }
        : {
            heading: t('notes.recoveredHeading'),
            explain: t('notes.recoveredExplain'),
            mine: t('notes.recoveredMine'),
            theirs: t('notes.recoveredTheirs', { version: theirs.version }),
            keepMine: t('notes.restoreUnsaved'),
            keepTheirs: t('notes.discardUnsaved'),
          };
  // Keeping this window's text over a saved version marked higher (raised in another window meanwhile) lowers the
  // note: asked first, as the conflicts screen asks for a colleague's version. A sync conflict asks in its own view.
  const higher = theirsContent.classification;
  const keepMineLowers = kind !== 'sync' && markingRank(mine.classification, levels) < markingRank(higher, levels);
  const markings = { higher, lower: mine.classification || t('conflicts.empty') };
  return (
    <section className="note-conflict" aria-labelledby={headingId}>
      <h3 id={headingId}>{labels.heading}</h3>
      <p>{labels.explain}</p>
      <div className="note-conflict-sides">
        <figure aria-label={labels.mine}>
          <figcaption>
            <PortionMark classification={mine.classification} /> {labels.mine}
            {authors ? <AuthorLine author={authors.mine} among={[authors.theirs]} revoked={authors.revoked} /> : null}
          </figcaption>
          <pre>{mine.body}</pre>
        </figure>
        <figure aria-label={labels.theirs}>
          <figcaption>
            <PortionMark classification={theirsContent.classification} /> {labels.theirs}
            {authors ? <AuthorLine author={authors.theirs} among={[authors.mine]} revoked={authors.revoked} /> : null}
          </figcaption>
          <pre>{theirsContent.body}</pre>
        </figure>
      </div>
      {lowering ? (
        <div className="conflict-lowering">
          <p role="alert">{t('notes.keepMineLowers', markings)}</p>
          <div className="button-row">
            <button type="button" onClick={() => onMerge({ ...mine, classification: higher })}>
              {t('notes.keepMineAtHigher', markings)}
            </button>
            <button type="button" onClick={onKeepMine}>
              {t('notes.keepMineLowered', markings)}
            </button>
            <button type="button" onClick={() => setLowering(false)}>
              {t('notes.keepMineCancel')}
            </button>
          </div>
        </div>
      ) : merging === null ? (
        <div className="button-row">
          <button type="button" onClick={keepMineLowers ? () => setLowering(true) : onKeepMine}>
            {labels.keepMine}
          </button>
          <button type="button" onClick={onKeepTheirs}>
            {labels.keepTheirs}
          </button>
          <button type="button" onClick={() => setMerging(combinedText(mine.body, theirsContent.body))}>
            {t('notes.mergeBoth')}
          </button>
        </div>
      ) : (
        <div className="note-merge">
          {mine.classification !== theirsContent.classification ? (
            <p className="note-merge-marking">
              {t('conflicts.noteMergeMarking', { marking: mergedContent(mine, theirsContent, merging, levels).classification || '—' })}
            </p>
          ) : null}
          <label htmlFor={`${headingId}-merged`}>
            {t('notes.mergedText')}
            <TypingTextArea id={`${headingId}-merged`} value={merging} rows={10} onValue={setMerging} />
          </label>
          <div className="button-row">
            <button type="button" onClick={() => onMerge(mergedContent(mine, theirsContent, merging, levels))}>
              {t('notes.saveMerged')}
            </button>
            <button type="button" onClick={() => setMerging(null)}>
              {t('notes.back')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

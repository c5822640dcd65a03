import { useId, useState } from 'react';
import type { Note } from '../../../db/types.ts';
import type { NoteContent } from '../../../main/ipc/contract.ts';
import { contentOf } from './draftJournal.ts';

/** Both sides in one text for the user to edit: nothing of either is dropped. */
export function combinedText(mine: string, theirs: string): string {
  if (mine === theirs) return mine;
  if (theirs.trim() === '') return mine;
  if (mine.trim() === '') return theirs;
  return `${theirs}\n\n---\n\n${mine}`;
}

/** The merged note keeps every tag of both sides and the higher classification. */
export function mergedContent(mine: NoteContent, theirs: NoteContent, body: string, levels: readonly string[]): NoteContent {
  const rank = (level: string) => levels.indexOf(level);
  return {
    title: mine.title || theirs.title,
    body,
    tags: [...new Set([...theirs.tags, ...mine.tags])],
    classification: rank(mine.classification) >= rank(theirs.classification) ? mine.classification : theirs.classification,
  };
}

export interface ConflictViewProps {
  mine: NoteContent;
  theirs: Note;
  /** A recovered draft reads differently from a live conflict, but is decided the same way. */
  kind: 'conflict' | 'recovered';
  levels: readonly string[];
  onKeepMine: () => void;
  onKeepTheirs: () => void;
  onMerge: (content: NoteContent) => void;
}

/** Shows both texts side by side; the user keeps one or edits a combined text. */
export function ConflictView({ mine, theirs, kind, levels, onKeepMine, onKeepTheirs, onMerge }: ConflictViewProps) {
  const [merging, setMerging] = useState<string | null>(null);
  const headingId = useId();
  const theirsContent = contentOf(theirs);
  const labels =
    kind === 'conflict'
      ? {
          heading: 'This note was changed elsewhere',
          explain: `Another window saved version ${theirs.version} while you were typing. Nothing has been overwritten.`,
          mine: 'My text (not saved)',
          theirs: `Their text (saved, version ${theirs.version})`,
          keepMine: 'Keep my text',
          keepTheirs: 'Keep their text',
        }
      : {
          heading: 'Unsaved text was found',
          explain: 'This text was typed but never reached the store (Sherpa was closed or stopped first).',
          mine: 'Unsaved text',
          theirs: `Saved text (version ${theirs.version})`,
          keepMine: 'Restore unsaved text',
          keepTheirs: 'Discard unsaved text',
        };
  return (
    <section className="note-conflict" aria-labelledby={headingId}>
      <h3 id={headingId}>{labels.heading}</h3>
      <p>{labels.explain}</p>
      <div className="note-conflict-sides">
        <figure aria-label={labels.mine}>
          <figcaption>{labels.mine}</figcaption>
          <pre>{mine.body}</pre>
        </figure>
        <figure aria-label={labels.theirs}>
          <figcaption>{labels.theirs}</figcaption>
          <pre>{theirsContent.body}</pre>
        </figure>
      </div>
      {merging === null ? (
        <div className="button-row">
          <button type="button" onClick={onKeepMine}>
            {labels.keepMine}
          </button>
          <button type="button" onClick={onKeepTheirs}>
            {labels.keepTheirs}
          </button>
          <button type="button" onClick={() => setMerging(combinedText(mine.body, theirsContent.body))}>
            Merge both…
          </button>
        </div>
      ) : (
        <div className="note-merge">
          <label>
            Merged text
            <textarea value={merging} rows={10} onChange={(event) => setMerging(event.target.value)} />
          </label>
          <div className="button-row">
            <button type="button" onClick={() => onMerge(mergedContent(mine, theirsContent, merging, levels))}>
              Save merged text
            </button>
            <button type="button" onClick={() => setMerging(null)}>
              Back
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

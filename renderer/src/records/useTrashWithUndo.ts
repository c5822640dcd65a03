import type { TFunction } from 'i18next';
import type { Note } from '../../../shared/domain.ts';
import { shortened } from '../../../shared/shortened.ts';
import { call } from '../bridge/index.ts';
import { useToast } from '../components/Undo.tsx';

/** Letters of an untitled note's first line that name it, as the Notes list and every record list name it. */
const nameLength = 80;

/**
 * Moves a note to the trash and offers Undo, which takes it out again (same note, same id) and says so. An untitled
 * note or annotation is named by its first line: the message said "Annotation 5", a number the desk never saw, and
 * "Untitled note" for a note the list names by its first words.
 */
export function useTrashWithUndo(): (note: Pick<Note, 'id' | 'title' | 'body'>, name?: string) => Promise<void> {
  const toast = useToast();
  return async (note, name) => {
    const firstLine = note.body.split('\n').find((line) => line.trim() !== '') ?? '';
    const label = (t: TFunction) => note.title || shortened(firstLine.trim(), nameLength) || name || t('notes.untitled');
    await call('note.trash', { id: note.id });
    toast({
      message: (t) => t('records.trashed', { name: label(t) }),
      undo: async () => {
        await call('note.restore', { id: note.id });
        return (t) => t('records.restored', { name: label(t) });
      },
    });
  };
}

import { parseRoute } from '../router.ts';
import { keepTypedAhead, type TypedAhead } from '../search/typedAhead.ts';

// Keys typed between opening a new record's form ("New meeting", "New person", a command) and the form appearing.
// Its code and what it starts from (the summit a meeting is added to) may still be on their way: a desk that pressed
// Enter and typed at once lost the first letters ("Call with Os" became "l with Os"). They are kept the way the
// search box keeps its own (search/typedAhead.ts) and the form's first field starts with them.

let kept: TypedAhead | null = null;
/**
 * Kept for a record that opens at an address of its own once made ("New note", then the note's page): the first
 * change of address is the way there, and forgets nothing; a second one is the desk going elsewhere.
 */
let throughOneAddress = false;

/**
 * From now until the form takes them, or the desk goes elsewhere first, what is typed is kept for the form.
 * `toItsAddress`: the record opens at an address of its own once made (a new note).
 */
export function keepTypedForForm(label: string, toItsAddress = false): void {
  kept ??= keepTypedAhead(() => {
    kept = null;
    throughOneAddress = false;
  }, label);
  throughOneAddress = toItsAddress;
}

/**
 * Keeps what is typed for a new record's form from the moment a link to one is pressed (Enter on "New meeting" is
 * its click) or the address turns to one (a command); going anywhere else forgets it. Returns the way to stop.
 */
export function keepTypedForNewForms(window: Window, label: () => string): () => void {
  const isNewForm = (hash: string) => parseRoute(hash).view === 'new';
  const onClick = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    const hash = link?.getAttribute('href') ?? '';
    // The same address again changes nothing, and no form comes to take the keys.
    if (hash !== window.location.hash && isNewForm(hash)) keepTypedForForm(label());
  };
  const onAddress = () => {
    if (isNewForm(window.location.hash)) keepTypedForForm(label());
    else if (throughOneAddress) throughOneAddress = false;
    else dropTypedForForm();
  };
  window.addEventListener('click', onClick, { capture: true });
  window.addEventListener('hashchange', onAddress, { capture: true });
  return () => {
    window.removeEventListener('click', onClick, { capture: true });
    window.removeEventListener('hashchange', onAddress, { capture: true });
    dropTypedForForm();
  };
}

/** What was typed since the form was asked for; stops keeping keys. */
export function takeTypedForForm(): string {
  const typed = kept?.take() ?? '';
  kept = null;
  throughOneAddress = false;
  return typed;
}

/** The desk went elsewhere before the form came: what was typed was for it, and goes nowhere else. */
export function dropTypedForForm(): void {
  kept?.drop();
  kept = null;
  throughOneAddress = false;
}

/** A field letters are typed into as they come (not a list, a date or a number, which would refuse them). */
export function takesText(field: Element | null | undefined): field is HTMLInputElement | HTMLTextAreaElement {
  return field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && (field.type === 'text' || field.type === 'search'));
}

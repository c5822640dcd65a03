// A picker (a native <select>) offers each record with its portion mark first: "(A) Evika Siliņa". Chromium's own
// type-ahead matches the whole text, so a desk typing "E" for Evika got nothing, and every name began with "(".
// Here the letters typed on a picker choose the first option whose name, after its mark, begins with them; the
// option chosen is shown and read with its mark as before (the classification is data, never dropped).

/** How long a pause starts a new name, as the browser's own type-ahead does. */
const pauseMs = 1000;

/** The option's text after the portion mark it opens with: "(AK) Jonas Gahr Støre" → "Jonas Gahr Støre". */
export function nameAfterMark(text: string): string {
  return text.replace(/^\([^)]*\)\s+/, '');
}

const folded = (text: string) => text.normalize('NFC').toLocaleLowerCase();

/**
 * The option `typed` chooses in `options`, from `current`: the first whose name begins with it; one letter pressed
 * again and again goes on to the next name with that letter, as a browser's does. -1: none.
 */
export function optionTyped(options: readonly string[], typed: string, current: number): number {
  const names = options.map((text) => folded(nameAfterMark(text)));
  const letters = Array.from(folded(typed));
  const oneLetterAgain = letters.length > 1 && letters.every((letter) => letter === letters[0]);
  if (oneLetterAgain || letters.length === 1) {
    const letter = letters[0] ?? '';
    const order = [...names.keys()].map((step) => (current + 1 + step) % names.length);
    return order.find((index) => names[index]?.startsWith(letter)) ?? -1;
  }
  return names.findIndex((name) => name.startsWith(letters.join('')));
}

/**
 * Answers letters typed on any picker of `root` whose options carry portion marks. Pickers without marks keep the
 * browser's own type-ahead, and so does a letter no name begins with.
 */
export function chooseByNameAfterMark(root: Document): () => void {
  const typing = new WeakMap<HTMLSelectElement, { typed: string; at: number }>();
  const onKey = (event: KeyboardEvent) => {
    const picker = event.target;
    if (!(picker instanceof HTMLSelectElement) || picker.multiple || event.isComposing || event.defaultPrevented) return;
    if (event.ctrlKey || event.metaKey || event.altKey || Array.from(event.key).length !== 1) return;
    const options = [...picker.options];
    const texts = options.map((option) => option.text);
    if (!texts.some((text) => nameAfterMark(text) !== text)) return;
    const last = typing.get(picker);
    const goingOn = last !== undefined && event.timeStamp - last.at < pauseMs;
    // A space within a name ("Jonas G") goes on with it; on its own it is the key that opens the list.
    if (event.key === ' ' && !goingOn) return;
    const typed = goingOn ? last.typed + event.key : event.key;
    typing.set(picker, { typed, at: event.timeStamp });
    const index = optionTyped(texts, typed, picker.selectedIndex);
    const option = index >= 0 ? options[index] : undefined;
    if (!option || option.disabled) return;
    event.preventDefault();
    if (index === picker.selectedIndex) return;
    picker.selectedIndex = index;
    // As the browser's own choice does: the form hears it as a change.
    picker.dispatchEvent(new Event('change', { bubbles: true }));
  };
  root.addEventListener('keydown', onKey);
  return () => root.removeEventListener('keydown', onKey);
}

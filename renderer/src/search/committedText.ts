/**
 * What a search box holds without the syllable an input method is still composing at the caret (`composing`, as the
 * last compositionupdate gave it): searched as typed, 윤석열 passed through ㅇ, 윤ㅅ, 윤서 and 윤석여, which find nothing,
 * and the results vanished and came back at every key. Without a composition, the text as it is.
 */
export function committedText(value: string, caret: number | null, composing: string): string {
  if (composing === '' || caret === null) return value;
  const start = caret - composing.length;
  return start >= 0 && value.slice(start, caret) === composing ? value.slice(0, start) + value.slice(caret) : value;
}

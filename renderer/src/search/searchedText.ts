import { syllableSoFar } from '../../../shared/hangul.ts';

/**
 * What a search box holds with the syllable an input method is still composing at the caret (`composing`, as the
 * last compositionupdate gave it) as far as it is sure to go: 윤석 while 석 is composed is searched as 윤서, which
 * finds 윤석열 and a 윤서겨 the ㄱ may yet begin (shared/hangul.ts); ㅅ begun after 윤석 is searched with it, which
 * the store reads as 윤석, and one typed among initials alone (ㅇㅅㅇ) as the initial it is. Searched as shown, 윤석
 * found nothing on its way to 윤서경. Without a composition, the text as it is.
 */
export function searchedText(value: string, caret: number | null, composing: string): string {
  if (composing === '' || caret === null) return value;
  const start = caret - composing.length;
  return start >= 0 && value.slice(start, caret) === composing
    ? value.slice(0, start) + syllableSoFar(composing) + value.slice(caret)
    : value;
}

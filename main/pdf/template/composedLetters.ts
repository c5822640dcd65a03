// A name pasted decomposed (macOS and some PDFs give "İ" as I and a combining dot, "Š" as S and a caron) printed
// with the mark loose: Noto Sans CJK, first in the pack's fonts, holds the I and the dot but cannot place one on
// the other, so "İstanbul" printed as "Iṡtanbul". Composed, the letter is one character, which the pack's faces
// for Latin, Greek and Cyrillic draw whole (printCss.ts). Only letters of those scripts are composed: canonically
// the same text, never a CJK compatibility ideograph made into its unified form.

const letterWithMarks = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]\p{M}+/gu;

/** `html` with each Latin, Greek or Cyrillic letter and the marks after it composed (NFC). */
export function composedLetters(html: string): string {
  return html.replace(letterWithMarks, (letter) => letter.normalize('NFC'));
}

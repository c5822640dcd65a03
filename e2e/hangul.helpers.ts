import type { CDPSession } from '@playwright/test';

// Hangul typed as an input method types it: each syllable composed (ㅎ, 후, 훈) in the field before it is committed,
// driven through Chromium's own composition (CDP Input.imeSetComposition, Input.insertText).

const initialConsonants = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
/**
 * What a Hangul input method shows while it builds a syllable: the initial consonant, then with its vowel, then whole.
 * A digit, a space or a line break it commits as typed, never composed.
 */
function compositionSteps(syllable: string): string[] {
  const index = (syllable.codePointAt(0) ?? 0) - 0xac00;
  if (index < 0 || index > 11_171) return [];
  const open = String.fromCodePoint(0xac00 + index - (index % 28));
  const steps = [initialConsonants[Math.floor(index / 588)] ?? syllable, open];
  return index % 28 === 0 ? steps : [...steps, syllable];
}

/**
 * Types `text` into the focused field through the input method, each syllable composed then committed; with
 * `composing`, the last syllable is left being composed, as when the officer presses a key or leaves mid-word.
 */
export async function typeHangul(ime: CDPSession, text: string, options: { composing?: boolean } = {}): Promise<void> {
  const letters = [...text];
  for (const [at, letter] of letters.entries()) {
    for (const step of compositionSteps(letter))
      await ime.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
    if (!(options.composing && at === letters.length - 1)) await ime.send('Input.insertText', { text: letter });
  }
}

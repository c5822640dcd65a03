/**
 * A key pressed while an input method is composing (a Hangul syllable being built, kana being converted) ends the
 * composition: Escape there cancels or commits the syllable, it is not the user giving up what they typed. Chromium
 * marks such a key `isComposing`, and some input methods send the key that ends a composition as keyCode 229.
 */
export function isComposingKey(event: { nativeEvent: { isComposing: boolean; keyCode: number } }): boolean {
  return event.nativeEvent.isComposing || event.nativeEvent.keyCode === 229;
}

// Which language a name's script implies, for the `lang` a screen or a printed page puts on it: the browser and the
// printer pick the font by it (kanji alone reads as Chinese; Hangul as Korean). A script several languages share
// with no way to tell them apart (Devanagari for Hindi and Nepali) gets none, so the text keeps the page's language.

const scripts: [RegExp, string][] = [
  [/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/, 'ko'],
  [/[\u3040-\u30ff]/, 'ja'],
  [/[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/, 'ar'],
  [/[\u4e00-\u9fff]/, 'zh'],
];

export function scriptLanguage(text: string): string | undefined {
  return scripts.find(([pattern]) => pattern.test(text))?.[1];
}

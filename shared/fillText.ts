/**
 * A sentence of shared/refusalTexts.ts (or the export command's texts) with its `{{name}}` values put in, for code
 * that words a refusal without i18next: the store's English messages and the export command. A value the sentence
 * names and the caller did not give stays visible as `{{name}}`, so a missing one is seen in a test, not hidden.
 */
export function fillText(sentence: string, params: Readonly<Record<string, string | number>> = {}): string {
  return sentence.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

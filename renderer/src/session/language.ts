import { interfaceLanguageOf } from '../../../shared/interfaceLanguage.ts';
import { i18n } from '../i18n/index.ts';

const languageKey = 'sherpa.language';

export function rememberLanguage(language: 'en' | 'ko'): void {
  try {
    window.localStorage.setItem(languageKey, language);
  } catch {
    // Storage refused: the lock screen falls back to English.
  }
}

/**
 * The interface language chosen last time, for the lock screen (the settings are in the locked store).
 * `orBrowsers`: with none remembered, the browser's own (a page refused its store has nothing else to go by).
 */
export function applyRememberedLanguage(options: { orBrowsers?: boolean } = {}): void {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(languageKey);
  } catch {
    stored = null;
  }
  const guess = stored ?? (options.orBrowsers ? interfaceLanguageOf(navigator.language) : null);
  const language = guess === 'ko' ? 'ko' : 'en';
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { ko } from './ko.ts';

export type Language = 'en' | 'ko';

/** Resources are bundled, so initialisation is synchronous and nothing is fetched. */
export const i18n: I18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ko: { translation: ko } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The locale Intl formats dates with, matching the interface language. */
export function localeOf(language: string): string {
  return language === 'ko' ? 'ko-KR' : 'en-GB';
}

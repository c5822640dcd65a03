import { createContext, type ReactNode, useContext, useEffect } from 'react';
import type { Settings } from '../../../shared/contract.ts';
import { i18n, localeOf } from '../i18n/index.ts';
import { rememberLanguage } from '../session/language.ts';
import { useQuery } from '../useQuery.ts';

/** What the views read from the settings; the rest belongs to other areas. */
export type ViewSettings = Pick<
  Settings,
  'homeTimeZone' | 'theme' | 'language' | 'classificationScheme' | 'defaultMarking' | 'autoLockMinutes'
>;

const fallback: ViewSettings = {
  homeTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  theme: 'system',
  language: 'en',
  classificationScheme: { name: '', levels: [{ name: '', portion: '' }] },
  defaultMarking: '',
  autoLockMinutes: 15,
};

const SettingsContext = createContext<ViewSettings>(fallback);

/** The user's settings for every view; theme and language are applied to the document as soon as they load. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const query = useQuery('settings.get', {});
  const settings: ViewSettings = query.status === 'ready' ? query.value : fallback;
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = settings.theme;
    root.lang = settings.language;
    if (i18n.language !== settings.language) void i18n.changeLanguage(settings.language);
    // Remembered outside the store, so the lock screen speaks the user's language while the store is closed.
    if (query.status === 'ready') rememberLanguage(settings.language);
  }, [settings.theme, settings.language, query.status]);
  return <SettingsContext.Provider value={settings}>{children}</SettingsContext.Provider>;
}

export function useSettings(): ViewSettings {
  return useContext(SettingsContext);
}

/** The Intl locale matching the interface language. */
export function useLocale(): string {
  return localeOf(useContext(SettingsContext).language);
}

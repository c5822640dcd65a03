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

// Made on first use, not as the module loads: asking for the computer's zone loads the runtime's date and
// time-zone data, 20 to 40 ms of the page's main thread, which the module's load spent before a start's first
// questions could leave (session/askEarly.ts).
let fallbackSettings: ViewSettings | undefined;
function fallback(): ViewSettings {
  fallbackSettings ??= {
    homeTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    theme: 'system',
    language: 'en',
    // No scheme is known until the settings answer: no levels (a nameless one listed "Unmarked" twice in a form's marking choices).
    classificationScheme: { name: '', levels: [] },
    defaultMarking: '',
    autoLockMinutes: 15,
  };
  return fallbackSettings;
}

/** Null outside a SettingsProvider: the fallback then. */
const SettingsContext = createContext<ViewSettings | null>(null);

/** The user's settings for every view; theme and language are applied to the document as soon as they load. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const query = useQuery('settings.get', {});
  const settings: ViewSettings = query.status === 'ready' ? query.value : fallback();
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
  return useContext(SettingsContext) ?? fallback();
}

/** The Intl locale matching the interface language. */
export function useLocale(): string {
  return localeOf(useContext(SettingsContext)?.language ?? 'en');
}

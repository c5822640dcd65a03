// The language of the export command's every line, chosen as command-line programs choose theirs: the first of
// LC_ALL, LC_MESSAGES and LANG that is set names the locale (POSIX's order: LC_ALL overrides the rest); a Korean
// one (ko, ko_KR.UTF-8, ko-KR) speaks Korean, anything else or nothing English, the app's other language.

export type CliLanguage = 'en' | 'ko';

export const cliLanguages: readonly CliLanguage[] = ['en', 'ko'];

export type Environment = Readonly<Record<string, string | undefined>>;

export function languageFromEnvironment(env: Environment): CliLanguage {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return locale !== undefined && /^ko(?:[_.@-]|$)/i.test(locale) ? 'ko' : 'en';
}

export const isCliLanguage = (value: string): value is CliLanguage => (cliLanguages as readonly string[]).includes(value);

import type { IpcError } from '../shared/contract.ts';
import { fillText } from '../shared/fillText.ts';
import { isRefusalReason, type RefusalParams } from '../shared/refusals.ts';
import { refusalsEn, refusalsKo } from '../shared/refusalTexts.ts';
import type { CliLanguage } from './cliLanguage.ts';
import { type ExportCliTexts, exportCliTexts } from './exportTexts.ts';

// Each way the export command can end, said in the user's language: its own refusals by their text's key, and
// what the store, the lock and the export pass on by their reason, never by parsing their English message.

type TextKey = { [K in keyof ExportCliTexts]: ExportCliTexts[K] extends string ? K : never }[keyof ExportCliTexts];

/** A refusal of the command's own: its text's key and values; the message, in English, is for tests and logs. */
export class CliRefusal extends Error {
  readonly key: TextKey;
  readonly params: RefusalParams;
  constructor(key: TextKey, params: RefusalParams = {}) {
    super(fillText(exportCliTexts.en[key], params));
    this.name = 'CliRefusal';
    this.key = key;
    this.params = params;
  }
}

/** Bad arguments: the usage follows the refusal. */
export class UsageRefusal extends CliRefusal {}

/** What the lock answered an unlock with (a wrong passphrase, a store refused as it is). */
export class SessionRefusal extends Error {
  readonly refusal: IpcError;
  constructor(refusal: IpcError) {
    super(refusal.message);
    this.name = 'SessionRefusal';
    this.refusal = refusal;
  }
}

export const textsOf = (language: CliLanguage) => exportCliTexts[language];
const refusalTextsOf = (language: CliLanguage) => (language === 'ko' ? refusalsKo : refusalsEn);

/** A text of the command's own, with its values. */
export const say = (language: CliLanguage, key: TextKey, params: RefusalParams = {}) => fillText(exportCliTexts[language][key], params);

export const quoted = (names: readonly string[]) => names.map((name) => `“${name}”`).join(', ');
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

/** One line for what ended the export, in `language`. */
export function wordExportError(error: unknown, language: CliLanguage): string {
  const refusals = refusalTextsOf(language);
  const reasonText = (reason: string, params: RefusalParams) =>
    isRefusalReason(reason) && Object.hasOwn(refusals.reasons, reason)
      ? fillText(refusals.reasons[reason as keyof typeof refusals.reasons], params)
      : null;
  if (error instanceof CliRefusal) return say(language, error.key, error.params);
  if (error instanceof SessionRefusal) {
    const { code, reason, params, message } = error.refusal;
    const worded = reason ? reasonText(reason, params ?? {}) : null;
    if (worded) return worded;
    // "internal" covers many causes; its English message says which, and is kept where no sentence says it better.
    return code === 'internal' ? say(language, 'failed', { detail: oneLine(message) }) : refusals.codes[code];
  }
  if (!(error instanceof Error)) return say(language, 'failed', { detail: oneLine(String(error)) });
  // Named rather than imported: the export pipeline is loaded only once the arguments are right.
  const typed = error as Error & Record<string, unknown>;
  switch (error.name) {
    case 'ExportCancelledError':
      return say(language, 'cancelled');
    case 'StoreRefusedError':
      return reasonText(String(typed.reason), typed.params as RefusalParams) ?? say(language, 'failed', { detail: oneLine(error.message) });
    case 'FileWriteError': {
      const failure = String(typed.failure);
      const reason = failure === 'other' ? 'export_write_failed' : `export_${failure}`;
      return (
        reasonText(reason, { folder: String(typed.folder), detail: String(typed.detail) }) ??
        say(language, 'failed', { detail: oneLine(error.message) })
      );
    }
    case 'UnmarkedMaterialError': {
      // The scheme is named with its levels: the command line shows no settings, and a desk's scheme may be its own.
      const items = typed.items as { name: string; foreignLevel: string }[];
      const scheme = typed.scheme as { name: string; levels: { name: string }[] };
      const names = items
        .map((item) =>
          item.foreignLevel ? say(language, 'unmarkedForeign', { name: item.name, level: item.foreignLevel }) : `“${item.name}”`,
        )
        .join('; ');
      return say(language, items.length === 1 ? 'unmarkedOne' : 'unmarkedMany', {
        count: items.length,
        scheme: scheme.name,
        levels: scheme.levels.map((level) => level.name).join(', '),
        names,
      });
    }
    case 'PackMeetingMovedError': {
      const now = typed.now as string | undefined;
      const packSummit = typed.packSummit as string | undefined;
      return say(language, 'packMeetingMoved', {
        pack: String(typed.pack),
        meeting: String(typed.meeting),
        now: now ? say(language, 'summitNamed', { title: now }) : say(language, 'noSummit'),
        packSummit: packSummit ? say(language, 'packSummitNamed', { title: packSummit }) : say(language, 'packWithoutSummit'),
      });
    }
    default:
      return say(language, 'failed', { detail: oneLine(error.message) });
  }
}

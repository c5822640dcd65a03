import { useTranslation } from 'react-i18next';
import { hasDirectionOverride } from '../../../shared/fieldRules.ts';
import { characterLabel, misleadingCharacters, shownParts } from '../../../shared/misleadingCharacters.ts';

/**
 * A record's text as it is stored. This desk's forms refuse what hides or turns text round, but a record received
 * from another desk may hold it ("\u202Eksed luoeS" shows as "Seoul desk", "Seoul\u200Bdesk" looks like
 * "Seouldesk"): each such character is drawn as its code where it stands, never obeyed, and the text is flagged
 * beside it (shared/misleadingCharacters.ts says which). Display only: the record itself stays as sent.
 */
export function StoredText({ text }: { text: string }) {
  return (
    <>
      <bdi>
        <StoredParts text={text} />
      </bdi>
      <MisleadingFlag text={text} />
    </>
  );
}

/** The text with each flagged character drawn as its code, for a caller that draws its own frame (a search hit). */
export function StoredParts({ text }: { text: string }) {
  return (
    <>
      {shownParts(text).map((part, at) =>
        'text' in part ? (
          part.text
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order, never reordered.
          <MisleadingMark key={at} codePoint={part.flagged.codePoint} />
        ),
      )}
    </>
  );
}

/** One flagged character, drawn as its code where it stands. */
export function MisleadingMark({ codePoint }: { codePoint: number }) {
  return (
    <mark className="misleading-character" data-testid="misleading-character">
      {characterLabel(codePoint)}
    </mark>
  );
}

/** The flag beside a text holding such a character: in words, so a reader who does not know the codes is told. */
export function MisleadingFlag({ text }: { text: string }) {
  const { t } = useTranslation();
  if (misleadingCharacters(text).length === 0) return null;
  return (
    <>
      {' '}
      <span className="misleading-flag" title={t('common.misleadingFlagTitle')} data-testid="misleading-flag">
        {t('common.misleadingFlag')}
      </span>
    </>
  );
}

/** Whether any text field of a record holds a character that turns text round. */
export const turnsTextRound = (record: object) =>
  Object.values(record).some((value) => typeof value === 'string' && hasDirectionOverride(value));

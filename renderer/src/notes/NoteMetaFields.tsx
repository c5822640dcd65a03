import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LineInput } from '../components/LineInput.tsx';

/**
 * A note's tags and marking. Memoised: the editor renders at every key of the
 * text, and these fields (a select of every level, four translated labels)
 * need not, unless their own values change.
 */
export const NoteMetaFields = memo(function NoteMetaFields({
  tagsText,
  classification,
  levels,
  onTagsText,
  onClassification,
}: {
  tagsText: string;
  classification: string;
  levels: readonly string[];
  onTagsText: (text: string) => void;
  onClassification: (classification: string) => void;
}) {
  const { t } = useTranslation();
  const fieldId = useId();
  const levelOptions = levels.includes(classification) || !classification ? levels : [classification, ...levels];
  return (
    <div className="note-meta">
      <label className="note-field">
        {t('notes.tags')}
        <LineInput value={tagsText} onChange={(event) => onTagsText(event.target.value)} />
      </label>
      <label className="note-field" data-needs-marking={classification === '' || undefined}>
        {t('notes.classification')}
        <select
          value={classification}
          aria-invalid={classification === '' || undefined}
          aria-describedby={classification === '' ? `${fieldId}-unmarked` : undefined}
          onChange={(event) => onClassification(event.target.value)}
        >
          <option value="">{t('markings.unmarkedChoice')}</option>
          {levelOptions.map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
      </label>
      {classification === '' ? (
        <span id={`${fieldId}-unmarked`} className="field-hint">
          {t('markings.unmarkedHint')}
        </span>
      ) : null}
    </div>
  );
});

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordConflict } from '../../../shared/conflicts.ts';
import { TypingTextArea } from '../components/TypingTextArea.tsx';
import { combinedTexts } from './conflictPages.ts';
import { useShownValue } from './shownValue.ts';

interface MergePanelProps {
  conflict: RecordConflict;
  sideName: (index: number) => string;
  busy: boolean;
  onSave: (choices: Record<string, string>, texts: Record<string, string>) => void;
  onCancel: () => void;
}

/**
 * Field by field: a short field is taken from one version, a long text starts
 * from every version's text and can be edited. The marking starts at the
 * highest of the versions, and the panel says so.
 */
export function MergePanel({ conflict, sideName, busy, onSave, onCancel }: MergePanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const sides = [conflict.winner, ...conflict.losers];
  const differing = conflict.fields.filter((field) => field.differs);
  const shownValue = useShownValue();
  const [choices, setChoices] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      differing
        .filter((field) => !field.long)
        .map((field) => {
          const highest = sides.find((side) => side.classification === conflict.mergeMarking) ?? conflict.winner;
          return [field.name, field.name === 'classification' ? highest.rev : conflict.winner.rev];
        }),
    ),
  );
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      differing
        .filter((field) => field.long)
        .map((field) => [field.name, combinedTexts(sides.map((side) => side.values[field.name] ?? null))]),
    ),
  );
  const label = (field: string) => t(`conflicts.fields.${field}`, { defaultValue: field });
  return (
    <section className="conflict-merge" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('conflicts.mergeHeading')}</h2>
      <p>{t('conflicts.mergeExplain')}</p>
      {differing.some((field) => field.name === 'classification') ? (
        <p className="conflict-merge-marking">{t('conflicts.mergeMarking', { marking: conflict.mergeMarking || t('conflicts.empty') })}</p>
      ) : null}
      {differing.map((field) =>
        field.long ? (
          <label key={field.name} className="conflict-merge-text" htmlFor={`${headingId}-${field.name}-text`}>
            {t('conflicts.mergedText', { field: label(field.name) })}
            <TypingTextArea
              id={`${headingId}-${field.name}-text`}
              rows={8}
              value={texts[field.name] ?? ''}
              onValue={(text) => setTexts((current) => ({ ...current, [field.name]: text }))}
            />
          </label>
        ) : (
          <fieldset key={field.name} className="conflict-merge-choice">
            <legend>{t('conflicts.fromVersion', { field: label(field.name) })}</legend>
            {sides.map((side, index) => (
              <label key={side.rev}>
                <input
                  type="radio"
                  name={`${headingId}-${field.name}`}
                  checked={choices[field.name] === side.rev}
                  onChange={() => setChoices({ ...choices, [field.name]: side.rev })}
                />{' '}
                {sideName(index)}: <bdi>{shownValue(side, field.name)}</bdi>
              </label>
            ))}
          </fieldset>
        ),
      )}
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => onSave(choices, texts)}>
          {t('conflicts.saveMerge')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('conflicts.cancelMerge')}
        </button>
      </div>
    </section>
  );
}

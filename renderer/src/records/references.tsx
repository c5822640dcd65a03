import type { TFunction } from 'i18next';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceGroup } from '../../../shared/contract.ts';
import { StoredText } from '../components/StoredText.tsx';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { recordsEn } from './texts.ts';

const knownTables = new Set(Object.keys(recordsEn.kinds).map((key) => key.replace(/_(one|other)$/, '')));

/** "2 annotations", "1 follow-up": a count of one table's rows in the interface language. */
export function countOf(t: TFunction, group: Pick<ReferenceGroup, 'table' | 'count'>): string {
  const table = knownTables.has(group.table) ? group.table : 'other';
  return t(`records.kinds.${table}`, { count: group.count });
}

/** One line for the Undo message: "2 annotations, 1 follow-up". Empty when nothing came along. */
export function describeReferences(t: TFunction, groups: readonly ReferenceGroup[]): string {
  return groups
    .filter((group) => group.effect === 'deleted' || group.effect === 'trashed')
    .map((group) => countOf(t, group))
    .join(', ');
}

/** What refers to a record and what a delete does to each, with the first few names. */
export function ReferenceList({ groups }: { groups: readonly ReferenceGroup[] }) {
  const { t } = useTranslation();
  return (
    <ul className="reference-list">
      {groups.map((group) => (
        <li key={`${group.table} ${group.effect}`}>
          <strong>{countOf(t, group)}</strong> ({t(`records.effects.${group.effect}`)})
          {group.names.length > 0 && (
            <span className="muted">
              {': '}
              {group.names.map((name, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two rows may share a name; their place in the list tells them apart
                <Fragment key={index}>
                  {index > 0 && ', '}
                  {name.map((part, partIndex) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a name's parts keep their order
                    <Fragment key={partIndex}>
                      {partIndex > 0 && ' — '}
                      {part.marking !== null && <PortionMark classification={part.marking} />}
                      <StoredText text={part.text} />
                    </Fragment>
                  ))}
                </Fragment>
              ))}
              {group.count > group.names.length ? ', …' : ''}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

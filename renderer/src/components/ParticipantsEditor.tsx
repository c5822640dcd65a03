import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingParticipant, ParticipantSide } from '../../../shared/domain.ts';
import { call } from '../bridge/index.ts';
import { CountedMarking, useMarkedLabel } from '../markings/ScreenMarkings.tsx';
import { refusalMessage } from '../records/errors.ts';
import { NewRecordButton } from '../records/NewRecordButton.tsx';
import { personLabels } from '../records/personLabels.ts';
import { useQuery } from '../useQuery.ts';
import { LineInput } from './LineInput.tsx';
import { useToast } from './Undo.tsx';

type Row = { key: number; personId: string; side: ParticipantSide; role: string };
type ParticipantInput = { personId: number; side: ParticipantSide; role: string };

/** The list as the store holds it, comparable whatever the rows' order of keys. */
const listText = (list: { personId: string | number; side: string; role: string }[]) =>
  JSON.stringify(list.map((row) => [String(row.personId), row.side, row.role]));

/**
 * The first person chosen in more than one row, with every row (0-based) that
 * holds them, so the refusal can name both the person and the rows to fix.
 */
function repeatedPerson(rows: readonly Row[]): { personId: string; rows: number[] } | null {
  const rowsOf = new Map<string, number[]>();
  rows.forEach((row, index) => {
    if (row.personId !== '') rowsOf.set(row.personId, [...(rowsOf.get(row.personId) ?? []), index]);
  });
  const found = [...rowsOf.entries()].find(([, indexes]) => indexes.length > 1);
  return found ? { personId: found[0], rows: found[1] } : null;
}

/** Who sits on each side of a meeting, saved as one list in one call. */
export function ParticipantsEditor({
  meetingId,
  participants,
  onDone,
}: {
  meetingId: number;
  participants: MeetingParticipant[];
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const people = useQuery('person.list', {});
  const labels = personLabels(people.value ?? []);
  const markedLabel = useMarkedLabel();
  const [rows, setRows] = useState<Row[]>(() =>
    participants.map((participant, index) => ({
      key: index,
      personId: String(participant.personId),
      side: participant.side,
      role: participant.role,
    })),
  );
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  // The rows (0-based) holding a person chosen twice, marked until the next save.
  const [repeatedRows, setRepeatedRows] = useState<number[]>([]);
  const [saving, setSaving] = useState(false);
  // The list the editor opened on: when the store's list moves away from it
  // (another window, a colleague's sync), saving would drop that change unseen.
  const [opened, setOpened] = useState(() => listText(participants));
  // The list the store holds, as far as this editor knows: a refused save brings it before this window is told.
  const [openedList, setOpenedList] = useState<MeetingParticipant[]>(participants);
  const [refusedOver, setRefusedOver] = useState<{ shown: string; stored: MeetingParticipant[] } | null>(null);
  const stored = refusedOver && refusedOver.shown === listText(participants) ? refusedOver.stored : participants;
  const sayChangedElsewhere = (now: MeetingParticipant[]) => {
    setOpened(listText(now));
    setOpenedList(now);
    const names = now.map((participant) => labels.get(participant.personId) ?? participant.name).join(', ');
    setError(t('meeting.participantsChangedElsewhere', { names: names || t('meeting.noParticipantsNow') }));
  };
  // A participant removed and saved was gone with no word and no Undo, as no deleted record is: said, and put back
  // by Undo (the list as it was, unless it has changed again since).
  const offerToPutBack = (before: ParticipantInput[], after: ParticipantInput[]) => {
    const removed = openedList.filter((participant) => !after.some((row) => row.personId === participant.personId));
    if (removed.length === 0) return;
    const names = removed.map((participant) => labels.get(participant.personId) ?? participant.name).join(', ');
    toast({
      message: (said) => said('meeting.participantsRemoved', { count: removed.length, names }),
      undo: async () => {
        const answer = await call('meeting.setParticipants', { id: meetingId, participants: before, expected: after });
        return (said) =>
          answer.status === 'stale' ? said('meeting.participantsNotPutBack') : said('meeting.participantsPutBack', { names });
      },
    });
  };
  // The caret of a keyboard user: on the first row's person once the editor opens (or on "Add participant" when
  // there is none), on a row's person once it is added, and on the row that takes a removed row's place. The button
  // that opened the editor, or a row's ×, went away under it and left it on <body>.
  const body = useRef<HTMLTableSectionElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const caretTo = useRef<((shown: HTMLCollectionOf<HTMLTableRowElement>) => Element | undefined) | null>((shown) => shown[0]);
  useEffect(() => {
    const place = caretTo.current;
    caretTo.current = null;
    if (!place) return;
    const row = body.current ? place(body.current.rows) : undefined;
    (row?.querySelector('select') ?? addButton.current)?.focus();
  });
  const update = (key: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const save = async () => {
    const chosen = rows.filter((row) => row.personId !== '');
    const twice = repeatedPerson(rows);
    setRepeatedRows(twice?.rows ?? []);
    if (twice) {
      const name = labels.get(Number(twice.personId)) ?? twice.personId;
      const rowNumbers = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(twice.rows.map((index) => String(index + 1)));
      setError(t('meeting.participantTwice', { name, rows: rowNumbers }));
      return;
    }
    if (listText(chosen) === opened) {
      onDone();
      return;
    }
    if (listText(stored) !== opened) {
      sayChangedElsewhere(stored);
      return;
    }
    setSaving(true);
    try {
      const before = openedList.map(({ personId, side, role }) => ({ personId, side, role }));
      const after = chosen.map((row) => ({ personId: Number(row.personId), side: row.side, role: row.role }));
      const answer = await call('meeting.setParticipants', { id: meetingId, participants: after, expected: before });
      if (answer.status === 'stale') {
        // Saved elsewhere a moment before this window heard of it: nothing written; a second Save replaces it.
        setRefusedOver({ shown: listText(participants), stored: answer.current });
        sayChangedElsewhere(answer.current);
        return;
      }
      onDone();
      offerToPutBack(before, after);
    } catch (failure) {
      setError(refusalMessage(t, failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="participants-editor"
      aria-label={t('meeting.editParticipants')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('meeting.person')}</th>
            <th scope="col">{t('meeting.side')}</th>
            <th scope="col">{t('meeting.role')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.delete')}</span>
            </th>
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((row, index) => (
            <tr key={row.key}>
              <td>
                <span className="picker">
                  <select
                    aria-label={t('meeting.personRow', { row: index + 1 })}
                    aria-invalid={repeatedRows.includes(index)}
                    value={row.personId}
                    onChange={(event) => update(row.key, { personId: event.target.value })}
                  >
                    <option value="">{t('forms.noChoice')}</option>
                    {(people.value ?? []).map((person) => (
                      <option key={person.id} value={String(person.id)}>
                        {markedLabel(person.classification, labels.get(person.id) ?? person.name)}
                      </option>
                    ))}
                    {/* Just created from this row: chosen before the list has read it back. */}
                    {row.personId !== '' && !(people.value ?? []).some((person) => String(person.id) === row.personId) && (
                      <option value={row.personId}>{t('app.loading')}</option>
                    )}
                  </select>
                  {chosenMarking(people.value ?? [], row.personId)}
                  <NewRecordButton
                    entity="person"
                    fieldLabel={t('meeting.personRow', { row: index + 1 })}
                    onCreated={(personId) => update(row.key, { personId: String(personId) })}
                  />
                </span>
              </td>
              <td>
                <select
                  aria-label={t('meeting.sideRow', { row: index + 1 })}
                  value={row.side}
                  onChange={(event) => update(row.key, { side: event.target.value as ParticipantSide })}
                >
                  <option value="ours">{t('meeting.ourSide')}</option>
                  <option value="theirs">{t('meeting.theirSide')}</option>
                </select>
              </td>
              <td>
                <LineInput
                  id={`${id}-role-${row.key}`}
                  aria-label={t('meeting.roleRow', { row: index + 1 })}
                  value={row.role}
                  onChange={(event) => update(row.key, { role: event.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="small"
                  aria-label={t('meeting.removeRow', { row: index + 1 })}
                  onClick={() => {
                    caretTo.current = (shown) => shown[index] ?? shown[index - 1];
                    setRows((current) => current.filter((candidate) => candidate.key !== row.key));
                  }}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button
          type="button"
          ref={addButton}
          onClick={() => {
            caretTo.current = (shown) => shown[shown.length - 1];
            setRows((current) => [
              ...current,
              { key: Math.max(0, ...current.map((row) => row.key)) + 1, personId: '', side: 'theirs', role: '' },
            ]);
          }}
        >
          {t('meeting.addParticipant')}
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The chosen person's marking, counted towards the window's banner as a person shown anywhere else is. */
function chosenMarking(people: readonly { id: number; classification: string }[], personId: string) {
  const chosen = people.find((person) => String(person.id) === personId);
  return chosen ? <CountedMarking classification={chosen.classification} /> : null;
}

// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.ts';
import { loadSampleIfEmpty } from '../../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { createDispatch } from '../../../main/ipc/dispatch.ts';
import { createHandlers } from '../../../main/ipc/handlers/index.ts';
import { type ChangeEvent, channels, type SherpaApi } from '../../../shared/contract.ts';
import { setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { type FormEntity, formEntities } from '../router.ts';
import { EntityForm } from './EntityForm.tsx';
import { type FieldSpec, type FormValues, formSpecs } from './specs.ts';

// Every form against the real dispatch over an in-memory store (no fake):
// with only the fields the domain requires it must save, leaving the rest
// empty; with any one field wrong it must say so at that field, in the
// interface language, and save nothing.

let db: Db;
beforeEach(() => {
  db = openScratchDatabase(':memory:');
  loadSampleIfEmpty(db);
  const listeners = new Set<(event: ChangeEvent) => void>();
  const dispatch = createDispatch({
    db,
    handlers: createHandlers({ db, clock: () => new Date('2023-07-01T08:00:00Z') }),
    onChange: (event) => {
      for (const listener of listeners) listener(event);
    },
  });
  const api = Object.fromEntries(channels.map((channel) => [channel, (request: unknown) => dispatch(channel, request)]));
  setBridge({
    ...api,
    onChange: (listener: (event: ChangeEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as SherpaApi);
});
afterEach(() => {
  cleanup();
  db.close();
});

const firstId = (table: string) => String((db.prepare(`SELECT min(id) AS id FROM ${table}`).get() as { id: number }).id);
/** The store tables each form writes to. */
const storeTable: Record<FormEntity, string> = {
  summit: 'summit',
  meeting: 'meeting',
  person: 'person',
  country: 'country',
  programme: 'programme',
  source: 'source',
  sector: 'sector',
  sectorEntry: 'sector_entry',
  timelineEvent: 'timeline_event',
  followUp: 'follow_up',
};
const rowCount = (entity: FormEntity) => (db.prepare(`SELECT count(*) AS n FROM ${storeTable[entity]}`).get() as { n: number }).n;

const isRequired = (field: FieldSpec) =>
  (field.kind === 'text' && field.required === true) ||
  (field.kind === 'date' && field.optional !== true) ||
  (field.kind === 'number' && field.optional !== true) ||
  (field.kind === 'ref' && !field.optional) ||
  field.kind === 'timezone' ||
  field.kind === 'select' ||
  field.kind === 'checkbox' ||
  field.kind === 'time';

/** Only what the domain requires: a name, a date, a zone, the parent; everything optional left empty. */
function requiredOnly(entity: FormEntity): FormValues {
  const spec = formSpecs[entity];
  const values: FormValues = { ...spec.blank() };
  for (const field of spec.fields) {
    if (field.kind === 'occurrence') continue;
    if (!isRequired(field)) {
      values[field.name] = '';
      continue;
    }
    if (field.kind === 'text') values[field.name] = `Only ${field.name} ${entity}`;
    else if (field.kind === 'date') values[field.name] = '2024-05-02';
    else if (field.kind === 'timezone') values[field.name] = 'Asia/Seoul';
    else if (field.kind === 'ref') values[field.name] = firstId(field.list);
    else if (field.kind === 'number' && values[field.name] === undefined) values[field.name] = String(field.min);
  }
  return values;
}

/** A value the form or the store must refuse, for each field a user can get wrong. */
function invalidValue(field: FieldSpec): string | null {
  switch (field.kind) {
    case 'text':
      // Passes the form's own length check; only the store refuses it.
      return 'Line\u0001break';
    case 'textarea':
      return 'Text with a control character \u0001';
    case 'date':
      // The right shape, but no such day: only the store knows.
      return '2023-02-30';
    case 'time':
      return 'noon';
    case 'number':
      return '1.5';
    case 'timezone':
      return 'Mars/Olympus_Mons';
    case 'ref':
      // Chosen, then deleted in another window before saving.
      return '999999';
    default:
      return null;
  }
}

async function submit(entity: FormEntity, initial: FormValues) {
  const saved: Record<string, unknown>[] = [];
  const view = render(<EntityForm entity={entity} initial={initial} onSaved={(record) => saved.push(record)} />);
  const form = view.container.querySelector('form');
  if (!form) throw new Error('no form');
  await act(async () => {
    fireEvent.submit(form);
  });
  return { form, saved };
}

const hangul = /[\uac00-\ud7a3]/;
const rawValidatorText = /Invalid input|expected|received|must be|must not|\b[a-z]+[A-Z][a-zA-Z]*:/;

describe.each(['en', 'ko'] as const)('every form, in %s', (language) => {
  beforeAll(async () => {
    await i18n.changeLanguage(language);
  });
  afterAll(async () => {
    await i18n.changeLanguage('en');
  });

  it.each(formEntities)('%s saves with only its required fields, storing the rest as empty', async (entity) => {
    const before = rowCount(entity);
    const { saved } = await submit(entity, requiredOnly(entity));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(rowCount(entity)).toBe(before + 1);
    const record = saved[0] as Record<string, unknown>;
    for (const field of formSpecs[entity].fields) {
      // Which instant of a repeated time is part of startsAt, not a field of its own.
      if (isRequired(field) || field.kind === 'occurrence') continue;
      // A summit's end left blank is the one value a blank stands for: the summit lasts one day.
      if (entity === 'summit' && field.name === 'endDate') {
        expect(record.endDate).toBe(record.startDate);
        continue;
      }
      // Never an invented value: an optional field left empty is stored empty.
      expect([null, ''], `${entity}.${field.name}`).toContain(record[field.name]);
    }
  });

  const cases = formEntities.flatMap((entity) =>
    formSpecs[entity].fields.flatMap((field) => {
      const value = invalidValue(field);
      return value === null ? [] : [{ entity, field: field.name, value }];
    }),
  );
  it.each(cases)('$entity refuses a wrong $field at the field, in the interface language', async ({ entity, field, value }) => {
    const before = db.serialize();
    const initial = { ...requiredOnly(entity), [field]: value };
    // A time only counts when the time of day is known.
    if (field === 'time') initial.startTimeKnown = true;
    const { form, saved } = await submit(entity, initial);
    const control = form.querySelector<HTMLElement>(`[name="${field}"]`);
    if (!control) throw new Error(`no control for ${field}`);
    await waitFor(() => expect(control.getAttribute('aria-invalid')).toBe('true'));
    const messageId = (control.getAttribute('aria-describedby') ?? '').split(' ').find((id) => id.endsWith('-error'));
    const message = messageId ? (document.getElementById(messageId)?.textContent ?? '') : '';
    expect(message.length).toBeGreaterThan(0);
    expect(message).not.toMatch(rawValidatorText);
    if (language === 'ko') expect(message).toMatch(hangul);
    // The control carries the field's name as its label, so the message is read with it.
    const label = form.querySelector(`label[for="${control.id}"]`)?.textContent ?? '';
    expect(label.length).toBeGreaterThan(0);
    // And the summary at the top names it.
    expect(form.querySelector('[role="alert"]')?.textContent).toContain(label);
    expect(saved).toEqual([]);
    expect(db.serialize().equals(before)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { PackDefinition, PackSection } from '../../../shared/domain.ts';
import { BridgeError } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { copyForProblem, exportRefusal, packProblem, packRefusal } from './packRefusal.ts';

const definition: PackDefinition = {
  title: 'Vilnius',
  recipient: '',
  summitId: 1,
  principalId: null,
  paper: 'a4',
  sections: [
    { kind: 'meeting', meetingId: 7, form: 'full' },
    { kind: 'timeline', from: '2023-07-12', to: '2023-07-01' },
  ],
};
const labelOf = (section: PackSection) => (section.kind === 'meeting' ? 'Yoon – Stoltenberg' : 'Timeline');
const refused = (field: string, code: 'invalid_request' | 'constraint' = 'invalid_request') =>
  new BridgeError({ code, message: `${field}: must not be empty (a validator's words)`, field });

// Raw store text that must never reach the user, whichever language the interface is in.
const rawText = /definition|must not be empty|validator|sections\.\d/;

describe.each([
  ['en', { name: '“Pack name”', to: '“Timeline to”', from: '“Timeline from”', summit: '“Summit”', removed: '“Entries taken out”' }],
  ['ko', { name: '“자료 이름”', to: '“연표 종료일”', from: '“연표 시작일”', summit: '“정상회의”', removed: '“뺀 항목”' }],
] as const)('the pack builder’s refusals in %s', (language, labels) => {
  const t = i18n.getFixedT(language);

  it('name an empty field by its label, before asking the store', () => {
    const problem = packProblem(t, '  ', definition, new Set([7]), labelOf);
    expect(problem?.field).toBe('name');
    expect(problem?.message).toContain(labels.name);
    expect(problem?.message).not.toMatch(rawText);
  });

  it('say that a timeline ends before it starts, naming both dates as labelled', () => {
    const problem = packProblem(t, 'Vilnius', definition, new Set([7]), labelOf);
    expect(problem?.field).toBe('definition.sections.1.to');
    expect(problem?.message).toContain(labels.to);
    expect(problem?.message).toContain(labels.from);
  });

  it('say a biography written for the pack is too long, naming its person and both lengths, and take one at the limit', () => {
    const biographies = (text: string): PackDefinition => ({
      ...definition,
      sections: [{ kind: 'biographies', personIds: [4], biographies: [{ personId: 4, text }] }],
    });
    const nameOf = (personId: number) => (personId === 4 ? 'Κυριάκος Μητσοτάκης' : undefined);
    const problem = packProblem(t, 'Vilnius', biographies('β'.repeat(100_001)), new Set([7]), labelOf, nameOf);
    expect(problem?.field).toBe('definition.sections.0.biographies');
    expect(problem?.message).toContain('Κυριάκος Μητσοτάκης');
    expect(problem?.message).toMatch(/100,?001/);
    expect(problem?.message).toMatch(/100,?000/);
    expect(problem?.message).not.toMatch(rawText);
    expect(packProblem(t, 'Vilnius', biographies('β'.repeat(100_000)), new Set([7]), labelOf, nameOf)).toBeNull();
  });

  it('say which section holds a meeting of another summit, by its number and name', () => {
    const problem = packProblem(t, 'Vilnius', { ...definition, sections: [definition.sections[0] as PackSection] }, new Set([8]), labelOf);
    expect(problem?.field).toBe('definition.sections.0');
    expect(problem?.message).toContain('Yoon – Stoltenberg');
    expect(problem?.message).toContain('1');
    expect(problem?.message).toContain(labels.summit);
    expect(problem?.message).not.toMatch(rawText);
  });

  it('tell a store refusal by the field it names and never show the store’s text', () => {
    for (const field of [
      'name',
      'definition.title',
      'definition.summitId',
      'definition.sections',
      'definition.sections.0',
      'definition.sections.1.to',
    ]) {
      const { message } = packRefusal(t, refused(field), definition, labelOf);
      expect(message, field).not.toMatch(rawText);
      expect(message, field).not.toBe('');
    }
    expect(packRefusal(t, refused('name'), definition, labelOf).message).toContain(labels.name);
    expect(packRefusal(t, refused('definition.sections.1.to'), definition, labelOf).message).toContain(labels.to);
    expect(packRefusal(t, refused('definition.sections.0'), definition, labelOf).message).toContain('Yoon – Stoltenberg');
    expect(packRefusal(t, refused('definition.summitId'), definition, labelOf).message).toContain(labels.summit);
  });

  it('say that a timeline ends before it starts when the store refuses it first (the “Will print” list asks before Save)', () => {
    const error = new BridgeError({
      code: 'invalid_request',
      message: 'definition.sections.1.to: the timeline’s end date is before its start date',
      field: 'definition.sections.1.to',
      reason: 'end_before_start',
    });
    const { message } = packRefusal(t, error, definition, labelOf);
    expect(message).toBe(packProblem(t, 'Vilnius', definition, new Set([7]), labelOf)?.message);
    expect(message).toContain(labels.from);
    expect(message).not.toMatch(rawText);
  });

  it('say that a pasted cover title is too long, with its length and the limit, rather than cut it', () => {
    const title = `SCO Bishkek 2027 ${'Ө'.repeat(200)}`;
    const problem = packProblem(t, 'Bishkek', { ...definition, title, sections: [] }, new Set([7]), labelOf);
    expect(problem?.field).toBe('definition.title');
    expect(problem?.message).toContain(String([...title].length));
    expect(problem?.message).toContain('200');
    expect(copyForProblem(t, 'Азамат '.repeat(40))).toContain('280');
    expect(copyForProblem(t, 'Азамат Төлөгөнов')).toBeNull();
  });

  it('say which sector section names an entry not of its sector, naming the field of entries taken out', () => {
    const withSector: PackDefinition = { ...definition, sections: [{ kind: 'sector', sectorId: 3, removedEntryIds: [99] }] };
    const { message } = packRefusal(t, refused('definition.sections.0.removedEntryIds'), withSector, () => 'Buoy telemetry');
    expect(message).toContain(labels.removed);
    expect(message).toContain('Buoy telemetry');
    expect(message).not.toMatch(rawText);
  });

  it('lets a whole pack through to the store', () => {
    expect(
      packProblem(t, 'Vilnius', { ...definition, sections: [definition.sections[0] as PackSection] }, new Set([7]), labelOf),
    ).toBeNull();
  });
});

describe('an export refused for unmarked material', () => {
  const unmarked = (...names: string[]) =>
    new BridgeError({
      code: 'constraint',
      field: 'classification',
      names,
      message: 'One item in this pack has no marking of the scheme “NATO”',
    });

  it('names each unmarked record in English', () => {
    const t = i18n.getFixedT('en');
    expect(exportRefusal(t, unmarked('Participant: Yoon Suk Yeol'))).toBe(
      'Not exported: “Participant: Yoon Suk Yeol” has no marking of the classification scheme. Mark it, then export again.',
    );
    expect(exportRefusal(t, unmarked('Readout', 'Seating plan'))).toContain(
      '2 records have no marking of the classification scheme: “Readout”, “Seating plan”',
    );
  });

  it('says it in Korean, never with the store’s English sentence', () => {
    const message = exportRefusal(i18n.getFixedT('ko'), unmarked('회담 메모'));
    expect(message).toContain('“회담 메모”');
    expect(message).toMatch(/^내보내지 않았습니다/);
    expect(message).not.toMatch(/marking|scheme|item/);
  });

  it('tells a refused “Stamp a copy for” in words, naming the field, in English and Korean', () => {
    const refused = new BridgeError({
      code: 'invalid_request',
      field: 'copyFor',
      message: 'copyFor: has an invisible character that reorders or hides text (a direction override or isolate, or a zero-width space)',
    });
    const english = exportRefusal(i18n.getFixedT('en'), refused);
    expect(english).toContain('“Stamp a copy for”');
    expect(english).toContain('invisible character');
    expect(english).not.toContain('copyFor');
    const korean = exportRefusal(i18n.getFixedT('ko'), refused);
    expect(korean).toContain('“사본 수신자”');
    expect(korean).not.toMatch(/copyFor|invisible/);
  });

  it('words other failures, such as a folder that cannot be written, by their reason and folder in either language', () => {
    const failure = new BridgeError({
      code: 'invalid_request',
      message: 'Cannot write /exports/pack.pdf: the folder /exports is not writable.',
      reason: 'export_not_writable',
      params: { folder: '/exports' },
    });
    expect(exportRefusal(i18n.getFixedT('en'), failure)).toBe(
      'The pack could not be exported: Sherpa may not write in the folder /exports (permission denied). Choose another folder or ask for write access. Nothing was written.',
    );
    const korean = exportRefusal(i18n.getFixedT('ko'), failure);
    expect(korean).toContain('내보내지 못했습니다');
    expect(korean).toContain('/exports');
    expect(korean).not.toContain('Cannot write');
  });
});

import { describe, expect, it } from 'vitest';
import type { PackDefinition, PackSection } from '../../../shared/domain.ts';
import { BridgeError } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { packProblem, packRefusal } from './packRefusal.ts';

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
  ['en', { name: '“Pack name”', to: '“Timeline to”', from: '“Timeline from”', summit: '“Summit”' }],
  ['ko', { name: '“자료 이름”', to: '“연표 종료일”', from: '“연표 시작일”', summit: '“정상회의”' }],
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

  it('lets a whole pack through to the store', () => {
    expect(
      packProblem(t, 'Vilnius', { ...definition, sections: [definition.sections[0] as PackSection] }, new Set([7]), labelOf),
    ).toBeNull();
  });
});

import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxLevelName, maxProse, noteLimits } from '../../shared/fieldRules.ts';
import { requestSchemas } from './schemas.ts';
import { byIdChannels, validAsGiven } from './validAsGiven.ts';

const typed = {
  id: 12,
  baseVersion: 4,
  continuesSession: true,
  title: 'After the call',
  body: 'Spoke to the embassy again.\n\tThe reply is expected next week. 대사관 회신 예정. \u200b',
  tags: ['follow-up', '확인필요'],
  classification: 'NATO UNCLASSIFIED',
};

// Characters at every rule's edge: spaces to trim, line breaks, tabs, controls, half surrogates,
// hidden format characters, direction overrides, combining marks, the zero-width space and joiners.
const edgy = fc.constantFrom(
  ' ',
  '\t',
  '\n',
  '\r',
  '\u2028',
  '\u0000',
  '\u0007',
  '\u007f',
  '\ud83d',
  '\ude00',
  '😀',
  '\u200b',
  '\u200c',
  '\u200e',
  '\u202e',
  '\u2066',
  '\u2060',
  '\ufeff',
  '\u0301',
  '\u00a0',
  'a',
  '한',
  'Z',
  '-',
);
const text = fc.oneof(
  fc.array(edgy, { maxLength: 12 }).map((parts) => parts.join('')),
  // One character at an edge inside otherwise plain words: each rule alone decides.
  fc.tuple(fc.constantFrom('', 'Raise', '한국'), edgy, fc.constantFrom('', 'cyber', '방위')).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    'x'.repeat(noteLimits.title),
    'x'.repeat(noteLimits.title + 1),
    'y'.repeat(noteLimits.tag + 1),
    'z'.repeat(maxLevelName + 1),
  ),
  fc.constantFrom('😀'.repeat(noteLimits.tag), '😀'.repeat(noteLimits.tag + 1), 'b'.repeat(maxProse + 1)),
);
const other = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant({}));
const number = fc.oneof(fc.integer({ min: -2, max: 2 ** 53 + 2 }), fc.double(), other);
const tags = fc.oneof(
  fc.array(text, { maxLength: 3 }),
  fc
    .integer({ min: noteLimits.tags - 1, max: noteLimits.tags + 2 })
    .map((count) => Array.from({ length: count }, (_, index) => `tag ${index}`)),
  other,
);
const replacements = {
  id: number,
  baseVersion: number,
  continuesSession: other,
  title: fc.oneof(text, other),
  body: fc.oneof(text, other),
  tags: fc.oneof(
    tags,
    text.map((tag) => ['follow-up', tag]),
  ),
  classification: fc.oneof(text, other),
  extra: other,
} as const;
/** The typed save with one or two fields changed (text at the rules' edges, another type) or dropped, or a field too many. */
const request = fc
  .array(
    fc
      .constantFrom(...(Object.keys(replacements) as (keyof typeof replacements)[]))
      .chain((name) =>
        fc.tuple(
          fc.constant(name),
          fc.oneof({ weight: 5, arbitrary: replacements[name] }, { weight: 1, arbitrary: fc.constant('__drop__') }),
        ),
      ),
    { maxLength: 2 },
  )
  .map((changes) => {
    const changed: Record<string, unknown> = { ...typed };
    for (const [name, replacement] of changes) {
      if (replacement === '__drop__') delete changed[name];
      else changed[name] = replacement;
    }
    return changed;
  });

describe('a note save valid as given', () => {
  it("is taken without the schema's generic checks, as the schema would return it", () => {
    const taken = validAsGiven['note.save']?.(typed);
    expect(taken).toEqual(requestSchemas['note.save'].parse(typed));
    expect(validAsGiven['note.save']?.({ ...typed, continuesSession: undefined })).toBeUndefined();
  });

  it('is taken only when the schema takes it unchanged: every other request goes to the schema', () => {
    let taken = 0;
    fc.assert(
      fc.property(request, (candidate) => {
        const fast = validAsGiven['note.save']?.(candidate);
        if (fast === undefined) return true;
        taken++;
        const parsed = requestSchemas['note.save'].safeParse(candidate);
        return parsed.success && isDeepStrictEqual(parsed.data, fast);
      }),
      { numRuns: 4000 },
    );
    // The property says something only if some generated requests were taken.
    expect(taken).toBeGreaterThan(100);
  });

  it('leaves a title to trim, or any refusal, to the schema', () => {
    for (const changed of [
      { title: ' After the call ' },
      { tags: ['ok', ' '] },
      { body: 'turned \u202e round' },
      { classification: 'NATO\nSECRET' },
      { extra: 1 },
      { id: 0 },
    ])
      expect(validAsGiven['note.save']?.({ ...typed, ...changed })).toBeUndefined();
  });
});

describe('a view opened by a record id', () => {
  const payload = fc.oneof(
    fc.record({ id: number }),
    fc.record({ id: number, extra: other }),
    fc.constant({}),
    other,
    fc.constant(Object.assign(Object.create(null), { id: 3 })),
    fc.constant([7]),
  );

  it.each(byIdChannels)('%s: an id as given is taken as the schema would return it, a copy', (channel) => {
    const given = { id: 7 };
    const taken = validAsGiven[channel]?.(given);
    expect(taken).toEqual(requestSchemas[channel].parse(given));
    expect(taken).not.toBe(given);
  });

  it.each(byIdChannels)('%s: is taken only when the schema takes it unchanged', (channel) => {
    fc.assert(
      fc.property(payload, (candidate) => {
        const fast = validAsGiven[channel]?.(candidate);
        if (fast === undefined) return true;
        const parsed = requestSchemas[channel].safeParse(candidate);
        return parsed.success && isDeepStrictEqual(parsed.data, fast);
      }),
      { numRuns: 300 },
    );
    for (const refused of [{ id: 0 }, { id: 1.5 }, { id: '3' }, { id: 2 ** 53 }, { id: 4, extra: 1 }, {}, null])
      expect(validAsGiven[channel]?.(refused)).toBeUndefined();
  });
});

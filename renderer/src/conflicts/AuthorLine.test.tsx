// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RevisionAuthor } from '../../../shared/sync.ts';
import { i18n } from '../i18n/index.ts';
import { AuthorLine } from './AuthorLine.tsx';

// Desks set up before names carried a fingerprint's start are all "Sherpa on
// <computer>": two of them on one machine author a conflict under one name.

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

const seoul: RevisionAuthor = { desk: 'Sherpa on laptop-7', fingerprint: '3F2A 9C01 77BE 0D4E 5A10', at: '2026-12-01T09:00:00Z' };
const testDesk: RevisionAuthor = { ...seoul, fingerprint: 'B811 04CD E29F 6A73 0C5B', at: '2026-12-01T09:05:00Z' };

const lines = (authors: RevisionAuthor[]) => {
  render(
    <div>
      {authors.map((author) => (
        <AuthorLine key={author.at} author={author} among={authors} />
      ))}
    </div>,
  );
  return screen.getAllByTestId('version-author').map((line) => line.textContent ?? '');
};

describe('the author of each version in a conflict', () => {
  it('says, beside both fingerprints, that two different desks share the name', () => {
    const [first, second] = lines([seoul, testDesk]);
    expect(first).toMatch(
      /^written by Sherpa on laptop-7 \(3F2A 9C01 77BE 0D4E 5A10\), .* \(another desk has this name: tell them apart by the fingerprint\)$/,
    );
    expect(second).toContain('B811 04CD E29F 6A73 0C5B');
    expect(second).toContain('another desk has this name');
  });

  it('says nothing more when the same desk wrote both versions, or the names differ', () => {
    expect(lines([seoul, { ...seoul, at: '2026-12-01T09:07:00Z' }]).join('\n')).not.toContain('another desk');
    cleanup();
    expect(lines([seoul, { ...testDesk, desk: 'Sherpa on laptop-7 (B811)' }]).join('\n')).not.toContain('another desk');
  });

  it('in Korean too', async () => {
    await i18n.changeLanguage('ko');
    expect(lines([seoul, testDesk])[0]).toContain('같은 이름의 다른 데스크가 있습니다');
  });
});

// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../../shared/contract.ts';
import { i18n } from '../i18n/index.ts';
import { LockScreen } from './LockScreen.tsx';

// The key is made from the passphrase as typed, spaces round it included: a
// passphrase set with a trailing space opens Sherpa only with that space. A
// new user who pasted one is told before it is set, not at the next unlock.

afterEach(async () => {
  cleanup();
  await act(() => i18n.changeLanguage('en'));
});

const firstRun: SessionStatus = { locked: true, keysSet: false, plaintextLeftovers: [], askAtStart: false, keychainProtects: false };
const locked: SessionStatus = { ...firstRun, keysSet: true };
const warning = /starts or ends with a space/;

describe('a new passphrase with spaces round it', () => {
  it('is pointed out while it is typed at set-up, and the warning goes once the spaces do', () => {
    render(<LockScreen status={firstRun} onOpen={async () => undefined} />);
    const field = screen.getByLabelText(/^New passphrase/);
    fireEvent.change(field, { target: { value: 'Addis Ababa 2027 ' } });
    expect(screen.getByText(warning)).toBeTruthy();
    expect(field.getAttribute('aria-describedby') ?? '').not.toBe('');
    fireEvent.change(field, { target: { value: 'Addis Ababa 2027' } });
    expect(screen.queryByText(warning)).toBeNull();
  });

  it('is said in Korean too', async () => {
    await act(() => i18n.changeLanguage('ko'));
    render(<LockScreen status={firstRun} onOpen={async () => undefined} />);
    fireEvent.change(screen.getByLabelText(/^새 암호 문구/), { target: { value: ' 아디스아바바 정상회의' } });
    expect(screen.getByText(/공백으로 시작하거나 끝납니다/)).toBeTruthy();
  });

  it('is not commented on when unlocking: the passphrase already set may hold spaces', () => {
    render(<LockScreen status={locked} onOpen={async () => undefined} />);
    fireEvent.change(screen.getByLabelText(/^Passphrase/), { target: { value: ' old passphrase ' } });
    expect(screen.queryByText(warning)).toBeNull();
  });
});

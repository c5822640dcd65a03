import { describe, expect, it } from 'vitest';
import { sameTypedPassphrase } from './passphrase.ts';

describe('a new passphrase typed twice', () => {
  it('is the same when the two differ only in Unicode form, as the key made from it is', () => {
    // "é" typed as one character on one keyboard and as e + accent on another opens the same store.
    expect(sameTypedPassphrase('Café ሰላም 🇪🇹 مرحبا', 'Cafe\u0301 ሰላም 🇪🇹 مرحبا')).toBe(true);
  });

  it('differs when a letter or a space differs', () => {
    expect(sameTypedPassphrase('Café ሰላም 🇪🇹', 'Cafe ሰላም 🇪🇹')).toBe(false);
    expect(sameTypedPassphrase('Café ሰላም 🇪🇹', 'Café ሰላም 🇪🇹 ')).toBe(false);
  });
});

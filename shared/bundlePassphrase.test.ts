import { describe, expect, it } from 'vitest';
import { bundlePassphraseProblem } from './bundles.ts';

describe('bundle passphrases', () => {
  it('refuses blank, short, repeated and straight-run passphrases, and takes a real one with its spaces', () => {
    expect(bundlePassphraseProblem(' '.repeat(12))).toBe('blank');
    expect(bundlePassphraseProblem('\t\n\u3000'.repeat(8))).toBe('blank');
    // Twelve characters only with the spaces counted.
    expect(bundlePassphraseProblem('vilnius 2023')).toBe('too-short');
    expect(bundlePassphraseProblem('a'.repeat(40))).toBe('weak');
    expect(bundlePassphraseProblem('abAB'.repeat(4))).toBe('weak');
    expect(bundlePassphraseProblem('abcdefghijkl')).toBe('weak');
    expect(bundlePassphraseProblem('zyxwvutsrqpo')).toBe('weak');
    expect(bundlePassphraseProblem('vilnius summit 2023')).toBeNull();
    expect(bundlePassphraseProblem('나토 정상회의 빌뉴스 이천이십삼')).toBeNull();
  });
});

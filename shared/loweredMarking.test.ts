import { describe, expect, it } from 'vitest';
import { highestOf, loweredMarking } from './loweredMarking.ts';

// A US-aligned desk's scheme: CONFIDENTIAL is not released, SECRET//REL TO is, so a record holding both (two versions
// in conflict, or their merge) is SECRET, as a page holding both is bannered (shared/markings.ts), not SECRET//REL TO.
const levels = ['UNCLASSIFIED', 'CONFIDENTIAL//REL TO USA, AUS', 'CONFIDENTIAL', 'SECRET//REL TO USA, AUS', 'SECRET', 'SECRET//NOFORN'];

describe('the marking of a record holding several versions', () => {
  it('is SECRET for CONFIDENTIAL beside SECRET//REL TO, which would release the CONFIDENTIAL version', () => {
    expect(highestOf(['CONFIDENTIAL', 'SECRET//REL TO USA, AUS'], levels)).toBe('SECRET');
    expect(highestOf(['CONFIDENTIAL//REL TO USA, AUS', 'SECRET//REL TO USA, AUS'], levels)).toBe('SECRET//REL TO USA, AUS');
    expect(highestOf(['', 'SECRET//REL TO USA, AUS'], levels)).toBe('SECRET//REL TO USA, AUS');
    // A level the scheme lacks still counts as the highest, to be safe.
    expect(highestOf(['CONFIDENTIAL', 'SECRET//REL TO USA, AUS', 'COSMIC TOP SECRET'], levels)).toBe('COSMIC TOP SECRET');
    expect(highestOf([], levels)).toBe('');
  });

  it('is lowered by keeping the SECRET//REL TO version over a CONFIDENTIAL one, or by merging at it', () => {
    const winner = { rev: '2-b', classification: 'SECRET//REL TO USA, AUS' };
    const losers = [{ rev: '2-a', classification: 'CONFIDENTIAL' }];
    expect(loweredMarking(winner, losers, { action: 'keep' }, levels)).toEqual({
      higher: 'SECRET',
      lower: 'SECRET//REL TO USA, AUS',
    });
    expect(loweredMarking(winner, losers, { action: 'merge', choices: { classification: '2-b' } }, levels)).toEqual({
      higher: 'SECRET',
      lower: 'SECRET//REL TO USA, AUS',
    });
    // A merge that chooses no marking takes the banner of both: nothing is lowered.
    expect(loweredMarking(winner, losers, { action: 'merge', choices: {} }, levels)).toBeNull();
    expect(loweredMarking(winner, losers, { action: 'take', rev: '2-a' }, levels)).toEqual({
      higher: 'SECRET',
      lower: 'CONFIDENTIAL',
    });
  });
});

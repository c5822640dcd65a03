import { describe, expect, it } from 'vitest';
import { droppedDigitsAfter } from './droppedDigits.ts';

describe('digits a date, time or number control drops', () => {
  it('keeps the Persian and Arabic-Indic digits typed into a field, in the order typed', () => {
    let dropped: ReadonlyMap<string, string> = new Map();
    for (const key of ['۴', '٥']) dropped = droppedDigitsAfter(dropped, 'durationMinutes', key);
    expect([...dropped]).toEqual([['durationMinutes', '۴٥']]);
    // Put in as text by an input method: each digit kept.
    expect([...droppedDigitsAfter(dropped, 'durationMinutes', '۱۲')]).toEqual([['durationMinutes', '۴٥۱۲']]);
  });
  it('forgets them once the field is typed in 0-9 or cleared, and keeps other fields’ digits', () => {
    const dropped = new Map([
      ['startDate', '۱۲'],
      ['startTime', '١٠'],
    ]);
    expect([...droppedDigitsAfter(dropped, 'startDate', '1')]).toEqual([['startTime', '١٠']]);
    expect([...droppedDigitsAfter(dropped, 'startTime', 'Backspace')]).toEqual([['startDate', '۱۲']]);
  });
  it('answers the same map for keys that neither drop nor retype a digit', () => {
    const dropped = new Map([['startDate', '۱۲']]);
    for (const key of ['Tab', 'ArrowUp', 'a', '/']) expect(droppedDigitsAfter(dropped, 'startDate', key)).toBe(dropped);
  });
});

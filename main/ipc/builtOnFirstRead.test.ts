import { describe, expect, it } from 'vitest';
import { builtOnFirstRead, once } from './builtOnFirstRead.ts';

describe('builtOnFirstRead', () => {
  it('builds a value the first time it is read, once, and leaves the others unbuilt', () => {
    const built: string[] = [];
    const record = builtOnFirstRead({
      summit: () => {
        built.push('summit');
        return { kind: 'summit' };
      },
      meeting: () => {
        built.push('meeting');
        return { kind: 'meeting' };
      },
    });
    expect(Object.keys(record)).toEqual(['summit', 'meeting']);
    expect(built).toEqual([]);
    const first = record.summit;
    expect(record.summit).toBe(first);
    expect(built).toEqual(['summit']);
  });

  it('builds a value on first use only, and keeps it', () => {
    let builds = 0;
    const value = once(() => ({ builds: ++builds }));
    expect(builds).toBe(0);
    expect(value()).toBe(value());
    expect(builds).toBe(1);
  });
});

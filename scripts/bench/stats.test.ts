import { describe, expect, it } from 'vitest';
import { quantile, summarise } from './stats.ts';

describe('benchmark statistics', () => {
  it('quote observed values: the median and p95 by nearest rank', () => {
    const samples = Array.from({ length: 20 }, (_, index) => 20 - index);
    expect(quantile(samples, 0.5)).toBe(10);
    expect(quantile(samples, 0.95)).toBe(19);
    expect(summarise(samples)).toEqual({ runs: 20, medianMs: 10, p95Ms: 19 });
  });

  it('let one slow run show in the p95 of twenty but not in the median', () => {
    const samples = [...Array.from({ length: 19 }, () => 1), 50];
    expect(summarise(samples)).toMatchObject({ medianMs: 1, p95Ms: 1 });
    expect(summarise([...samples, 50])).toMatchObject({ medianMs: 1, p95Ms: 50 });
  });
});

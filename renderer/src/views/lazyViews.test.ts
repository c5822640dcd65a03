import { describe, expect, it } from 'vitest';
import { parseRoute } from '../router.ts';
import { MeetingBriefView, ProgrammeList, SectorView, SummitView, viewOfRoute } from './lazyViews.ts';

describe('the view an address opens', () => {
  it('is the view that route renders, fetched at start; Today is in the shell', () => {
    expect(viewOfRoute(parseRoute('#/summit/12'))).toBe(SummitView);
    expect(viewOfRoute(parseRoute('#/meeting/3'))).toBe(MeetingBriefView);
    expect(viewOfRoute(parseRoute('#/sectors'))).toBe(ProgrammeList);
    expect(viewOfRoute(parseRoute('#/sectors/4'))).toBe(SectorView);
    expect(viewOfRoute(parseRoute('#/today'))).toBeUndefined();
    expect(viewOfRoute(parseRoute(''))).toBeUndefined();
  });
});

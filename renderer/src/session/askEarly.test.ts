// @vitest-environment jsdom
import { afterEach, expect, it, vi } from 'vitest';

// The page's first module asks for the code of the view its address opens, beside the store's first questions:
// asked once the rest of the entry had been evaluated, a summit's programme arrived after the store's answers and
// held up its first paint.

afterEach(() => {
  vi.restoreAllMocks();
  window.location.hash = '';
});

it("asks for the code of the view the address opens as the page's first module runs", async () => {
  window.location.hash = '#/summit/3';
  vi.resetModules();
  const { SummitView, MeetingBriefView } = await import('../views/lazyViews.ts');
  const summit = vi.spyOn(SummitView, 'preload').mockResolvedValue();
  const brief = vi.spyOn(MeetingBriefView, 'preload').mockResolvedValue();
  await import('./askEarly.ts');
  expect(summit).toHaveBeenCalledTimes(1);
  expect(brief).not.toHaveBeenCalled();
});

it("asks for no view's code on Today, which is in the page's first part", async () => {
  window.location.hash = '#/today';
  vi.resetModules();
  const { laterViews } = await import('../views/lazyViews.ts');
  const spies = laterViews.map((view) => vi.spyOn(view, 'preload').mockResolvedValue());
  await import('./askEarly.ts');
  for (const spy of spies) expect(spy).not.toHaveBeenCalled();
});

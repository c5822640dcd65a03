import type { Page } from 'playwright-core';
import { round } from './stats.ts';

/** How the window kept up with a user typing, from the browser's own Event Timing and long-task entries. */
export interface TypingResults {
  readonly keys: number;
  /**
   * Event Timing duration of each key (its longest keydown, keypress, input or
   * keyup entry: input delay, handlers and the frame after). The browser only
   * reports entries of 16 ms or more; a key without one counts as 0 here.
   */
  readonly eventTiming: { readonly p50Ms: number; readonly p95Ms: number; readonly maxMs: number; readonly over16: number };
  /**
   * Where the slow keys' time went, p95 over all keys (0 below the threshold), from the same entries: waiting
   * to be handled (input delay), the page's handlers (processing), and from the handlers' end to the frame
   * on screen (presentation: style, layout, paint, then the compositor and the display, which the main thread
   * does not see). Long keys with short processing were kept waiting, not slow to handle.
   */
  readonly eventTimingParts: { readonly inputDelayP95Ms: number; readonly processingP95Ms: number; readonly presentationP95Ms: number };
  /** Keydown to the frame after it, measured in the page: a reading below Event Timing's threshold. */
  readonly keyToFrame: { readonly p50Ms: number; readonly p95Ms: number; readonly maxMs: number };
  readonly longTasks: { readonly count: number; readonly maxMs: number };
}

interface TypingWindow {
  __typing: {
    interactions: Record<string, number>;
    parts: Record<string, [number, number, number]>;
    frames: number[];
    longTasks: number[];
  };
}

/** Runs in the page before the app: observes every key event and long task from then on. */
export const observeTyping = `
  window.__typing = { interactions: {}, parts: {}, frames: [], longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.interactionId || !/^key|^input|^beforeinput/.test(entry.name)) continue;
      const id = String(entry.interactionId);
      if (entry.duration < (window.__typing.interactions[id] ?? 0)) continue;
      window.__typing.interactions[id] = entry.duration;
      window.__typing.parts[id] = [
        entry.processingStart - entry.startTime,
        entry.processingEnd - entry.processingStart,
        entry.startTime + entry.duration - entry.processingEnd,
      ];
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__typing.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('keydown', (event) => {
    const pressed = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__typing.frames.push(performance.now() - pressed);
      channel.port2.postMessage(0);
    });
  }, true);
`;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;

/** A desk officer's prose, repeated to length, with a new paragraph now and then. */
export function typedText(characters: number): string {
  const prose =
    'Raise the cyber defence sector first; the partner asked for a table-top exercise before the ministerial. ' +
    'Note the budget line and who owns the follow-up.\n';
  return prose.repeat(Math.ceil(characters / prose.length)).slice(0, characters);
}

/**
 * Types `characters` characters at `perSecond` into the focused field, as a
 * person does (a key at a time, autosave running), and reads what the page
 * recorded while it happened.
 */
export async function typeAndMeasure(page: Page, characters: number, perSecond: number): Promise<TypingResults> {
  await page.evaluate(() => {
    const typing = (globalThis as unknown as TypingWindow).__typing;
    typing.interactions = {};
    typing.parts = {};
    typing.frames = [];
    typing.longTasks = [];
  });
  await page.keyboard.type(typedText(characters), { delay: 1000 / perSecond });
  // The last keys' entries arrive with the frame after them.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)))');
  const recorded = await page.evaluate(() => (globalThis as unknown as TypingWindow).__typing);
  const slow = Object.values(recorded.interactions);
  const durations = [...slow, ...Array<number>(Math.max(0, characters - slow.length)).fill(0)].sort((a, b) => a - b);
  const frames = [...recorded.frames].sort((a, b) => a - b);
  const parts = Object.values(recorded.parts);
  const partP95 = (part: 0 | 1 | 2) =>
    round(
      percentile(
        [...parts.map((each) => Math.max(0, each[part])), ...Array<number>(Math.max(0, characters - parts.length)).fill(0)].sort(
          (a, b) => a - b,
        ),
        0.95,
      ),
      1,
    );
  return {
    keys: characters,
    eventTiming: {
      p50Ms: percentile(durations, 0.5),
      p95Ms: percentile(durations, 0.95),
      maxMs: durations.at(-1) ?? 0,
      over16: slow.length,
    },
    eventTimingParts: { inputDelayP95Ms: partP95(0), processingP95Ms: partP95(1), presentationP95Ms: partP95(2) },
    keyToFrame: {
      p50Ms: round(percentile(frames, 0.5), 2),
      p95Ms: round(percentile(frames, 0.95), 2),
      maxMs: round(frames.at(-1) ?? 0, 2),
    },
    longTasks: { count: recorded.longTasks.length, maxMs: round(Math.max(0, ...recorded.longTasks), 1) },
  };
}

import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Rows drawn beyond the window's edges, so that scrolling shows rows already there. */
const overscan = 8;

const focusableSelector = 'a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Renders only the rows near the viewport, scrolling with the page, so a
 * summit with thousands of meetings stays smooth. Rows are measured after
 * render, so they may differ in height.
 */
export function VirtualList<T>({
  rows,
  estimateSize,
  rowKey,
  renderRow,
  label,
}: {
  rows: readonly T[];
  /** Both best made once (outside the component that renders the list): see getItemKey below. */
  estimateSize: (row: T) => number;
  rowKey: (row: T) => string;
  renderRow: (row: T) => ReactNode;
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  // Where the list starts on the page, null until measured. Measured after the list's first frame is painted, not
  // before it: measuring there laid the whole page out in the middle of its first render (the 500-meeting summit,
  // traced: a forced layout, then a second one for the rows, and the list rendered again to place them), work the
  // frame's own layout does once. Until then its first rows are drawn in the page's flow, each at its own height
  // (`firstRows`), and the list takes over with the same rows, now measured and placed, a frame later.
  const [offset, setOffset] = useState<number | null>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const measure = () => setOffset(element.getBoundingClientRect().top + window.scrollY);
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame after this one's paint: a task queued from an animation frame runs once that frame is on screen.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(measure, 0);
    });
    // What is above the list can grow after it is drawn (a summit's participants, opened): the rows then start lower.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    observer?.observe(document.body);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      observer?.disconnect();
    };
  }, []);
  // The virtualizer recomputes every row's position when getItemKey changes, so these change with the
  // rows only: made afresh each render, a 500-meeting summit's positions were all remade on every render.
  const sizeOf = useCallback((index: number) => estimateSize(rows[index] as T), [rows, estimateSize]);
  const keyOf = useCallback((index: number) => rowKey(rows[index] as T), [rows, rowKey]);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: sizeOf,
    overscan,
    scrollMargin: offset ?? 0,
    getItemKey: keyOf,
  });
  const items = offset === null ? [] : virtualizer.getVirtualItems();

  // Tab from the last control of the last rendered row would leave the list,
  // because the next row does not exist yet. Scroll it in, then focus it.
  // Presses that arrive while that row is still being rendered are counted, not lost,
  // and applied once it is there: fast tabbing moves as far as it was asked to.
  const pendingFocus = useRef<{ index: number; edge: 'first' | 'last'; extra: number; since: number } | null>(null);
  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    const row = pending && container.current?.querySelector(`.virtual-row[data-index="${pending.index}"]`);
    if (!pending || !row || !container.current) return;
    const controls = row.querySelectorAll<HTMLElement>(focusableSelector);
    const target = pending.edge === 'first' ? controls[0] : controls[controls.length - 1];
    pendingFocus.current = null;
    if (!target) return;
    const all = [...container.current.querySelectorAll<HTMLElement>(focusableSelector)];
    const step = pending.edge === 'first' ? 1 : -1;
    let at = all.indexOf(target);
    let press = 0;
    for (; press < pending.extra && all[at + step]; press++) at += step;
    const reached = all[at] ?? target;
    reached.focus();
    // More presses than the rows now rendered hold (a loaded machine renders fewer rows between presses): the
    // rest wait for the row after the last one reached, as the first did, instead of being dropped.
    const reachedRow = Number(reached.closest<HTMLElement>('.virtual-row')?.dataset.index);
    const next = reachedRow + step;
    if (press < pending.extra && Number.isInteger(reachedRow) && next >= 0 && next < rows.length) {
      pendingFocus.current = { index: next, edge: pending.edge, extra: pending.extra - press - 1, since: performance.now() };
      virtualizer.scrollToIndex(next, { align: 'auto' });
    }
  });
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    const waiting = pendingFocus.current;
    // A row that never came (the list changed meanwhile) must not hold the keyboard: after half a second Tab works as usual.
    if (waiting && event.timeStamp - waiting.since > 500) pendingFocus.current = null;
    else if (waiting) {
      event.preventDefault();
      const sameWay = event.shiftKey === (waiting.edge === 'last');
      waiting.extra = Math.max(0, waiting.extra + (sameWay ? 1 : -1));
      return;
    }
    const row = (event.target as HTMLElement).closest<HTMLElement>('.virtual-row');
    if (!row || !container.current) return;
    const controls = row.querySelectorAll<HTMLElement>(focusableSelector);
    const atEdge = event.shiftKey ? controls[0] === event.target : controls[controls.length - 1] === event.target;
    const next = Number(row.dataset.index) + (event.shiftKey ? -1 : 1);
    if (!atEdge || next < 0 || next >= rows.length) return;
    if (container.current.querySelector(`.virtual-row[data-index="${next}"]`)) return;
    event.preventDefault();
    pendingFocus.current = { index: next, edge: event.shiftKey ? 'last' : 'first', extra: 0, since: event.timeStamp };
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <section
      ref={container}
      className="virtual-list"
      aria-label={label}
      onKeyDown={onKeyDown}
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
    >
      {offset === null
        ? firstRows(rows).map((row, index) => (
            <div key={rowKey(row)} data-index={index} className="virtual-row">
              {renderRow(row)}
            </div>
          ))
        : items.map((item) => (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="virtual-row"
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)`,
              }}
            >
              {renderRow(rows[item.index] as T)}
            </div>
          ))}
    </section>
  );
}

/**
 * The rows drawn before the list knows where it starts: those it draws when it starts below the window (its first
 * row and the rows it keeps beyond the window, `overscan`), as a summit's programme and a sector's entries do,
 * below their view's heading and details. A list higher up, in a tall window, fills the rest of it a frame later.
 */
function firstRows<T>(rows: readonly T[]): readonly T[] {
  return rows.slice(0, overscan + 1);
}

import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, useCallback, useLayoutEffect, useRef, useState } from 'react';

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
  // Where the list starts on the page, null until measured. No row is rendered before: the rows near the top of
  // the window are known only then, and a programme below a summit's overview rendered twice as many rows as it
  // kept (those for a list at the top of the page) in its first frame. Measured before that frame is painted.
  const [offset, setOffset] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const measure = () => setOffset(element.getBoundingClientRect().top + window.scrollY);
    measure();
    // What is above the list can grow after it is drawn (a summit's participants, opened): the rows then start lower.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  // The virtualizer recomputes every row's position when getItemKey changes, so these change with the
  // rows only: made afresh each render, a 500-meeting summit's positions were all remade on every render.
  const sizeOf = useCallback((index: number) => estimateSize(rows[index] as T), [rows, estimateSize]);
  const keyOf = useCallback((index: number) => rowKey(rows[index] as T), [rows, rowKey]);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: sizeOf,
    overscan: 8,
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
    for (let press = 0; press < pending.extra && all[at + step]; press++) at += step;
    (all[at] ?? target).focus();
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
      {items.map((item) => (
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

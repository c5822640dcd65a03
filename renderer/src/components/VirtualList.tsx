import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

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
  estimateSize: (row: T) => number;
  rowKey: (row: T) => string;
  renderRow: (row: T) => ReactNode;
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const element = container.current;
    if (element) setOffset(element.getBoundingClientRect().top + window.scrollY);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (index) => estimateSize(rows[index] as T),
    overscan: 8,
    scrollMargin: offset,
    getItemKey: (index) => rowKey(rows[index] as T),
  });
  const items = virtualizer.getVirtualItems();
  return (
    <section
      ref={container}
      className="virtual-list"
      aria-label={label}
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

// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualList } from './VirtualList.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const meetings = Array.from({ length: 500 }, (_, index) => ({ id: index + 1, title: `Bilateral ${index + 1}` }));
let keysAsked = 0;
const meetingKey = (meeting: { id: number }) => {
  keysAsked++;
  return `meeting-${meeting.id}`;
};
const meetingSize = () => 76;

let rerender: () => void = () => {};
/** A view around the list whose own state changes (an open panel, a typed filter) while its meetings stay the same. */
function SummitProgramme() {
  const [renders, setRenders] = useState(0);
  rerender = () => setRenders(renders + 1);
  return (
    <VirtualList
      label={`Meetings (${renders})`}
      rows={meetings}
      rowKey={meetingKey}
      estimateSize={meetingSize}
      renderRow={(meeting) => <a href={`#/meeting/${meeting.id}`}>{meeting.title}</a>}
    />
  );
}

describe('a long list', () => {
  it('places its 500 rows once, not again each time the view around it renders with the same rows', () => {
    render(<SummitProgramme />);
    expect(keysAsked).toBeGreaterThanOrEqual(meetings.length);
    keysAsked = 0;
    for (let render = 0; render < 3; render++) act(() => rerender());
    // Each re-render used to remake the virtualizer's key function and so re-place every row: 1,500 keys here.
    expect(keysAsked).toBeLessThan(meetings.length);
  });
});

describe("a long list's first frame", () => {
  it('shows its first meetings without laying the page out first, and places them once that frame is painted', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'] });
    // Asking where an element is makes the browser lay the whole page out there and then, in the middle of the
    // render: the 500-meeting summit's first paint waited for two such layouts of its page.
    const whereIs = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    // A row's height, as the list reads it once placed (jsdom lays nothing out): a read that lays the page out too.
    const howTall = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(76);
    const { container } = render(<SummitProgramme />);
    expect(whereIs).not.toHaveBeenCalled();
    expect(howTall).not.toHaveBeenCalled();
    const firstFrame = [...container.querySelectorAll('.virtual-row a')].map((link) => link.textContent);
    expect(firstFrame).toEqual(meetings.slice(0, firstFrame.length).map((meeting) => meeting.title));
    expect(firstFrame.length).toBeGreaterThan(0);

    // The frame is painted: the list finds where it starts and places its rows, the same meetings first.
    act(() => vi.advanceTimersToNextFrame());
    act(() => vi.runOnlyPendingTimers());
    expect(whereIs).toHaveBeenCalled();
    const first = container.querySelector<HTMLElement>('.virtual-row[data-index="0"]');
    expect(first?.style.position).toBe('absolute');
    expect(first?.textContent).toBe('Bilateral 1');
  });
});

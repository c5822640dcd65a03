// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualList } from './VirtualList.tsx';

afterEach(cleanup);

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

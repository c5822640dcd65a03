import { describe, expect, it } from 'vitest';
import type { Request } from './contract.ts';

// An editor that updates a record says what it opened (shared/guard.ts): the
// contract requires `expected`, so one that forgets it does not compile
// (`npx tsc -b` fails on an unused @ts-expect-error below if it ever compiles again).

describe('a guarded write without what the editor opened', () => {
  it('does not compile for a record, a meeting’s participants, a meeting biography or a briefing pack', () => {
    // @ts-expect-error: `expected` is missing.
    const meeting: Request<'meeting.update'> = { id: 1, patch: { purpose: 'Forgot what it opened' } };
    // @ts-expect-error: `expected` is missing.
    const participants: Request<'meeting.setParticipants'> = { id: 1, participants: [] };
    // @ts-expect-error: `expected` is missing.
    const biography: Request<'meeting.setBiography'> = { meetingId: 1, personId: 1, text: 'Forgot' };
    // @ts-expect-error: `expected` is missing.
    const pack: Request<'pack.save'> = { name: 'Pocket', definition: {} as Request<'pack.save'>['definition'] };
    const trusted: Request<'meeting.update'> = { id: 1, patch: { purpose: 'Written as the other window' }, expected: {} };
    expect([meeting, participants, biography, pack, trusted].every((request) => !('expected' in request) || request === trusted)).toBe(
      true,
    );
  });
});

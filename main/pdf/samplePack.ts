import { listMeetingsOfSummit, listParticipants } from '../../db/meetings.ts';
import type { Db } from '../../db/open.ts';
import { listProgrammes, listSectors } from '../../db/sectors.ts';
import { listSummits } from '../../db/summits.ts';
import type { PackDefinition, PackSection } from '../../shared/domain.ts';

export const samplePackName = 'Vilnius 2023 – whole sample';

/** A pack of everything in the bundled sample: each meeting's full brief, every sector, and every annex. */
export function samplePackDefinition(db: Db): PackDefinition {
  const summit = listSummits(db)[0];
  if (!summit) throw new Error('The store holds no summit: the sample briefing is not loaded.');
  const meetingsOfSummit = listMeetingsOfSummit(db, summit.id);
  const firstMeeting = meetingsOfSummit[0];
  const principal = firstMeeting ? listParticipants(db, firstMeeting.id).find((participant) => participant.side === 'ours') : undefined;
  const sections: PackSection[] = [
    ...meetingsOfSummit.map((meeting): PackSection => ({ kind: 'meeting', meetingId: meeting.id, form: 'full' })),
    ...listProgrammes(db)
      .flatMap((programme) => listSectors(db, programme.id))
      .map((sector): PackSection => ({ kind: 'sector', sectorId: sector.id })),
    { kind: 'timeline' },
    // Everyone in the summit's meetings: a pack's biographies never reach beyond them.
    { kind: 'biographies', personIds: [] },
    { kind: 'sources' },
  ];
  return {
    // The article's subject: the Korea–NATO partnership at this summit.
    title: `Korea–NATO partnership: ${summit.title}`,
    recipient: 'Private Office of the Secretary General',
    summitId: summit.id,
    principalId: principal?.personId ?? null,
    paper: 'a4',
    sections,
  };
}

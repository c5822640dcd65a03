// English names of the domain's fixed values, written once: the interface
// (renderer/src/i18n/en.ts) and the printed pack (main/pdf/template/) both
// read them, so the PDF never says "open" or "Not set" where the app says
// "Open" or "Not known".
import type { FollowUpStatus, MeetingFormat, MeetingStatus, PressAccess } from './domain.ts';

export const meetingFormatNames = {
  bilateral: 'Bilateral',
  'pull-aside': 'Pull-aside',
  plenary: 'Plenary',
  'working-dinner': 'Working dinner',
  other: 'Other',
} as const satisfies Record<MeetingFormat, string>;

export const meetingStatusNames = {
  planned: 'Planned',
  confirmed: 'Confirmed',
  held: 'Held',
  cancelled: 'Cancelled',
} as const satisfies Record<MeetingStatus, string>;

export const pressAccessNames = { open: 'Open', closed: 'Closed', unknown: 'Not known' } as const satisfies Record<PressAccess, string>;

export const followUpStatusNames = { open: 'Open', done: 'Done', dropped: 'Dropped' } as const satisfies Record<FollowUpStatus, string>;

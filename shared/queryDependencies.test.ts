import { describe, expect, it } from 'vitest';
import { bridgeChannels, channelEffects } from './contract.ts';

// A read channel says beside its channel what its answer shows; the renderer's
// cache refetches from that alone (renderer/src/queryScope.ts).
describe('what each cached read shows, declared in the contract', () => {
  it('is declared by reads only: a write or a command is never cached', () => {
    const cached = bridgeChannels.filter((channel) => channelEffects[channel].shows);
    expect(cached).toContain('summit.view');
    expect(cached).toContain('meeting.get');
    for (const channel of cached) expect(channelEffects[channel]).toMatchObject({ transaction: false, announces: false });
    for (const command of [
      'note.save',
      'meeting.update',
      'pack.export',
      'pack.cancelExport',
      'meeting.references',
      'session.status',
    ] as const)
      expect(channelEffects[command].shows).toBeUndefined();
  });

  it('names the record a view is about, and what else it lists', () => {
    const summitView = channelEffects['summit.view'].shows as (request: { id: number }) => unknown[];
    expect(summitView({ id: 3 })).toEqual(expect.arrayContaining([{ entity: 'summit', id: 3 }, { entity: 'meeting' }]));
    const meetingGet = channelEffects['meeting.get'].shows as (request: { id: number }) => unknown[];
    expect(meetingGet({ id: 7 })).toEqual([{ entity: 'meeting', id: 7 }]);
  });
});

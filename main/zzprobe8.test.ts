import { it } from 'vitest';
import { openFileStore } from '../testing/fileStore.ts';

it('probe8', async () => {
  const store = openFileStore();
  const out: string[] = [];
  for (const id of [2 ** 53, 2 ** 53 + 2, 1e20, 1.0000001, -0, 0, 2 ** 31, 2 ** 63]) {
    const r = await store.send('meeting.get', { id });
    out.push(`meeting.get ${id} :: ${r.ok ? 'OK' : `${r.error.code}/${r.error.reason}: ${r.error.message.slice(0, 100)}`}`);
    const d = await store.send('meeting.delete', { id });
    out.push(`meeting.delete ${id} :: ${d.ok ? 'OK' : `${d.error.code}/${d.error.reason}: ${d.error.message.slice(0, 100)}`}`);
  }
  const big = await store.send('meeting.update', { id: 1, patch: { title: 'T' }, expected: { title: 'x'.repeat(999_999) } });
  out.push(`expected big :: ${big.ok ? JSON.stringify(big.value).slice(0, 60) : big.error.code}`);
  const p = await store.send('meeting.setParticipants', {
    id: 1,
    participants: Array.from({ length: 200 }, (_, i) => ({ personId: i + 1, side: 'ours', role: '' })),
    expected: null,
  });
  out.push(`200 participants :: ${p.ok ? 'OK' : `${p.error.code}/${p.error.reason}/${p.error.field}: ${p.error.message.slice(0, 100)}`}`);
  console.log(out.join('\n'));
  store.close();
});

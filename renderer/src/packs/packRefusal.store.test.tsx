import { describe, expect, it } from 'vitest';
import type { PackDefinition } from '../../../shared/domain.ts';
import { refusalsEn } from '../../../shared/refusalTexts.ts';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { BridgeError } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { packRefusal } from './packRefusal.ts';

// Saving a pack while Sherpa checked its data file after a crash read "The data folder cannot be written to. Nothing
// was changed.": the builder guessed the reason from the store's code. It now says the store's own reason (editing
// returns in a moment), as every other form does, in English and Korean.

const definition: PackDefinition = {
  title: 'Vilnius',
  recipient: '',
  summitId: 1,
  principalId: null,
  paper: 'a4',
  sections: [{ kind: 'timeline', from: '2023-07-01', to: '2023-07-12' }],
};

describe.each(['en', 'ko'] as const)('a pack saved while the store is checked after a crash, in %s', (language) => {
  it('is refused as waiting for the check, never as an unwritable folder, and nothing is saved', async () => {
    const t = i18n.getFixedT(language);
    const store = createStoreBridge({
      writesRefused: () => ({ message: refusalsEn.reasons.store_being_checked, reason: 'store_being_checked' }),
    });
    try {
      const answer = await store.bridge['pack.save']({ name: 'Vilnius', definition, expected: null });
      if (answer.ok) throw new Error('the store took a pack while it was being checked');
      const problem = packRefusal(t, new BridgeError(answer.error), definition, () => 'Timeline');
      expect(problem.message).toBe(t('refusals.reasons.store_being_checked'));
      expect(problem.message).not.toMatch(/cannot be written|쓸 수 없습니다/);
      expect(store.db.prepare('SELECT count(*) FROM briefing_pack').pluck().get()).toBe(0);
    } finally {
      store.db.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { BridgeError } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { refusalMessage } from './errors.ts';

const movedOutOf = (...names: string[]) =>
  new BridgeError({ code: 'constraint', field: 'summitId', names, message: 'summitId: this meeting is in the briefing pack …' });

describe('a meeting move refused because briefing packs list it', () => {
  it('names the pack, or each pack, in English', () => {
    const t = i18n.getFixedT('en');
    expect(refusalMessage(t, movedOutOf('Car pack'))).toContain('in the briefing pack “Car pack” of its present summit');
    const two = refusalMessage(t, movedOutOf('Car pack', 'Desk pack'));
    expect(two).toContain('in the briefing packs “Car pack”, “Desk pack” of its present summit');
    expect(two).toContain('Take it out of those packs first');
  });

  it('names the pack in Korean, never in the store’s English', () => {
    const message = refusalMessage(i18n.getFixedT('ko'), movedOutOf('차량용 자료'));
    expect(message).toContain('브리핑 자료집 “차량용 자료”에 들어 있어');
    expect(message).not.toMatch(/summitId|briefing pack/);
  });
});

describe('a refusal whose code has no sentence of its own', () => {
  it('says a request too large for the store in words, in English and Korean', () => {
    const tooLarge = new BridgeError({ code: 'too_large', message: 'request body over 943718 bytes' });
    expect(refusalMessage(i18n.getFixedT('en'), tooLarge)).toContain('Too large to save');
    expect(refusalMessage(i18n.getFixedT('ko'), tooLarge)).toContain('너무 큽니다');
  });

  it('never shows the message key', () => {
    const wrongSecret = new BridgeError({ code: 'wrong_secret', message: 'wrong passphrase' });
    for (const language of ['en', 'ko']) expect(refusalMessage(i18n.getFixedT(language), wrongSecret)).not.toContain('records.errors');
  });
});

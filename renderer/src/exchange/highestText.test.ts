import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { presetSchemes } from '../../../shared/markings.ts';
import { base64Of, highestText } from './highestText.ts';
import { exchangeEn } from './texts.ts';

const t = ((key: string, values?: { level?: string }) =>
  key === 'markings.bannerWithUnmarked' ? `${values?.level} + UNMARKED MATERIAL` : key.replace('exchange.', '')) as unknown as TFunction;
const nato = presetSchemes.nato;

describe('the highest marking a bundle carries, as shown before export and on review', () => {
  it('names the highest level, and says when unmarked material travels beside it', () => {
    expect(highestText(t, nato, ['NATO RESTRICTED', 'NATO CONFIDENTIAL'])).toBe('NATO CONFIDENTIAL');
    expect(highestText(t, nato, ['NATO RESTRICTED', ''])).toBe('NATO RESTRICTED + UNMARKED MATERIAL');
    expect(highestText(t, nato, [''])).toBe('onlyUnmarked');
    expect(highestText(t, nato, [])).toBe('noMarkings');
    expect(exchangeEn.onlyUnmarked).toBe('UNMARKED MATERIAL');
  });

  it('never ranks a level the scheme lacks below a known one', () => {
    expect(highestText(t, nato, ['SECRET//NOFORN'])).toBe('SECRET//NOFORN');
    expect(highestText(t, nato, ['SECRET//NOFORN', ''])).toBe('SECRET//NOFORN + onlyUnmarked');
    expect(highestText(t, nato, ['SECRET//NOFORN', 'NATO RESTRICTED'])).toBe('NATO RESTRICTED + UNMARKED MATERIAL');
  });

  it('reads a file of any size into base64 that decodes to the same bytes', () => {
    const bytes = new Uint8Array(200_001).map((_, index) => (index * 7) % 256);
    const decoded = Uint8Array.from(atob(base64Of(bytes)), (character) => character.charCodeAt(0));
    expect(decoded).toEqual(bytes);
  });
});

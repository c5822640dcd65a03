import { afterEach, describe, expect, it } from 'vitest';
import { presetSchemes } from '../../../shared/markings.ts';
import { i18n } from '../i18n/index.ts';
import { base64Of, highestText } from './highestText.ts';

const t = i18n.t;
const nato = presetSchemes.nato;

// The review says what a bundle carries as the window's banner would once it is imported: the
// same words, so "UNMARKED MATERIAL" means a record nobody marked, and nothing else.
describe('the highest marking a bundle carries, as shown before export and on review', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('names the highest level, and says when unmarked material (a note nobody marked) travels beside it', () => {
    expect(highestText(t, nato, ['NATO RESTRICTED', 'NATO CONFIDENTIAL'])).toBe('NATO CONFIDENTIAL');
    expect(highestText(t, nato, ['NATO RESTRICTED', ''])).toBe('NATO RESTRICTED + UNMARKED MATERIAL');
    expect(highestText(t, nato, [''])).toBe('UNMARKED');
    expect(highestText(t, nato, [])).toBe('No marked records');
  });

  it('names a level the scheme lacks as the banner does, never as unmarked material nor ranked below a known one', () => {
    expect(highestText(t, nato, ['SECRET//NOFORN'])).toBe('MARKED OUTSIDE THIS SCHEME: SECRET//NOFORN');
    expect(highestText(t, nato, ['SECRET//NOFORN', ''])).toBe('MARKED OUTSIDE THIS SCHEME: SECRET//NOFORN + UNMARKED MATERIAL');
    expect(highestText(t, nato, ['SECRET//NOFORN', 'NATO RESTRICTED'])).toBe(
      'NATO RESTRICTED + MARKED OUTSIDE THIS SCHEME: SECRET//NOFORN',
    );
  });

  it('reads a marking as the import stores it: another spelling of a level is that level, not marked outside the scheme', () => {
    const greek = {
      name: 'Αθήνα',
      levels: [
        { name: 'Περιορισμένης Χρήσης', portion: 'ΠΧ' },
        { name: 'Εμπιστευτικό', portion: 'ΕΜ' },
      ],
    };
    expect(highestText(t, greek, ['ΕΜΠΙΣΤΕΥΤΙΚΟ', 'ΠΕΡΙΟΡΙΣΜΕΝΗΣ ΧΡΗΣΗΣ'])).toBe('Εμπιστευτικό');
    expect(highestText(t, nato, ['nato restricted', 'NATO UNCLASSIFIED'])).toBe('NATO RESTRICTED');
  });

  it('reads the same as the window’s banner in Korean', async () => {
    await i18n.changeLanguage('ko');
    expect(highestText(i18n.t, nato, ['NATO RESTRICTED', ''])).toBe('NATO RESTRICTED + 미표시 자료');
    expect(highestText(i18n.t, nato, [''])).toBe('미표시');
  });

  it('reads a file of any size into base64 that decodes to the same bytes', () => {
    const bytes = new Uint8Array(200_001).map((_, index) => (index * 7) % 256);
    const decoded = Uint8Array.from(atob(base64Of(bytes)), (character) => character.charCodeAt(0));
    expect(decoded).toEqual(bytes);
  });
});

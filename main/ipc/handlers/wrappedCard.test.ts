import { describe, expect, it } from 'vitest';
import { storeSnapshot } from '../../../db/sync/testing.ts';
import type { ContactAddOutcome, DeskCard } from '../../../shared/bundles.ts';
import { exchangeDesk } from './exchangeDesk.helpers.ts';

// A desk card sent by e-mail comes back wrapped: mail programs break lines at 72–76 characters, and the card's
// name signature line is 102 long. Before, the signature was read up to the break, and a card that came through
// whole was refused as "the name was changed on the way"; a card cut short on the way said the same.

const desk = exchangeDesk;

/** Wrapped as a mail program wraps: at the last space before `width`, or hard at `width` in a word longer than that. */
function wrapped(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > width) {
        const space = rest.lastIndexOf(' ', width);
        const cut = space > 0 ? space : width;
        out.push(rest.slice(0, cut));
        rest = rest.slice(space > 0 ? cut + 1 : cut);
      }
      out.push(rest);
      return out;
    })
    .join('\n');
}

const quoted = (text: string) =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

async function cardOf(deskName: string) {
  const sender = desk();
  return sender.ok<DeskCard>('desk.rename', { deskName });
}

describe('a desk card pasted from an e-mail', () => {
  it('wrapped at 72 or 76 characters, quoted or not, with a greeting after it, is accepted as it was sent', async () => {
    const sent = await cardOf('Permanent Delegation of the Republic of Korea to NATO, political section, Brussels');
    expect(Math.max(...sent.text.split('\n').map((line) => line.length))).toBeGreaterThan(76);
    for (const pasted of [
      wrapped(sent.text, 76),
      wrapped(sent.text, 72),
      quoted(wrapped(sent.text, 72)),
      wrapped(quoted(sent.text), 72),
      `Hi Kim, my card below.\n\n${wrapped(sent.text, 72)}\n\nBest regards,\nLee`,
    ]) {
      const receiver = desk();
      expect(pasted).not.toBe(sent.text);
      expect(await receiver.ok<ContactAddOutcome>('contact.add', { text: pasted })).toEqual({ status: 'added', card: sent.card });
    }
  });

  it('missing part of a wrapped line, or with a character changed, is refused as damaged, in so many words, and nothing is saved', async () => {
    const sent = await cardOf('Seoul desk');
    const receiver = desk();
    const lines = wrapped(sent.text, 72).split('\n');
    const signatureLine = lines.findIndex((line) => line.startsWith('Name signature:'));
    // Wrapped after its label, then hard in the middle: two lines of base64url follow the label.
    expect(lines.slice(signatureLine + 1)).toEqual([
      expect.stringMatching(/^[A-Za-z0-9_-]{72}$/),
      expect.stringMatching(/^[A-Za-z0-9_-]{14}$/),
    ]);
    const before = storeSnapshot(receiver.db);
    // The signature's second part lost, or all of it: the paste stopped at a wrap.
    const cutShort = lines.slice(0, signatureLine + 2).join('\n');
    const labelOnly = lines.slice(0, signatureLine + 1).join('\n');
    // A key's character changed by the mail program (a soft hyphen's dash, a quote).
    const keyChanged = sent.text.replace(/(Encryption key: .{10})./, '$1=');
    for (const damaged of [cutShort, labelOnly, keyChanged]) {
      expect(await receiver.ok('contact.add', { text: damaged })).toEqual({ status: 'refused', reason: 'damaged' });
    }
    expect(storeSnapshot(receiver.db)).toEqual(before);
  });
});

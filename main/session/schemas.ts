import { z } from 'zod';
import type { SessionChannel } from '../../shared/contract.ts';
import { textLength } from '../../shared/fieldRules.ts';
import { isPassphraseTooLong, maxPassphrase } from '../../shared/passphrase.ts';

// What the lock layer accepts. A passphrase is any text (it is never stored,
// only stretched); the length rule is the keyring's, told with the field.
const secret = z.string().superRefine((passphrase, context) => {
  if (!isPassphraseTooLong(passphrase)) return;
  context.addIssue({
    code: 'custom',
    message: `must be at most ${maxPassphrase} characters`,
    params: { reason: 'too_long', max: maxPassphrase, length: textLength(passphrase) },
  });
});
const empty = z.strictObject({});

export const sessionSchemas = {
  'session.status': empty,
  'session.setup': z.strictObject({ passphrase: secret }),
  'session.unlock': z.strictObject({ passphrase: secret }),
  'session.recover': z.strictObject({ recoveryKey: z.string().max(200), newPassphrase: secret }),
  'session.lock': empty,
  'session.changePassphrase': z.strictObject({ passphrase: secret, newPassphrase: secret }),
  'session.newRecoveryKey': z.strictObject({ passphrase: secret }),
  'session.askAtStart': z.discriminatedUnion('ask', [
    z.strictObject({ ask: z.literal(true) }),
    z.strictObject({ ask: z.literal(false), passphrase: secret }),
  ]),
  'session.settleLeftovers': z.strictObject({ action: z.enum(['encrypt', 'remove']) }),
  'session.draftKey': empty,
} as const satisfies Record<SessionChannel, z.ZodType>;

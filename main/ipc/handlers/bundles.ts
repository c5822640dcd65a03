import path from 'node:path';
import { bundleReceivedAt, contactBySigningKey, listContacts, readDeskKey, saveContact } from '../../../db/sync/desk.ts';
import {
  contactByFingerprint,
  docIdOfRow,
  forgetReview,
  listRevoked,
  rememberReview,
  removeContact,
  renameDesk,
  reviewsNotImported,
  revokeContact,
  revokedBySigningKey,
} from '../../../db/sync/deskExchange.ts';
import { chosenHistoriesOf, chosenRecordIds, summitHistoriesOf, summitRecordIds } from '../../../db/sync/history.ts';
import {
  type BundleImportOutcome,
  type BundleImportProgress,
  type BundleInspection,
  type BundleOpenRequest,
  type BundleRecordLine,
  type BundleRefusal,
  type BundleSelection,
  type ContactAddOutcome,
  cardDamaged,
  cardText,
  type DeskCard,
  isDeskName,
  maxStagedBundleBytes,
  parseCardText,
} from '../../../shared/bundles.ts';
import { tableOf } from '../../../shared/recordKinds.ts';
import type { MergeSummary, RecordHistory } from '../../../shared/sync.ts';
import { reserveFile } from '../../pdf/atomicFile.ts';
import { packDay } from '../../pdf/packDay.ts';
import { makePrivateExportsFolder } from '../../privateFiles.ts';
import {
  BundleImportError,
  exportBundleApart,
  importBundleInSlices,
  refuseRevokedSigner,
  reviewBundleApart,
  type BundleSelection as SelectionToSeal,
} from '../../sync/bundle.ts';
import { type VerifiedBundle, verifyApart } from '../../sync/bundleApart.ts';
import { BundleError, bundleFileName, bundleIdOf } from '../../sync/bundleCrypto.ts';
import { contentsOf, reviewOf, reviewOfInSlices } from '../../sync/bundleReview.ts';
import { cardNameSigned, type DeskKeys, ensureDeskKeys, fingerprintOf, publicKeyFrom, signCardName } from '../../sync/deskKeys.ts';
import { readSettings } from './settings.ts';
import type { HandlerDeps, HandlerGroup } from './types.ts';
import { UserError } from './types.ts';

// The Exchange screen's channels: this desk's contact card, the colleagues it
// accepted, and signed, encrypted `.sherpa` bundles for desks with no network
// between them. Merging is main/sync/bundle.ts's, by the replication rules.

type ExchangeChannel =
  | 'desk.card'
  | 'desk.rename'
  | 'desk.saveCard'
  | 'contact.list'
  | 'contact.add'
  | 'contact.remove'
  | 'contact.revoke'
  | 'contact.listRevoked'
  | 'bundle.contents'
  | 'bundle.export'
  | 'bundle.stage'
  | 'bundle.inspect'
  | 'bundle.import'
  | 'bundle.importProgress'
  | 'bundle.notImported'
  | 'bundle.forget'
  | 'bundle.reviewLines';

/** The name a desk's card carries until its officer names it. */
export const defaultDeskName = 'Sherpa desk';

const deskCard = (keys: DeskKeys): DeskCard => ({ card: keys.card, text: cardText(keys.card, signCardName(keys)) });
const sameFingerprint = (a: string, b: string) => a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

function refusalOf(error: unknown): BundleRefusal | null {
  if (error instanceof BundleImportError && error.revoked) return { reason: error.code, message: error.message, revoked: error.revoked };
  if (error instanceof BundleError || error instanceof BundleImportError) return { reason: error.code, message: error.message };
  return null;
}

/** How long a bundle handed over in parts is kept for its inspection and import, and a review's lines for its pages. */
const stagedForMs = 10 * 60 * 1000;
/** Reviews whose lines are kept for their pages: the last few (one is on screen at a time). */
const reviewsKept = 2;

export function bundleHandlers({ db, clock, exchange }: HandlerDeps): HandlerGroup<ExchangeChannel> {
  const keys = () => ensureDeskKeys(db, defaultDeskName);
  // Bundles too large for one request, by upload id: in memory only, never on disk unencrypted by Sherpa.
  /** How far the import under way has come; one bundle is imported at a time. */
  let importing: BundleImportProgress | null = null;
  const staged = new Map<string, { parts: (Buffer | undefined)[]; bytes: number; at: number }>();
  const forgetOld = () => {
    const now = Date.now();
    for (const [upload, entry] of staged) if (now - entry.at > stagedForMs) staged.delete(upload);
  };
  /** The bundle's bytes; null when an upload named is no longer held (Sherpa restarted, or it waited too long). */
  const bytesOf = (request: BundleOpenRequest): Buffer | null => {
    if ('file' in request) return Buffer.from(request.file, 'base64');
    forgetOld();
    const entry = staged.get(request.upload);
    if (!entry || entry.parts.some((part) => part === undefined)) return null;
    return Buffer.concat(entry.parts as Buffer[]);
  };
  // The lines of the last reviews, by bundle, for their pages: in memory only, like the bundles handed over.
  const reviewedLines = new Map<string, { lines: BundleRecordLine[]; at: number }>();
  const fileGone: BundleRefusal = {
    reason: 'file-gone',
    message: 'This bundle is no longer held here (Sherpa restarted, or it was chosen too long ago). Choose the file again.',
  };

  /** What a selection puts in a bundle, as the bundle carries it; a record that does not exist is refused at its field. */
  const selected = (selection: BundleSelection): { histories: RecordHistory[]; bundle: SelectionToSeal } => {
    const bundle = toSeal(selection);
    if ('summit' in bundle) return { histories: summitHistoriesOf(db, bundle.summit, summitRecordIds(db, bundle.summit)), bundle };
    return { histories: chosenHistoriesOf(db, bundle.records as string[]), bundle };
  };
  /** The selection as the bundle code takes it; its histories are read there, a few at a time. */
  const toSeal = (selection: BundleSelection): Extract<SelectionToSeal, object> => {
    if ('summitId' in selection) {
      const docId = docIdOfRow(db, 'summit', selection.summitId);
      if (!docId)
        throw new UserError(
          'invalid_request',
          `selection.summitId: no summit with id ${selection.summitId}`,
          'no_such_record',
          'selection.summitId',
        );
      return { summit: docId };
    }
    return { records: selectedIds(selection) };
  };
  /** Global ids of chosen records, with everything they refer to. */
  const selectedIds = (selection: Extract<BundleSelection, { records: unknown }>): string[] => {
    const docIds = selection.records.map(({ kind, id }, index) => {
      const docId = docIdOfRow(db, tableOf(kind), id);
      if (!docId)
        throw new UserError(
          'invalid_request',
          `selection.records.${index}: no ${kind} with id ${id}`,
          'no_such_record',
          `selection.records.${index}`,
        );
      return docId;
    });
    return chosenRecordIds(db, docIds);
  };

  /**
   * Opens the bundle as far as this desk can: refused, in need of a passphrase, or reviewed. Its signature is
   * checked and its content read on a worker, what it would change read here a few records at a time.
   */
  const inspect = async (file: Buffer, passphrase: string | undefined): Promise<BundleInspection> => {
    const desk = keys();
    let verified: VerifiedBundle | undefined;
    try {
      verified = await verifyApart(file);
      const { header, signer } = verified;
      refuseRevokedSigner(db, signer);
      const importedAt = bundleReceivedAt(db, header.bundleId);
      if (importedAt)
        return {
          status: 'refused',
          refusal: {
            reason: 'already-imported',
            message: `This bundle was already imported (${importedAt}); importing it again would change nothing.`,
            importedAt,
          },
        };
      const addressedHere = header.recipients.some((recipient) => recipient.fingerprint === desk.card.fingerprint);
      if (!addressedHere && header.passphrase && passphrase === undefined) return { status: 'needs-passphrase', signer };
      const reviewed = await reviewBundleApart(db, desk, verified, readSettings(db).classificationScheme, passphrase);
      // Until imported or cancelled: a restart meanwhile must not make it vanish without a word.
      if (!db.readonly)
        rememberReview(
          db,
          {
            bundleId: header.bundleId,
            signerDesk: signer.deskName,
            signerFingerprint: signer.fingerprint,
            createdAt: header.createdAt,
          },
          clock().toISOString(),
        );
      const { review, lines } = await reviewOfInSlices(db, reviewed);
      // Every line, for the pages asked for after: the answer itself carries the first ones and the counts.
      reviewedLines.set(review.bundleId, { lines, at: Date.now() });
      for (const bundleId of [...reviewedLines.keys()].slice(0, -reviewsKept)) reviewedLines.delete(bundleId);
      return { status: 'ready', review };
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return { status: 'refused', refusal };
      throw error;
    } finally {
      verified?.close();
    }
  };

  return {
    'desk.card': (_request, changes) => {
      const existed = readDeskKey(db) !== undefined;
      const card = deskCard(keys());
      if (!existed) changes.record('desk', 'created', []);
      return card;
    },
    'desk.rename': ({ deskName }, changes) => {
      keys();
      renameDesk(db, deskName);
      changes.record('desk', 'updated', []);
      return deskCard(keys());
    },
    'desk.saveCard': async () => {
      if (!exchange) throw new UserError('invalid_request', 'Saving files is not available in this window.', 'files_unavailable');
      const { card, text } = deskCard(keys());
      await makePrivateExportsFolder(exchange.exportsDir);
      const target = path.join(exchange.exportsDir, cardFileName(card.deskName));
      const pending = await reserveFile(target, { keepExisting: true });
      return { path: await pending.commit(Buffer.from(`${text}\n`, 'utf8')) };
    },
    'contact.list': () => listContacts(db),
    'contact.add': ({ text }, changes): ContactAddOutcome => {
      const parsed = parseCardText(text);
      if (!parsed) return { status: 'refused', reason: 'not-a-card' };
      // A card with every line but one cut short or changed on the way (a wrapped line lost): said so, not "not a card".
      if (cardDamaged(parsed)) return { status: 'refused', reason: 'damaged' };
      let fingerprint: string;
      try {
        publicKeyFrom(parsed.signingKey, 'Ed25519');
        publicKeyFrom(parsed.encryptionKey, 'X25519');
        fingerprint = fingerprintOf(parsed.signingKey, parsed.encryptionKey);
      } catch {
        return { status: 'refused', reason: 'damaged' };
      }
      // The fingerprint is what the colleague reads out: a card whose keys do not give it was changed or mistyped.
      if (!sameFingerprint(fingerprint, parsed.statedFingerprint)) return { status: 'refused', reason: 'fingerprint-mismatch' };
      if (fingerprint === keys().card.fingerprint) return { status: 'refused', reason: 'own-card' };
      // The fingerprint read out vouches for the keys only; the name is the keys' own signature's to vouch for.
      // A card from before names were signed cannot show its name was not swapped: its desk makes a new one.
      if (!parsed.nameSignature) return { status: 'refused', reason: 'name-unsigned' };
      if (!cardNameSigned(parsed, parsed.nameSignature)) return { status: 'refused', reason: 'name-mismatch' };
      // Signed by the desk's own key, so any name its maker chose: one this desk's Settings would refuse (a direction
      // override showing another desk's name, a hidden character, half an emoji, too long) is refused here too.
      if (!isDeskName(parsed.deskName)) return { status: 'refused', reason: 'name-invalid' };
      // A lost laptop's card, offered again (by whoever holds the laptop, or by mistake), does not undo its revocation.
      const revoked = revokedBySigningKey(db, parsed.signingKey);
      if (revoked) return { status: 'refused', reason: 'revoked', revokedAt: revoked.revokedAt };
      const card = {
        deskName: parsed.deskName,
        signingKey: parsed.signingKey,
        encryptionKey: parsed.encryptionKey,
        fingerprint,
      };
      saveContact(db, card);
      changes.record('contact', 'created', []);
      return { status: 'added', card };
    },
    'contact.remove': ({ fingerprint }, changes) => {
      const card = contactByFingerprint(db, fingerprint);
      if (!card || !removeContact(db, fingerprint))
        throw new UserError(
          'invalid_request',
          `fingerprint: no accepted desk has the fingerprint ${fingerprint}`,
          'no_such_record',
          'fingerprint',
        );
      changes.record('contact', 'deleted', []);
      return { removed: card };
    },
    'contact.revoke': ({ fingerprint }, changes) => {
      const card = contactByFingerprint(db, fingerprint);
      if (!card)
        throw new UserError(
          'invalid_request',
          `fingerprint: no accepted desk has the fingerprint ${fingerprint}`,
          'no_such_record',
          'fingerprint',
        );
      const revokedAt = clock().toISOString();
      revokeContact(db, card, revokedAt);
      changes.record('contact', 'deleted', []);
      return { revoked: { ...card, revokedAt } };
    },
    'contact.listRevoked': () => listRevoked(db),
    'bundle.contents': ({ selection }) => contentsOf(db, selected(selection).histories),
    'bundle.export': async ({ selection, recipients, passphrase }) => {
      if (!exchange) throw new UserError('invalid_request', 'Saving files is not available in this window.', 'files_unavailable');
      const cards = recipients.map((fingerprint, index) => {
        const card = contactByFingerprint(db, fingerprint);
        if (!card)
          throw new UserError(
            'invalid_request',
            `recipients.${index}: no accepted desk has the fingerprint ${fingerprint}`,
            'no_such_record',
            `recipients.${index}`,
          );
        return card;
      });
      const bundle = toSeal(selection);
      const desk = keys();
      const now = clock();
      // Read a few records at a time and sealed on a worker: the officer's saves are answered meanwhile.
      const { file, records, markings } = await exportBundleApart(db, desk, bundle, {
        recipients: cards,
        now,
        ...(passphrase ? { passphrase } : {}),
      });
      const day = packDay(readSettings(db).homeTimeZone, now);
      await makePrivateExportsFolder(exchange.exportsDir);
      const target = path.join(exchange.exportsDir, bundleFileName(day, bundleIdOf(file)));
      const pending = await reserveFile(target, { keepExisting: true });
      const written = await pending.commit(file);
      return {
        path: written,
        fileName: path.basename(written),
        bytes: file.length,
        records,
        markings,
      };
    },
    'bundle.stage': ({ upload, part, parts, data }) => {
      forgetOld();
      const entry = staged.get(upload) ?? { parts: new Array<Buffer | undefined>(parts).fill(undefined), bytes: 0, at: Date.now() };
      if (entry.parts.length !== parts)
        throw new UserError('invalid_request', 'parts: differs from the upload’s earlier parts', 'upload_parts_differ', 'parts');
      const bytes = Buffer.from(data, 'base64');
      const total = [...staged.values()].reduce((sum, each) => sum + each.bytes, 0) - (entry.parts[part]?.length ?? 0) + bytes.length;
      if (total > maxStagedBundleBytes)
        throw new UserError(
          'invalid_request',
          `data: bundles being handed over exceed ${maxStagedBundleBytes / 1024 / 1024} MB`,
          { reason: 'upload_too_large', params: { max: maxStagedBundleBytes / 1024 / 1024 } },
          'data',
        );
      entry.bytes += bytes.length - (entry.parts[part]?.length ?? 0);
      entry.parts[part] = bytes;
      entry.at = Date.now();
      staged.set(upload, entry);
      const received = entry.parts.filter((each) => each !== undefined).length;
      return { upload, received, complete: received === parts };
    },
    'bundle.inspect': async (request) => {
      const bytes = bytesOf(request);
      return bytes ? inspect(bytes, request.passphrase) : { status: 'refused', refusal: fileGone };
    },
    'bundle.import': async (request): Promise<BundleImportOutcome> => {
      const { passphrase, acceptSigner } = request;
      const bytes = bytesOf(request);
      if (!bytes) return { status: 'refused', refusal: fileGone };
      if (importing)
        return {
          status: 'refused',
          refusal: { reason: 'importing', message: 'Another bundle is being imported here; import this one when it is done.' },
        };
      const desk = keys();
      // Taken before the signature is checked on the worker: a second import asked for meanwhile is refused.
      importing = { phase: 'checking', done: 0, total: 0 };
      let verified: VerifiedBundle | undefined;
      let summary: MergeSummary;
      try {
        verified = await verifyApart(bytes);
        refuseRevokedSigner(db, verified.signer);
      } catch (error) {
        verified?.close();
        importing = null;
        const refusal = refusalOf(error);
        if (refusal) return { status: 'refused', refusal };
        throw error;
      }
      const { header, signer } = verified;
      const addressedHere = header.recipients.some((recipient) => recipient.fingerprint === desk.card.fingerprint);
      if (!addressedHere && header.passphrase && passphrase === undefined) {
        importing = null;
        verified.close();
        return { status: 'needs-passphrase', signer };
      }
      const signerKnown = signer.signingKey === desk.card.signingKey || contactBySigningKey(db, signer.signingKey) !== undefined;
      try {
        // Opened on a worker, then merged a slice at a time: the officer's saves and the other windows' views are answered meanwhile.
        summary = await importBundleInSlices(db, desk, verified, {
          ...(passphrase !== undefined ? { passphrase } : {}),
          acceptSigner,
          onProgress: ({ phase, done, total }) => {
            importing = { phase, done, total };
          },
        });
      } catch (error) {
        const refusal = refusalOf(error);
        if (refusal) return { status: 'refused', refusal };
        throw error;
      } finally {
        importing = null;
        verified.close();
      }
      if ('upload' in request) staged.delete(request.upload);
      forgetReview(db, header.bundleId);
      // The changes were listed at review; the outcome says how many there were.
      reviewedLines.delete(header.bundleId);
      const { review } = reviewOf(db, {
        bundleId: header.bundleId,
        createdAt: header.createdAt,
        signer,
        signerKnown,
        records: [],
        summary: { ...summary, records: [] },
      });
      return { status: 'imported', review: { ...review, markings: summary.markings } };
    },
    'bundle.importProgress': () => importing,
    'bundle.reviewLines': ({ bundleId, change, offset, limit }) => {
      const held = reviewedLines.get(bundleId);
      if (!held || Date.now() - held.at > stagedForMs) {
        reviewedLines.delete(bundleId);
        return { status: 'refused', refusal: fileGone };
      }
      const lines = held.lines.filter((line) => line.change === change);
      return { status: 'ready', lines: lines.slice(offset, offset + limit), total: lines.length };
    },
    'bundle.notImported': () => reviewsNotImported(db),
    'bundle.forget': ({ bundleId }, changes) => {
      const forgotten = forgetReview(db, bundleId);
      if (forgotten) changes.record('contact', 'updated', []);
      return { forgotten };
    },
  };
}

/**
 * A desk card's file name carries the desk's name, unlike a pack's or a bundle's:
 * a card is public by design (it is handed to other desks to read, and names the
 * desk in its text), and the desk it comes from is what its reader looks for.
 */
function cardFileName(deskName: string): string {
  const slug =
    deskName
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'desk';
  return `${slug}-card.sherpa-card.txt`;
}

// What the Exchange screen and the store say to each other about desks,
// contact cards and `.sherpa` bundles (issue 13, item 4). Types and the card's
// text form only: the cryptography stays in main/sync.
import { fitsLength, isBlank, refusedInLine } from './fieldRules.ts';
import { maxRequestBytes } from './limits.ts';
import { type RecordKind, recordKinds } from './recordKinds.ts';
import type { ContactCard, RecordChange, RevokedContact } from './sync.ts';

export type { ContactCard, RevokedContact };

/** This desk's card, and the same card as text a colleague can paste. */
export interface DeskCard {
  card: ContactCard;
  text: string;
}

/** Adding a colleague's card: refused when it is no card, its keys do not give the fingerprint it states, or it is this desk's own. */
export type ContactAddOutcome =
  | { status: 'added'; card: ContactCard }
  | {
      status: 'refused';
      reason: 'not-a-card' | 'damaged' | 'fingerprint-mismatch' | 'own-card' | 'name-unsigned' | 'name-mismatch' | 'name-invalid';
    }
  /** This desk stopped trusting the card's keys (its laptop lost): accepting it again would undo that. */
  | { status: 'refused'; reason: 'revoked'; revokedAt: string };

/** A bundle carries every kind of record desks replicate, by the names the interface gives them. */
export const bundleRecordKinds = recordKinds;
export type BundleRecordKind = RecordKind;

/** Records a bundle can be made of: a whole summit, or records picked one by one (what they refer to comes along). */
export type BundleSelection = { summitId: number } | { records: { kind: Exclude<BundleRecordKind, 'participant'>; id: number }[] };

/** One record inside a bundle, as the review lists it. */
export interface BundleRecordLine {
  /** The record's global id, the same on every desk. */
  id: string;
  kind: BundleRecordKind;
  /** Its id in this store, to pick it for a bundle; null when it is not here yet (or is a participant, known by two ids). */
  rowId: number | null;
  name: string;
  /** Its marking; null for kinds that carry none (sources, countries, programmes, participants). */
  classification: string | null;
  change: RecordChange;
  deleted: boolean;
}

/** What a bundle holds, before it is made. */
export interface BundleContents {
  records: BundleRecordLine[];
  /** Every marking found in any revision inside, distinct: the highest is shown before export and on review. */
  markings: string[];
}

export interface BundleExportRequest {
  selection: BundleSelection;
  /** Fingerprints of accepted contacts the bundle is encrypted to. */
  recipients: string[];
  /** Also (or instead) opens with this passphrase. */
  passphrase?: string;
}
export interface BundleExportResult {
  /** Where the `.sherpa` file was written: the exports folder beside the store. */
  path: string;
  fileName: string;
  bytes: number;
  records: number;
  markings: string[];
}

/** Why a bundle was refused; the page says each in the interface language. Nothing is changed by a refusal. */
export const bundleRefusals = [
  'not-a-bundle',
  'tampered',
  'not-for-this-desk',
  'wrong-passphrase',
  'already-imported',
  'unknown-signer',
  'bad-content',
  // Its records unpack to more than one text can hold (a gzip bomb): never unpacked in full.
  'too-large-unpacked',
  // The bundle handed over before is no longer held (Sherpa restarted, or it waited too long): choose the file again.
  'file-gone',
  // One bundle is imported at a time: another's import is under way.
  'importing',
  // Signed by a desk whose key this desk no longer trusts (its laptop lost): never imported, whatever is ticked.
  'revoked-signer',
  // Its signer's desk name is one a desk's Settings refuse (a direction override could show another desk's name).
  'signer-name-invalid',
] as const;
export type BundleRefusalReason = (typeof bundleRefusals)[number];
export interface BundleRefusal {
  reason: BundleRefusalReason;
  /** The store's English sentence, for logs and tests; the page shows its own translation. */
  message: string;
  /** When `already-imported`: when it was. */
  importedAt?: string;
  /** When `revoked-signer`: the desk, and since when this desk no longer trusts its key. */
  revoked?: RevokedContact;
}

/**
 * The `.sherpa` file: its bytes (base64) when it fits in one request, or the
 * id of an upload sent before through `bundle.stage` in parts.
 */
export type BundleOpenRequest = ({ file: string } | { upload: string }) & { passphrase?: string };

/** One part of a bundle too large for one request; the parts are joined in order once all have arrived. */
export interface BundleStageRequest {
  /** Chosen by the page: 32 hex digits. */
  upload: string;
  part: number;
  parts: number;
  /** This part's bytes, base64. */
  data: string;
}

export interface BundleReview {
  bundleId: string;
  createdAt: string;
  signer: ContactCard;
  /** False when this desk has not accepted the signer: the fingerprint must be checked, then accepted. */
  signerAccepted: boolean;
  counts: { new: number; updated: number; conflicting: number; unchanged: number };
  /**
   * The records that would change, in the order they would be created: every conflicting one, and the first
   * `reviewLinesAtOnce` new and updated ones (a bundle of a whole store changes 190,000); `bundle.reviewLines` pages on.
   */
  changes: BundleRecordLine[];
  /** How many records would change, by kind and marking (exact, whatever is listed). */
  breakdown: BundleReviewBreakdown[];
  /** Every marking inside, distinct (every revision of every record, losers included). */
  markings: string[];
  /** Records this store's rules hold back (kept in history, not shown) until what they need arrives. */
  heldBack: number;
  /**
   * Records that would change whose text holds a character that turns it round (a direction override,
   * embedding or isolate), which this desk's forms refuse: kept as sent, their names listed and printed
   * with each such character named ("[U+202E]ksed luoeS"), never obeyed.
   */
  turnsTextRound: number;
  /**
   * Records that would change whose text holds a character that hides or turns round what it says (a zero-width
   * character inside a Latin word, a control character, a direction override; shared/misleadingCharacters.ts):
   * how many, and the first `reviewLinesAtOnce` with the characters each holds, listed before the import.
   */
  misleading: { count: number; lines: BundleMisleadingLine[] };
}

/** A record line of the review, with the characters that hide or turn its text round ("U+200B"), each once. */
export type BundleMisleadingLine = BundleRecordLine & { characters: string[] };

/** Records of one kind and one marking that a bundle would change, counted by how. */
export interface BundleReviewBreakdown {
  kind: BundleRecordKind;
  /** null for kinds that carry no marking. */
  classification: string | null;
  new: number;
  updated: number;
  conflicting: number;
}

/** New and updated records a review lists at once, of each; the rest are asked for a page at a time. */
export const reviewLinesAtOnce = 100;
/** The most lines one page of a review gives. */
export const maxReviewLinesPage = 1000;

/** A page of the records a reviewed bundle would change in one way; refused once that review is no longer held. */
export type BundleReviewLines =
  | { status: 'ready'; lines: BundleRecordLine[]; total: number }
  | { status: 'refused'; refusal: BundleRefusal };

export type BundleInspection =
  | { status: 'ready'; review: BundleReview }
  /** Not addressed to this desk but sealed with a passphrase too: ask for it. The signer is shown already. */
  | { status: 'needs-passphrase'; signer: ContactCard }
  | { status: 'refused'; refusal: BundleRefusal };

/** A bundle opened for review and not imported when Sherpa last closed: its file must be chosen again. */
export interface BundleNotImported {
  bundleId: string;
  signerDesk: string;
  signerFingerprint: string;
  /** When the bundle was made, and when it was opened here. */
  createdAt: string;
  openedAt: string;
}

/** How far the import under way has come: its records checked (before any is written), then merged a slice at a time. */
export interface BundleImportProgress {
  phase: 'checking' | 'merging';
  done: number;
  total: number;
}

export type BundleImportOutcome =
  | { status: 'imported'; review: BundleReview }
  | { status: 'needs-passphrase'; signer: ContactCard }
  | { status: 'refused'; refusal: BundleRefusal };

/** A bundle travels through the page as base64 in one request: this is the largest file that fits. */
export const maxBundleFileBytes = Math.floor(((maxRequestBytes - 4096) * 3) / 4);
/** A larger one goes in parts of this many bytes (base64 of one fits a request with room to spare). */
export const bundlePartBytes = 768 * 1024;
/** The largest bundle the page can hand over in parts: the whole benchmark store is 20 MB. */
export const maxStagedBundleBytes = 256 * 1024 * 1024;
/** Passphrases protect a file that may travel on a stick: long enough to resist guessing offline. */
export const minBundlePassphrase = 12;
/** The longest a bundle's passphrase may be: a longer one is refused when sending, and opens no bundle. */
export const maxBundlePassphrase = 1000;
/** Fewer different characters than this is a pattern, not a passphrase ("aaaaaaaaaaaa", "abababababab"). */
const minDistinctCharacters = 5;

/** Why a bundle passphrase is refused: the page and the store apply the same rule. */
export type PassphraseProblem = 'blank' | 'too-short' | 'weak';

/**
 * What is wrong with a bundle passphrase, or null when it will do. Spaces do
 * not count towards its length (12 spaces are no secret); one character
 * repeated, a pattern of few characters, or a straight run of characters
 * ("abcdefghijkl", "zyxwvutsrqpo") is guessed first by anyone who has the file.
 */
export function bundlePassphraseProblem(passphrase: string): PassphraseProblem | null {
  const characters = [...passphrase.normalize('NFC').replace(/\s+/gu, '')];
  if (characters.length === 0) return 'blank';
  if (characters.length < minBundlePassphrase) return 'too-short';
  if (new Set(characters.map((character) => character.toLowerCase())).size < minDistinctCharacters) return 'weak';
  const steps = characters.slice(1).map((character, index) => (character.codePointAt(0) ?? 0) - (characters[index]?.codePointAt(0) ?? 0));
  if (steps.every((step) => step === 1) || steps.every((step) => step === -1)) return 'weak';
  return null;
}

/** Longest desk name, as Settings take it and a colleague's card must hold it. */
export const maxDeskName = 200;

/**
 * Whether a colleague's card names its desk as this desk's Settings would take it: one line, at most maxDeskName
 * characters, nothing that turns it round or hides a difference (see shared/fieldRules.ts), not blank.
 */
export function isDeskName(name: string): boolean {
  return fitsLength(name, maxDeskName) && !refusedInLine.test(name) && !isBlank(name);
}

const cardTitle = 'SHERPA DESK CARD';
const cardFields = { deskName: 'Desk', fingerprint: 'Fingerprint', signingKey: 'Signing key', encryptionKey: 'Encryption key' } as const;
const nameSignatureLabel = 'Name signature';

/**
 * What a card's name signature signs: the fingerprint covers the keys only (it
 * is the desk's identity and outlives a rename), so the name is bound to them
 * by the desk's own signing key. Trimmed and NFC, as a pasted card parses back.
 */
export function cardNameStatement(card: Pick<ContactCard, 'deskName' | 'signingKey' | 'encryptionKey'>): string {
  return ['sherpa desk card name', card.deskName.trim(), card.signingKey, card.encryptionKey].join('\n').normalize('NFC');
}

/** A card as text: one labelled line each, so it reads aloud, pastes into a message, and parses back; the last line signs the name. */
export function cardText(card: ContactCard, nameSignature: string): string {
  return [
    cardTitle,
    ...Object.entries(cardFields).map(([field, label]) => `${label}: ${card[field as keyof typeof cardFields]}`),
    `${nameSignatureLabel}: ${nameSignature}`,
  ].join('\n');
}

/** A desk's public key as a card writes it: 32 bytes, base64url without padding. */
const cardKeyPattern = /^[A-Za-z0-9_-]{43}$/;
/** The name signature: an Ed25519 signature, 64 bytes, base64url without padding. */
const cardSignaturePattern = /^[A-Za-z0-9_-]{86}$/;
/** Five groups of four hex digits, however the spaces between them came through. */
const cardFingerprintPattern = /^[0-9A-F]{20}$/i;
/** A line a mail program broke off a key or a signature: base64url only. */
const encodedPart = /^[A-Za-z0-9_-]+$/;

/**
 * The card's lines, as pasted; null when it is no card. `nameSignature` is absent on a card made before names
 * were signed. Tolerated, as mail programs add them: quote marks ("> ", "> > "), blank lines, spaces, text before
 * the card and after it, and long lines wrapped at 72–76 characters (the name signature's line is 102): a line
 * that starts with no label continues the field above it, a key's or the signature's only while it is short of
 * its length and the line is base64url (a greeting after the card is not part of the signature), a desk name's
 * after the space the wrap took. Whether what was joined is whole is `cardDamage`'s to say.
 */
export function parseCardText(
  text: string,
): (Omit<ContactCard, 'fingerprint'> & { statedFingerprint: string; nameSignature: string | undefined }) | null {
  const lines = text
    .replace(/\r/g, '')
    .split('\n')
    .map((line) => line.replace(/^[>\s]+/, '').trim())
    .filter((line) => line !== '');
  const title = lines.findIndex((line) => line.toUpperCase() === cardTitle);
  if (title < 0) return null;
  const labels = [...Object.values(cardFields), nameSignatureLabel];
  const fullLength: Record<string, number> = {
    [cardFields.signingKey]: 43,
    [cardFields.encryptionKey]: 43,
    [nameSignatureLabel]: 86,
  };
  const values = new Map<string, string>();
  let current: string | undefined;
  for (const line of lines.slice(title + 1)) {
    const label = labels.find((each) => line.toLowerCase().startsWith(`${each.toLowerCase()}:`));
    if (label !== undefined) {
      // A second card pasted below the first: the first is the one read.
      if (values.has(label)) break;
      current = label;
      values.set(label, line.slice(label.length + 1).trim());
      continue;
    }
    if (current === undefined) continue;
    const sofar = values.get(current) ?? '';
    const encodedLength = fullLength[current];
    if (encodedLength === undefined) values.set(current, `${sofar} ${line}`);
    else if (sofar.length < encodedLength && encodedPart.test(line)) values.set(current, `${sofar}${line}`);
  }
  const value = (label: string) => values.get(label);
  const deskName = value(cardFields.deskName);
  const statedFingerprint = value(cardFields.fingerprint)?.replace(/\s+/g, ' ');
  const signingKey = value(cardFields.signingKey);
  const encryptionKey = value(cardFields.encryptionKey);
  if (!deskName || !statedFingerprint || !signingKey || !encryptionKey) return null;
  // A signature line whose value was lost (a mail program wrapped it after the label) is a damaged card, not an old one.
  return { deskName, signingKey, encryptionKey, statedFingerprint, nameSignature: value(nameSignatureLabel) };
}

/**
 * Whether a parsed card came through whole: keys and signature of their exact length in base64url, a fingerprint
 * of five groups. A line cut short, a character a mail program changed, a wrapped line lost: the card is refused
 * as damaged, in those words, rather than as a changed name or not a card at all.
 */
export function cardDamaged(card: NonNullable<ReturnType<typeof parseCardText>>): boolean {
  return (
    !cardKeyPattern.test(card.signingKey) ||
    !cardKeyPattern.test(card.encryptionKey) ||
    !cardFingerprintPattern.test(card.statedFingerprint.replace(/\s/g, '')) ||
    (card.nameSignature !== undefined && !cardSignaturePattern.test(card.nameSignature))
  );
}

import { registerSqlFunctions } from '../functions.ts';
import type { Db } from '../open.ts';
import { initialSchema } from './0010-initial-schema.ts';
import { searchIndex } from './0020-search-index.ts';
import { viewIndexes } from './0070-view-indexes.ts';
import { deferredNoteSearch } from './0080-deferred-note-search.ts';
import { sampleEventsOfTheirSummit } from './0100-sample-events-of-their-summit.ts';
import { noteLinks } from './0110-note-links.ts';
import { meetingBiographies } from './0130-meeting-biographies.ts';
import { notePendingMarkFromForeignKeys } from './0150-note-pending-mark-from-foreign-keys.ts';
import { markings } from './0200-markings.ts';
import { cjkSearch } from './0250-cjk-search.ts';
import { markingsOnEveryText } from './0260-markings-on-timeline-follow-ups-summits.ts';
import { idHighWater } from './0300-id-high-water.ts';
import { syncIdentity } from './0400-sync-identity.ts';
import { deskKeys } from './0410-desk-keys.ts';
import { syncReplicationState } from './0420-sync-replication-state.ts';
import { syncAccount } from './0430-sync-account.ts';
import { syncHeld } from './0440-sync-held.ts';
import { syncUndoKeepsIdentity } from './0500-sync-undo-keeps-identity.ts';
import { syncSharing } from './0530-sync-sharing.ts';
import { syncErrorTime } from './0540-sync-error-time.ts';
import { syncBranched } from './0600-sync-branched.ts';
import { followUpsByMeeting } from './0650-follow-ups-by-meeting.ts';
import { searchTitles } from './0660-search-titles.ts';
import { sectorEntriesByDate } from './0670-sector-entries-by-date.ts';
import { syncPartitionFeed } from './0700-sync-partition-feed.ts';
import { syncPartitionFeedCheaper } from './0710-sync-partition-feed-cheaper.ts';
import { revisionAuthors } from './0750-revision-authors.ts';
import { movedMeetingResends } from './0760-moved-meeting-resends.ts';
import { bundleReviews } from './0770-bundle-reviews.ts';
import { meetingCounterpartsBySummit } from './0900-meeting-counterparts-by-summit.ts';
import { markingsOnCountriesProgrammes } from './1020-markings-on-countries-programmes.ts';
import { oneWayToResendMovedRecords } from './1030-one-way-to-resend-moved-records.ts';
import { winnerTextByRevision } from './1040-winner-text-by-revision.ts';
import { noteSaveWritesItsRevisionOnce } from './1100-note-save-writes-its-revision-once.ts';
import { placeWrittenWhenItChanges } from './1110-place-written-when-it-changes.ts';
import { savesBuildNoTemporaryTables } from './1120-saves-build-no-temporary-tables.ts';
import { trashEmptyAnnotations } from './1200-trash-empty-annotations.ts';
import { receivedRecordsNotEchoed } from './1300-received-records-not-echoed.ts';
import { feedClockBesideRevisionCounter } from './1350-feed-clock-beside-revision-counter.ts';
import { feedReadByPartitionOnly } from './1360-feed-read-by-partition-only.ts';
import { newRevisionFoundByItsNumber } from './1450-new-revision-found-by-its-number.ts';
import { nameSortKeys } from './1590-name-sort-keys.ts';
import { mergedRecordsIndexedInBatches } from './1600-merged-records-indexed-in-batches.ts';
import { noteRevisionWrittenWhenRead } from './1650-note-revision-written-when-read.ts';
import { referenceMarkingsReplicate } from './1750-reference-markings-replicate.ts';
import { meetingBiographiesReplicate } from './1850-meeting-biographies-replicate.ts';
import { searchFoldsLetters } from './1900-search-folds-letters.ts';
import { movedOutOfADatabase } from './2000-moved-out-of-a-database.ts';
import { movedOutClosingsOffered } from './2010-moved-out-closings-offered.ts';
import { oneMarkANoteSave } from './2100-one-mark-a-note-save.ts';
import { typingSessionRevisionIsTheNote } from './2350-typing-session-revision-is-the-note.ts';
import { desksNoLongerTrusted } from './2450-desks-no-longer-trusted.ts';
import { syncNotices } from './2550-sync-notices.ts';
import { savedNotesFoundByTheirTime } from './2700-saved-notes-found-by-their-time.ts';
import { summitRecordInItsOwnDatabase } from './2750-summit-record-in-its-own-database.ts';
import { searchIndexMergesLessOften } from './2800-search-index-merges-less-often.ts';
import { searchFoldsOkina } from './2870-search-folds-okina.ts';
import { searchFoldsTwoLetterSpellings } from './2880-search-folds-two-letter-spellings.ts';
import { receivedNoteWakesOneTrigger } from './2910-received-note-wakes-one-trigger.ts';
import { searchFindsWordsInsideThaiLaoKhmerBurmese } from './2920-search-finds-words-inside-thai-lao-khmer-burmese.ts';
import { cyrillicNamesSortByTheirAlphabet } from './2940-cyrillic-names-sort-by-their-alphabet.ts';
import { azerbaijaniAndGeorgianCapitals } from './2950-azerbaijani-and-georgian-capitals.ts';
import { syncDatabaseBehind } from './2960-sync-database-behind.ts';
import { meetingBiographiesSearched } from './2970-meeting-biographies-searched.ts';
import { searchFoldsEthiopicHomophones } from './3000-search-folds-ethiopic-homophones.ts';
import { centralAsianLettersFoldAndSort } from './3010-central-asian-letters.ts';
import { searchFoldsApostrophesInsideNames } from './3020-search-folds-apostrophes-inside-names.ts';
import { searchFoldsSamiLetters } from './3030-search-folds-sami-letters.ts';
import { searchAndSortSouthAsianArmenianPersian } from './3040-search-and-sort-south-asian-armenian-persian.ts';
import { persianAndArabicKeyboardsSortAsOne } from './3050-persian-and-arabic-keyboards-sort-as-one.ts';
import { persianLettersInTheirAlphabetsPlace } from './3060-persian-letters-in-their-alphabets-place.ts';
import { hausaHookedLetters } from './3120-hausa-hooked-letters.ts';
import { searchFindsUmlautsWrittenOut } from './3170-search-finds-umlauts-written-out.ts';
import { searchReadsKatakanaAsHiragana } from './3240-search-reads-katakana-as-hiragana.ts';
import { searchLeavesRowsWaitingForLinks } from './3250-search-leaves-rows-waiting-for-links.ts';
import { searchReadsThaiNamesAcrossASpace } from './3260-search-reads-thai-names-across-a-space.ts';
import { searchReadsTraditionalChineseAsSimplified } from './3290-search-reads-traditional-chinese-as-simplified.ts';
import { searchReadsUrduLettersAsPersian } from './3400-search-reads-urdu-letters-as-persian.ts';
import { deletedRecordsFoundByIndex } from './3420-deleted-records-found-by-index.ts';
import { searchReadsSerbianLatinAndHangulInitials } from './3510-search-reads-serbian-latin-and-hangul-initials.ts';
import { searchReadsGreekAndGeorgianInLatin } from './3540-search-reads-greek-and-georgian-in-latin.ts';
import { searchFindsDjForSerboCroatianDj } from './3550-search-finds-dj-for-serbo-croatian-dj.ts';

export interface Migration {
  /** Numbered in steps of 10 so a fix can slot in between two releases. */
  readonly version: number;
  readonly name: string;
  readonly up: (db: Db) => void;
}

/** Every migration, in the order it runs. Append only. */
export const migrations: readonly Migration[] = [
  initialSchema,
  searchIndex,
  viewIndexes,
  deferredNoteSearch,
  // 0100–0140: pack scope.
  sampleEventsOfTheirSummit,
  noteLinks,
  meetingBiographies,
  notePendingMarkFromForeignKeys,
  markings,
  cjkSearch,
  markingsOnEveryText,
  idHighWater,
  syncIdentity,
  deskKeys,
  syncReplicationState,
  syncAccount,
  syncHeld,
  syncUndoKeepsIdentity,
  // 0530–0560: live replication wired into the app.
  syncSharing,
  syncErrorTime,
  // 0600–0620: conflicts between desks (conflictui).
  syncBranched,
  // 0650–0669: growth with the store.
  followUpsByMeeting,
  searchTitles,
  sectorEntriesByDate,
  // 0700–0740: replication at a busy desk's scale (replfull).
  syncPartitionFeed,
  syncPartitionFeedCheaper,
  // 0750–0790: desks as a team (syncmore).
  revisionAuthors,
  movedMeetingResends,
  bundleReviews,
  // 0900–0940: growth with the store (a summit view that costs what it shows).
  meetingCounterpartsBySummit,
  // 1020–1040: small fixes from the new-user trial (smallfix).
  markingsOnCountriesProgrammes,
  // 1030: one mechanism for re-sending a moved meeting's records (the merge of two branches).
  oneWayToResendMovedRecords,
  // 1040: a save's cost no longer grows with the record's revisions.
  winnerTextByRevision,
  // 1100–1190: a note save at the disk's pace (savecost).
  noteSaveWritesItsRevisionOnce,
  placeWrittenWhenItChanges,
  savesBuildNoTemporaryTables,
  // 1200–1290: leftovers of the new-user trial (leftovers5). 1200: empty annotations of before 'Add annotation' discarded them.
  trashEmptyAnnotations,
  // 1300–1340: the first pull of an empty desk (r6-firstpull). 1300: records pulled from a database are not pushed back to it.
  receivedRecordsNotEchoed,
  // 1350–1390: a note save writes fewer pages (notesave).
  feedClockBesideRevisionCounter,
  feedReadByPartitionOnly,
  // 1450–1499: a note save at the disk's pace, again (r7-save). 1450: the parent index goes.
  newRevisionFoundByItsNumber,
  // 1590–1629: loose ends of round 6 (r7-loose). 1590: names sort as a reader expects (É with E, ʻA with A).
  nameSortKeys,
  // 1600–1640: the first pull (r8-pull). 1600: rows a merge writes are indexed for search in batches.
  mergedRecordsIndexedInBatches,
  // 1650–1690: a note save at the disk's pace, third round (r8-save). 1650: a save marks the note, its revision is written when read.
  noteRevisionWrittenWhenRead,
  // 1750–1790: a desk is a team, tried by several officers (r8-team). 1750: countries' and programmes' markings replicate.
  referenceMarkingsReplicate,
  // 1850–1890: biographies written for a meeting replicate (r8-bio).
  meetingBiographiesReplicate,
  // 1900–1949: a summit nobody tuned the app for, tried as a new desk (r9-asean). 1900: search folds letters.
  searchFoldsLetters,
  movedOutOfADatabase,
  movedOutClosingsOffered,
  // 2100–2149: a note save at the disk's pace, fourth round (r9-save). 2100: a save writes one mark, not two.
  oneMarkANoteSave,
  // 2350–2399: a note save at the disk's pace, fifth round (r10-save). 2350: a typing session's revision is the note.
  typingSessionRevisionIsTheNote,
  // 2450–2499: a team that travels, tried by four officers (r10-team). 2450: a lost laptop's key is no longer trusted.
  desksNoLongerTrusted,
  // 2550–2599: what round 9 left of the team desk (r10-sync). 2550: records left out of an exchange are counted.
  syncNotices,
  // 2700–2740: a note save at the disk's pace, sixth round (r11-save). 2700: a saved note waits by its time, not by a mark.
  savedNotesFoundByTheirTime,
  // 2750–2790: need-to-know per summit (r11-team). 2750: a summit's own record replicates in its own database.
  summitRecordInItsOwnDatabase,
  // 2800–2840: the first pull, again (r12-pull). 2800: the search index merges its segments less often.
  searchIndexMergesLessOften,
  // 2870: the thirteenth round's trial (r13-trial). Search folds the ʻokina.
  searchFoldsOkina,
  // 2880: the fourteenth round. Search folds ß, æ, œ and þ to the two letters typed for them.
  searchFoldsTwoLetterSpellings,
  // 2910–2919: a note save at the disk's pace, seventh round (r14-save). 2910: a save wakes two triggers, not four.
  receivedNoteWakesOneTrigger,
  // 2920: a South-East Asian summit, tried as a new desk (r15-asean). Search finds a word inside an unspaced sentence;
  // Thai and Lao names sort by their consonant.
  searchFindsWordsInsideThaiLaoKhmerBurmese,
  // 2940: a NATO summit in Ankara, tried as a new desk (r16-turkey). Ukrainian and Serbian names sort by their alphabet.
  cyrillicNamesSortByTheirAlphabet,
  // 2950: a European Political Community summit near Chișinău, tried as a new desk (r17-chisinau). Search finds
  // "Əliyev" by "Aliyev" and Georgian capitals by their letters; Ə sorts after E.
  azerbaijaniAndGeorgianCapitals,
  // 2960: the seventeenth round's team desk (r17-team). A database the server refused keeps its own mark of what was sent.
  syncDatabaseBehind,
  // 2970: round seventeen (r17-bios). A meeting's own biographies are found by search, under their own marking.
  meetingBiographiesSearched,
  // 3000: an African Union summit in Addis Ababa, tried as a desk team (r18-addis). Search finds an Amharic name
  // whichever of the letters that sound alike it was spelt with.
  searchFoldsEthiopicHomophones,
  // 3010: a C5 summit in Astana, tried as a new desk (r19-astana). Search finds "Тоқаев" by "Токаев" and an Uzbek oʻ
  // whichever apostrophe it was written with; Kazakh, Kyrgyz and Tajik letters sort after their neighbours.
  centralAsianLettersFoldAndSort,
  // 3020: round nineteen's hostile tester (r19-hostile). Search finds "Thiong’o" by "Thiongo", and the other way round.
  searchFoldsApostrophesInsideNames,
  // 3030: an Arctic Council ministerial in Reykjavík, tried as a new desk (r20-reykjavik). Search finds "Ŋuoras" by
  // "Nuoras", and "ג׳ו" by "ג'ו", as the Hebrew keyboard types the geresh.
  searchFoldsSamiLetters,
  // 3040: summits briefed in scripts nobody had tuned Sherpa for (r22-scripts). Search keeps the vowel signs of
  // Devanagari to Sinhala, reads Armenian marks through, folds Persian and Arabic keyboard letters and Tajik Ҷ to Дж;
  // names sort with those vowel signs, Tamil and Armenian in their alphabets' order.
  searchAndSortSouthAsianArmenianPersian,
  // 3050: Persian names sort the same whichever keyboard typed them, ی ي ى, ک ك and ه ة filed as one letter
  // (r23-programme), as search already found them.
  persianAndArabicKeyboardsSortAsOne,
  // 3060: Persian پ چ ژ گ are filed after ب ج ز ک, as the Persian alphabet has them, not after every Arabic letter.
  persianLettersInTheirAlphabetsPlace,
  // 3120: an ECOWAS summit in Abuja, tried as a new desk (r25-abuja). Search finds "Ɗanjuma Ƙwankwaso" by "Danjuma
  // Kwankwaso"; the Hausa hooked letters sort after their base letter, not after Z.
  hausaHookedLetters,
  // 3170: an OSCE Ministerial Council in Vienna, tried as a new desk (r26-osce). Search finds "Jürgen" by "Juergen",
  // as an e-mail address or a passport writes it.
  searchFindsUmlautsWrittenOut,
  // 3240: APEC in Gyeongju, tried as a new desk (r26-apec). Search reads katakana as hiragana: "いしば" finds イシバ.
  searchReadsKatakanaAsHiragana,
  // 3250: a first pull indexes the rows of records waiting for a link once they are linked, not before and again
  // (pull-speed).
  searchLeavesRowsWaitingForLinks,
  // 3260: BIMSTEC in Bangkok, tried as a new desk from Dhaka (r27-bimstec). A Thai, Lao, Khmer or Burmese name pasted
  // without its space ("ธนากรศรีสุวรรณภูมิ") finds the one typed with it (ธนากร ศรีสุวรรณภูมิ).
  searchReadsThaiNamesAcrossASpace,
  // 3290: a Korean desk's hanja and a Taipei text write 習近平 for 习近平: search reads traditional Chinese as simplified.
  searchReadsTraditionalChineseAsSimplified,
  // 3400: the SCO summit in Bishkek, tried as a new desk from Islamabad (r28-bishkek). Search reads Urdu ہ, ۃ and ھ
  // as ه and ے as ی: "شهباز", typed on a Persian keyboard, finds شہباز.
  searchReadsUrduLettersAsPersian,
  // 3420: a replication round found this desk's deleted records by reading every record's state (0.4 s a round on
  // the benchmark's full store, before a colleague's edit was pulled): an index of deleted records alone.
  deletedRecordsFoundByIndex,
  // 3510: the EU–Western Balkans summit in Tirana (r33-trial): "Спајић" and "Spajić" find each other, Serbian,
  // Montenegrin and Macedonian Cyrillic read in Latin; a Korean desk (r33-korean) finds 윤석열 in titles by its
  // initial consonants, ㅇㅅㅇ, as Korean apps do.
  searchReadsSerbianLatinAndHangulInitials,
  // 3540: Athens preparing a summit in Tbilisi (r35-trial): "Mitsotakis" finds Μητσοτάκης and "Kobakhidze" finds
  // ირაკლი კობახიძე, Greek and Georgian read in Latin.
  searchReadsGreekAndGeorgianInLatin,
  // 3550: leftovers of a new desk's keyboard-only trial (r34-trial, fixed by r35-forms): "Djokovic" finds Đoković and "Djordje" Đorđe (and Ђорђе),
  // as "Dokovic" and "Dorde" did.
  searchFindsDjForSerboCroatianDj,
];

export const latestVersion = migrations.at(-1)?.version ?? 0;

export class NewerDatabaseError extends Error {
  readonly found: number;
  constructor(found: number) {
    super(
      `This data file was written by a newer version of Sherpa (schema ${found}; this version knows up to ${latestVersion}). ` +
        'Update Sherpa to open it. The file has not been changed.',
    );
    this.name = 'NewerDatabaseError';
    this.found = found;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Pending migrations, if any, run in one transaction: a failure leaves the file as it was. */
export function migrate(db: Db, list: readonly Migration[] = migrations): number[] {
  const current = schemaVersion(db);
  const newest = list.at(-1)?.version ?? 0;
  if (current > newest) throw new NewerDatabaseError(current);
  const pending = list.filter((migration) => migration.version > current);
  if (pending.length === 0) return [];
  registerSqlFunctions(db);
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    db.pragma(`user_version = ${newest}`);
  })();
  return pending.map((migration) => migration.version);
}

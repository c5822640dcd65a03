import { presetSchemes } from '../../shared/markings.ts';
import { meetings, setParticipants } from '../meetings.ts';
import { markingsOnEveryText } from '../migrations/0260-markings-on-timeline-follow-ups-summits.ts';
import { markingsOnCountriesProgrammes } from '../migrations/1020-markings-on-countries-programmes.ts';
import { schemaVersion } from '../migrations/index.ts';
import type { Db } from '../open.ts';
import { countries, people, sources } from '../people.ts';
import { programmes, sectorEntries, sectors } from '../sectors.ts';
import { statement } from '../sql.ts';
import { summits } from '../summits.ts';
import { giveSampleSharedIdentity } from '../sync/sampleIdentity.ts';
import { timelineEvents } from '../timeline.ts';

// The bundled sample briefing. Every fact comes from one article, bundled as
// rok-nato-itpp-vilnius-2023.txt beside this file, and every row cites it.
// Where the article is silent the data says so instead of filling the gap.

export const notInSource = 'Not named in source.';
export const notStated = 'Not stated in source.';

export const sampleSource = {
  title: 'South Korea: ‘Tailored partnership’ with NATO to boost security cooperation',
  publisher: 'European Interest',
  location: 'rok-nato-itpp-vilnius-2023.txt (bundled with Sherpa)',
  publishedOn: null,
  note: 'Publication date not stated in the saved copy. The sample briefing uses only facts stated in this article.',
};

/** The article's own words behind each dated fact, so a test can check them verbatim. */
export const excerpts = {
  welcome:
    'Secretary General Jens Stoltenberg welcomed President Yoon Suk Yeol of the Republic of Korea to the NATO Summit in Vilnius on Tuesday, 11 July 2023.',
  programme:
    'This programme will further strengthen cooperation including on cyber defence, counter-terrorism, arms control, and new technologies.',
  mission: 'South Korea opened a diplomatic mission to NATO last November.',
  sectors:
    'The Individually Tailored Partnership Programme (ITPP) specifies 11 sectors of cooperation between Korea and NATO like dialogue and consultation, cooperation in anti-terrorism efforts, disarmament and nonproliferation, emerging technologies, cybersecurity and public diplomacy.',
  partnerSince:
    'After becoming a NATO partner state in 2006, Korea in 2012 signed the Individual Partnership and Cooperation Programme (IPCP), with the ITPP being an upgraded version of this.',
  detail:
    'Unlike the previous IPCP, which simply mentioned the areas of cooperation, the ITPP specifies in detail cooperation goals, the background of selecting areas for cooperation, strategic targets, detailed project content and implementation schedule to achieve cooperation.',
  institutionalise:
    'President Yoon and Secretary General Stoltenberg hailed the ITPP for laying the foundation to institutionalize bilateral cooperation.',
  informationSharing: 'The two leaders also discussed boosting cooperation in information sharing at a groundbreaking level.',
  cyberCentre:
    'President Yoon explained to the NATO head his ideas of hosting international cyber training in Korea and opening a related center there',
  ccdcoe: 'I look forward to close cooperation with the NATO Cooperative Cyber Defence Centre of Excellence.',
  ukraine:
    'Mr Stoltenberg commended South Korea for its support to Ukraine. He also expressed concern about North Korea’s provocative behavior, including nuclear activity and ballistic missile tests which violate multiple UN Security Council resolutions.',
  global: 'Russia’s war in Ukraine shows how security is not regional but global',
  allies:
    'President Yoon held a series of bilateral summits with the leaders of seven NATO allied countries on enhancing cooperation in a range of areas like high-tech sectors, the defense industry, infrastructure and human exchange.',
} as const;

/** The six ITPP sectors the article names, in its order; it does not name the other five. */
export const namedSectors = [
  'Dialogue and consultation',
  'Cooperation in anti-terrorism efforts',
  'Disarmament and nonproliferation',
  'Emerging technologies',
  'Cybersecurity',
  'Public diplomacy',
] as const;

export function isEmptyStore(db: Db): boolean {
  const row = statement(db, 'SELECT EXISTS (SELECT 1 FROM summit) OR EXISTS (SELECT 1 FROM source) AS used').get() as { used: number };
  return row.used === 0;
}

/** Loads the sample into an empty store (first run); a store with data is left alone. */
export function loadSampleIfEmpty(db: Db): boolean {
  if (!isEmptyStore(db)) return false;
  db.transaction(() => {
    loadSample(db);
    // The same replication ids on every desk: two desks sharing reference data do not get the sample twice.
    giveSampleSharedIdentity(db);
  })();
  return true;
}

function loadSample(db: Db): void {
  // The article is public: what the sample quotes from it is marked at the lowest level of NATO's scheme, the default one.
  const publicMarking = presetSchemes.nato.levels[0]?.name ?? '';
  // Migration tests seed the sample into older schemas, where summits, events and sources have no marking yet (0260 gives them one).
  const markable = schemaVersion(db) >= markingsOnEveryText.version;
  const sourceMarking = markable ? { classification: publicMarking } : {};
  const sourceId = sources.insert(db, { ...sampleSource, ...sourceMarking });
  const cite = { sourceId };
  const marked = { ...cite, classification: publicMarking };
  const markedFromSource = { ...cite, ...sourceMarking };
  // Countries and programmes are marked from 1020 on; older schemas have no column for it.
  const markedPartner = schemaVersion(db) >= markingsOnCountriesProgrammes.version ? marked : cite;

  const nato = countries.insert(db, {
    name: 'NATO',
    nativeName: '',
    kind: 'organisation',
    note: 'North Atlantic Treaty Organization.',
    ...markedPartner,
  });
  const korea = countries.insert(db, {
    name: 'Republic of Korea',
    nativeName: '대한민국',
    kind: 'country',
    note: 'Called “South Korea” and “Korea” in the source.',
    ...markedPartner,
  });
  countries.insert(db, {
    name: 'Ukraine',
    nativeName: '',
    kind: 'country',
    note: 'Mentioned in the source: South Korea’s support to Ukraine.',
    ...markedPartner,
  });

  const stoltenberg = people.insert(db, {
    name: 'Jens Stoltenberg',
    nativeName: '',
    title: 'Secretary General of NATO',
    countryId: nato,
    biography: `Welcomed President Yoon to the NATO Summit in Vilnius on 11 July 2023. Career and time in office: ${notStated}`,
    ...marked,
  });
  const yoon = people.insert(db, {
    name: 'Yoon Suk Yeol',
    nativeName: '윤석열',
    title: 'President of the Republic of Korea',
    countryId: korea,
    biography: `Attended the NATO Summit in Vilnius on 11 July 2023 and held bilateral summits with the leaders of seven NATO allies afterwards. Career and time in office: ${notStated}`,
    ...marked,
  });
  people.insert(db, {
    name: 'Lee Do Woon',
    nativeName: '이도운',
    title: 'Presidential spokesperson, Republic of Korea',
    countryId: korea,
    biography: `Briefed the press in Vilnius on the Yoon–Stoltenberg meeting. ${notStated.replace('.', ' beyond this.')}`,
    ...marked,
  });

  const summit = summits.insert(db, {
    title: 'NATO Summit, Vilnius 2023',
    city: 'Vilnius',
    countryId: null,
    startDate: '2023-07-11',
    endDate: '2023-07-11',
    timeZone: 'Europe/Vilnius',
    description: `The source dates the Yoon–Stoltenberg meeting at the summit to Tuesday, 11 July 2023; the summit’s other days, host country and agenda are not stated in source.`,
    ...markedFromSource,
  });

  // Times of day are not in the article: both meetings carry the venue date only.
  const meetingDay = '2023-07-10T21:00:00.000Z';
  const meeting = meetings.insert(db, {
    summitId: summit,
    title: 'Secretary General Stoltenberg – President Yoon',
    format: 'bilateral',
    startsAt: meetingDay,
    startTimeKnown: false,
    durationMinutes: null,
    timeZone: 'Europe/Vilnius',
    venue: 'NATO Summit, Vilnius',
    interpreters: notStated,
    press: 'unknown',
    purpose: excerpts.welcome,
    objectives: `${notStated} Reported themes: the new partnership programme (ITPP); cooperation on cyber defence, counter-terrorism, arms control and new technologies.`,
    theirAsks: `President Yoon set out his ideas of hosting international cyber training in Korea and opening a related center there: “${excerpts.ccdcoe}”`,
    pointsToMake: [
      '1. Russia’s war in Ukraine shows that security is not regional but global.',
      '2. Commend the Republic of Korea for its support to Ukraine.',
      '3. Concern about North Korea’s provocative behaviour, including nuclear activity and ballistic missile tests which violate multiple UN Security Council resolutions.',
      '4. Welcome the deepening partnership, including the new partnership programme (ITPP).',
    ].join('\n'),
    linesToTake: notStated,
    defensivePoints: notStated,
    background: [
      '- 2006: Korea became a NATO partner state.',
      '- 2012: Korea signed the Individual Partnership and Cooperation Programme (IPCP).',
      '- November 2022: South Korea opened a diplomatic mission to NATO.',
      '- 2023: the Individually Tailored Partnership Programme (ITPP), an upgraded version of the IPCP, specifies 11 sectors of cooperation.',
    ].join('\n'),
    sensitivities: notStated,
    protocolNotes: notStated,
    pressLine: `Presidential spokesperson Lee Do Woon, at a news briefing in Vilnius: ${excerpts.institutionalise}`,
    status: 'held',
    outcome: `${excerpts.institutionalise} ${excerpts.informationSharing}`,
    counterpartId: yoon,
    ...marked,
  });
  setParticipants(db, meeting, [
    { personId: stoltenberg, side: 'ours', role: 'Host' },
    { personId: yoon, side: 'theirs', role: 'Guest' },
  ]);

  const allies = meetings.insert(db, {
    summitId: summit,
    title: 'President Yoon – leaders of seven NATO allies (bilateral summits)',
    format: 'bilateral',
    startsAt: meetingDay,
    startTimeKnown: false,
    durationMinutes: null,
    timeZone: 'Europe/Vilnius',
    venue: notStated,
    interpreters: notStated,
    press: 'unknown',
    purpose: `${excerpts.allies} The seven allies are not named in source; the source says these summits came after the Stoltenberg meeting but gives no date or time.`,
    objectives: 'Enhancing cooperation in high-tech sectors, the defence industry, infrastructure and human exchange.',
    theirAsks: notStated,
    pointsToMake: notStated,
    linesToTake: notStated,
    defensivePoints: notStated,
    background: notStated,
    sensitivities: notStated,
    protocolNotes: notStated,
    pressLine: notStated,
    status: 'held',
    outcome: notStated,
    counterpartId: null,
    ...marked,
  });
  setParticipants(db, allies, [{ personId: yoon, side: 'theirs', role: 'President' }]);

  const itpp = programmes.insert(db, {
    code: 'ITPP',
    name: 'Individually Tailored Partnership Programme',
    partnerId: korea,
    signedOn: null,
    sectorCount: 11,
    description: `${excerpts.sectors} ${excerpts.detail} Date of adoption: ${notStated}`,
    ...markedPartner,
  });
  programmes.insert(db, {
    code: 'IPCP',
    name: 'Individual Partnership and Cooperation Programme',
    partnerId: korea,
    signedOn: '2012-01-01',
    sectorCount: null,
    description: `Signed by Korea in 2012 (day and month ${notStated.toLowerCase().replace('.', '')}); it “simply mentioned the areas of cooperation”. The ITPP is an upgraded version of it.`,
    ...markedPartner,
  });

  const sectorIds = namedSectors.map((name, index) =>
    sectors.insert(db, {
      programmeId: itpp,
      name,
      position: index + 1,
      summary: 'Named in the source as an ITPP sector.',
      ourPosition: notStated,
      ...marked,
    }),
  );
  for (let position = namedSectors.length + 1; position <= 11; position += 1) {
    sectors.insert(db, {
      programmeId: itpp,
      name: `Sector ${position} (not named in source)`,
      position,
      summary: notInSource,
      ourPosition: notStated,
      ...marked,
    });
  }
  const [dialogue, antiTerrorism, disarmament, emerging, cyber, publicDiplomacy] = sectorIds as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const day = '2023-07-11';
  const entry = (sectorId: number, title: string, body: string, sourceExcerpt: string) =>
    sectorEntries.insert(db, { sectorId, occurredOn: day, title, body, sourceExcerpt, ...marked });
  entry(
    cyber,
    'Yoon proposes international cyber training and a centre in Korea',
    'President Yoon explained his ideas of hosting international cyber training in Korea and opening a related center there, and looked forward to close cooperation with the NATO Cooperative Cyber Defence Centre of Excellence.',
    excerpts.cyberCentre,
  );
  entry(
    cyber,
    'Cyber defence named as an area of strengthened cooperation',
    'The Secretary General said the new programme will further strengthen cooperation including on cyber defence.',
    excerpts.programme,
  );
  entry(
    antiTerrorism,
    'Counter-terrorism named as an area of strengthened cooperation',
    'The Secretary General said the new programme will further strengthen cooperation including on counter-terrorism.',
    excerpts.programme,
  );
  entry(
    disarmament,
    'Arms control named as an area of strengthened cooperation',
    'The Secretary General said the new programme will further strengthen cooperation including on arms control.',
    excerpts.programme,
  );
  entry(
    emerging,
    'New technologies named as an area of strengthened cooperation',
    'The Secretary General said the new programme will further strengthen cooperation including on new technologies.',
    excerpts.programme,
  );
  entry(
    dialogue,
    'Leaders discuss information sharing “at a groundbreaking level”',
    'The two leaders discussed boosting cooperation in information sharing at a groundbreaking level. (The source does not assign this to a sector; filed here as dialogue and consultation.)',
    excerpts.informationSharing,
  );
  entry(
    publicDiplomacy,
    'Public diplomacy listed among the ITPP sectors',
    `Listed in the source as an ITPP sector. Developments: ${notStated}`,
    excerpts.sectors,
  );

  const event = (occurredOn: string, precision: 'day' | 'month' | 'year', title: string, sourceExcerpt: string) =>
    // The partnership's history is this summit's background: linked to it, it prints in this summit's packs only.
    timelineEvents.insert(db, { occurredOn, precision, title, description: '', summitId: summit, sourceExcerpt, ...markedFromSource });
  event('2006-01-01', 'year', 'Korea becomes a NATO partner state', excerpts.partnerSince);
  event('2012-01-01', 'year', 'Korea signs the Individual Partnership and Cooperation Programme (IPCP)', excerpts.partnerSince);
  event('2022-11-01', 'month', 'South Korea opens a diplomatic mission to NATO', excerpts.mission);
  timelineEvents.insert(db, {
    occurredOn: day,
    precision: 'day',
    title: 'Yoon and Stoltenberg hail the new ITPP at the NATO Summit in Vilnius',
    description: 'The ITPP is an upgraded version of the IPCP and specifies 11 sectors of cooperation.',
    summitId: summit,
    sourceExcerpt: excerpts.institutionalise,
    ...markedFromSource,
  });
}

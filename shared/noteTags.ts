// A note's tags compare without regard to case, in every language: "İstanbul", "istanbul" and "ISTANBUL" are one
// tag, shown as first spelt. Both processes use this one rule: the editor when tags are typed, the store when it
// filters notes by tag and counts them (registered as the SQL function `tag_key`, db/functions.ts).

/**
 * The key a tag is compared by. Through upper case, then lower: ß and "SS", ς and σ fold alike. Turkish İ and ı
 * (whose lower and upper case are other letters' elsewhere) fold to i, as does the dot a lower-cased İ keeps
 * (i + U+0307); the desk's own locale is not asked, so a desk set to Turkish or to English keys a tag the same.
 * Upper case is Greek's (the same for every other script): Greek capitals drop the tonos, so "ΣΥΝΟΔΟΣ" is how
 * "Σύνοδος" is written in capitals, and the root rule's "ΣΎΝΟΔΟΣ" made them two tags.
 */
export function tagKey(tag: string): string {
  return tag
    .normalize('NFC')
    .toLocaleUpperCase('el')
    .toLowerCase()
    .replace(/i\u0307/g, 'i')
    .replace(/ı/g, 'i')
    .replace(/ς/g, 'σ')
    .normalize('NFC');
}

/** Tags once each, compared by tagKey, each kept as first spelt. */
export function distinctTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tagKey(tag);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

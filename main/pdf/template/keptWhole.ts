// A date or a time cut at the end of a line reads as two things: a long summit title left "31 October 2026 – 2" on
// the cover's line and "November 2026" on the next, and a narrow table cell printed "30 September" over "2026".
// Every date and every time with its zone the pack prints is made here, with no-break spaces between its parts, so
// the line breaks only between them (after a comma, beside a range's dash). The PDF's text still reads plain spaces.

/** `text` with its spaces made no-break spaces: it prints whole on one line. */
export const keptWhole = (text: string): string => text.replaceAll(' ', '\u00a0');

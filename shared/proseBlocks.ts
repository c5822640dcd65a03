// Multi-line text as staff type it, read into blocks: "- " (or "• ", "* ", or a list pasted from Word)
// lines become a list, "1. " (or "1) ") lines a numbered list, other lines
// paragraphs; blank lines part nothing more. Written once for the pack
// (main/pdf/template/prose.ts) and the screen (renderer/src/components/TypedProse.tsx),
// so a brief, a biography or a sector's summary shows as it prints. Emphasis
// inside a block is read by shared/inlineEmphasis.ts.

export type ProseBlock =
  | { type: 'p'; text: string }
  | { type: 'ul'; items: string[] }
  | { type: 'ol'; items: { value: number; text: string }[] };

// Word's bullet glyphs ("·"/U+F0B7, "o", "§"/U+F0A7, as fieldRules.ts' wordBullet describes them) start an item too:
// pasted talking points showed and printed as paragraphs starting "· ", or with a box. A letter o or a § starts a
// list item only with Word's tab after it ("o Brasil" is a sentence).
const bullet = /^\s*(?:[-•*·\uf0b7]\s+|[o§\uf0a7]\t\s*)(.*)$/;
const numbered = /^\s*(\d{1,3})[.)]\s+(.*)$/;

export function proseBlocks(text: string): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const last = blocks.at(-1);
    const bulletMatch = bullet.exec(line);
    const numberedMatch = numbered.exec(line);
    if (bulletMatch) {
      if (last?.type === 'ul') last.items.push(bulletMatch[1] ?? '');
      else blocks.push({ type: 'ul', items: [bulletMatch[1] ?? ''] });
    } else if (numberedMatch) {
      const item = { value: Number(numberedMatch[1]), text: numberedMatch[2] ?? '' };
      if (last?.type === 'ol') last.items.push(item);
      else blocks.push({ type: 'ol', items: [item] });
    } else {
      blocks.push({ type: 'p', text: line.trim() });
    }
  }
  return blocks;
}

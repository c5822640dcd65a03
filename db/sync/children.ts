// A revision's children, found without an index by parent (migration 1450):
// a child is always one generation up (merge.ts checks it of every revision
// received, and this desk's triggers write it so), and a revision's id starts
// with its generation, so the children sit in a short range of the index of
// revisions by (record, rev).

const nextGeneration = (rev: string) => `(CAST(substr(${rev}, 1, instr(${rev}, '-') - 1) AS INTEGER) + 1)`;

/** SQL true of `child` (an alias of sync_rev) when it is a child of revision `rev` of record `docId` (SQL expressions). */
export const isChildOf = (child: string, docId: string, rev: string) =>
  `${child}.doc_id = ${docId} AND ${child}.rev >= ${nextGeneration(rev)} || '-' AND ${child}.rev < ${nextGeneration(rev)} || '.' AND ${child}.parent = ${rev}`;

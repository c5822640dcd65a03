// pouchdb-merge ships no types; these cover the functions Sherpa calls.
declare module 'pouchdb-merge' {
  export interface RevisionOptions {
    status?: 'available' | 'missing';
    deleted?: boolean;
  }
  /** [hash, options, children] */
  export type RevisionNode = [string, RevisionOptions, RevisionNode[]];
  export interface RevisionPath {
    pos: number;
    ids: RevisionNode;
  }
  export type RevisionTree = RevisionPath[];
  export interface DocMetadata {
    rev_tree: RevisionTree;
  }
  export function merge(
    tree: RevisionTree,
    path: RevisionPath,
    depth: number,
  ): { tree: RevisionTree; stemmedRevs: string[]; conflicts: 'new_leaf' | 'new_branch' | 'internal_node' };
  export function winningRev(metadata: DocMetadata): string;
  export function collectConflicts(metadata: DocMetadata): string[];
  export function isDeleted(metadata: DocMetadata, rev?: string): boolean;
  /** The leaf a revision has led to. */
  export function latest(rev: string, metadata: DocMetadata): string;
}

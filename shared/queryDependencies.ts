// The words a read channel's declaration in shared/contract.ts uses to say what
// of the store it shows. The renderer caches each read's answer and fetches it
// again only when a change event touches one of these (renderer/src/queryScope.ts).
import type { ChangedEntity } from './contract.ts';

/**
 * One thing a query shows: a record by id (any change to it), every record of
 * an entity (any change to any), or which records exist (one joining or
 * leaving, not one being edited: a list whose entries are kept current another way).
 */
export type Dependency = { entity: ChangedEntity; id: number } | { entity: ChangedEntity; only?: 'membership' };

/** A read a view shows through a query, and the changes that make its answer stale. */
export interface Shows<R> {
  readonly transaction: false;
  readonly announces: false;
  readonly shows: (request: R) => Dependency[];
}

/** A read channel's effects: none, and what its answer shows. */
export const shows = <R>(dependencies: (request: R) => Dependency[]): Shows<R> => ({
  transaction: false,
  announces: false,
  shows: dependencies,
});

export const all = (...entities: ChangedEntity[]): Dependency[] => entities.map((entity) => ({ entity }));
export const byId =
  (entity: ChangedEntity) =>
  (request: { id: number }): Dependency[] => [{ entity, id: request.id }];
export const joiningOrLeaving = (entity: ChangedEntity): Dependency => ({ entity, only: 'membership' });

/**
 * The sync mirror of one structure: a PouchDB database in this browser holding the structure's records as
 * documents (domain/sync/documents.ts), replicated with the structure's database on the network's CouchDB by
 * PouchDB's own replication. PouchDB loads only when a structure has synchronisation switched on.
 */

/** A document of the mirror, as PouchDB gives it. */
export interface MirrorDocument {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _revisions?: { start: number; ids: string[] };
  kind?: unknown;
  version?: unknown;
  record?: unknown;
}

/** The part of PouchDB's API the sync uses (the package ships no types). */
export interface Mirror {
  get(id: string, options?: { rev?: string; revs?: boolean; conflicts?: boolean }): Promise<MirrorDocument>;
  get(id: string, options: { open_revs: 'all'; revs?: boolean }): Promise<{ ok?: MirrorDocument }[]>;
  /** A row of a deleted document has `value.deleted` and no doc; one of an unknown key, `error`. */
  allDocs(options: { include_docs?: boolean; conflicts?: boolean; keys?: string[]; startkey?: string; endkey?: string }): Promise<{
    rows: { id: string; value?: { rev: string; deleted?: boolean }; doc?: MirrorDocument | null; error?: string }[];
  }>;
  put(doc: object): Promise<{ rev: string }>;
  bulkDocs(docs: object[], options?: { new_edits: boolean }): Promise<unknown[]>;
  sync(remote: unknown, options?: object): unknown;
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
}

/** The mirror of a structure (created empty the first time). */
export async function openMirror(structureId: string): Promise<Mirror> {
  const { default: PouchDB } = (await import('pouchdb-browser')) as unknown as { default: new (name: string, options?: object) => Mirror };
  return new PouchDB(`cap-sync-${structureId}`, { auto_compaction: false });
}

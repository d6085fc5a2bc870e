/**
 * The part of PouchDB's API the group's sync uses beyond the mirror's (the package ships no types): one-shot and
 * live replication, the changes feed, local databases other than a structure's mirror. Every database here is
 * reached through a `Replica`, so the tests hand in PouchDB databases reached with Basic authentication where the
 * app uses the browser's session (remote.ts).
 */
import type { Mirror, MirrorDocument } from './mirror';
import { openRemote } from './remote';

/** A replication as PouchDB runs it: a promise when one-shot, events and cancel() when live. */
export interface ReplicationHandle extends PromiseLike<{ docs_written: number }> {
  on(event: 'error' | 'denied' | 'paused' | 'active' | 'complete', listener: (value?: unknown) => void): ReplicationHandle;
  cancel(): void;
}

export interface ReplicationOptions {
  live?: boolean;
  retry?: boolean;
  doc_ids?: string[];
  filter?: (doc: MirrorDocument) => boolean;
  /** 'target': checkpoints written on this device only, nothing written on a server read-only for us. */
  checkpoint?: 'target' | 'source';
  batch_size?: number;
}

export interface Replica extends Mirror {
  replicate: {
    to(target: Replica, options?: ReplicationOptions): ReplicationHandle;
    from(source: Replica, options?: ReplicationOptions): ReplicationHandle;
  };
  changes(options: { since: number | string; include_docs: true; doc_ids?: string[] }): Promise<{ results: { id: string; deleted?: boolean; doc?: MirrorDocument }[]; last_seq: number | string }>;
  allDocs(options: { include_docs?: boolean; conflicts?: true; startkey?: string; endkey?: string }): Promise<{ rows: { id: string; value: { rev: string }; doc?: MirrorDocument }[] }>;
}

/** Opens one of the server's databases: in the app, openRemote with the session cookie. */
export type RemoteOf = (database: string) => Replica | Promise<Replica>;

/** The server's databases as this browser reaches them (its session cookie). */
export const sessionRemote =
  (server: string): RemoteOf =>
  async (database) =>
    (await openRemote(server, database)) as Replica;

/** A PouchDB database of this browser (created empty the first time). */
export async function openLocal(name: string): Promise<Replica> {
  const { default: PouchDB } = (await import('pouchdb-browser')) as unknown as { default: new (name: string, options?: object) => Replica };
  return new PouchDB(name);
}

/** The HTTP status of a refusal from the server (401, 403, 404), or undefined for anything else. */
export const statusOf = (error: unknown): number | undefined => {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
};

/** A `_local/` document of a PouchDB database (not replicated): its content, or the default when absent. */
export async function readLocal<T extends object>(database: Replica, id: string, fallback: T): Promise<T & { _rev?: string }> {
  try {
    return (await database.get(`_local/${id}`)) as unknown as T & { _rev?: string };
  } catch (error) {
    if (statusOf(error) === 404) return { ...fallback };
    throw error;
  }
}

export const writeLocal = (database: Replica, id: string, value: object) => database.put({ ...value, _id: `_local/${id}` });

/**
 * A database on the network's server, as PouchDB reaches it: with the session cookie the browser holds
 * (credentials: 'include'), never with a stored password, and without creating it (the provisioning script does).
 */
import type { Mirror } from './mirror';

export async function openRemote(server: string, database: string): Promise<Mirror> {
  const { default: PouchDB } = (await import('pouchdb-browser')) as unknown as {
    default: (new (name: string, options?: object) => Mirror) & { fetch: typeof fetch };
  };
  return new PouchDB(new URL(database, server).href, {
    skip_setup: true,
    fetch: (url: string, options: RequestInit) => PouchDB.fetch(url, { ...options, credentials: 'include' }),
  });
}

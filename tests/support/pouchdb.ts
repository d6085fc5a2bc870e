/** PouchDB as the app loads it (pouchdb-browser, over IndexedDB: fake-indexeddb in Node), for the sync tests. */
import 'fake-indexeddb/auto';
import './self-shim';
import PouchDB from 'pouchdb-browser';
import type { Mirror } from '../../src/storage/sync/mirror';

let counter = 0;
/** A fresh mirror, as one device would have. */
export const newMirror = (name: string): Mirror => new (PouchDB as unknown as new (name: string) => Mirror)(`${name}-${++counter}-${Date.now()}`);

/** Both ways, once, as PouchDB's replication does between a device and the server. */
export const replicate = (a: Mirror, b: Mirror) => (a as unknown as { sync(b: Mirror): Promise<unknown> }).sync(b);

/** The structure's database on a server, as a device signed in as `user` reaches it. */
export const remoteDatabase = (url: string, user: { name: string; password: string }): Mirror =>
  new (PouchDB as unknown as new (url: string, options: object) => Mirror)(url, { auth: { username: user.name, password: user.password }, skip_setup: true });

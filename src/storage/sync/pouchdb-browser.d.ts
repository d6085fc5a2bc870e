// pouchdb-browser ships no types: the part the sync uses is typed in mirror.ts (Mirror).
declare module 'pouchdb-browser' {
  const PouchDB: unknown;
  export default PouchDB;
}

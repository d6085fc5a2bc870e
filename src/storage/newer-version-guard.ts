/**
 * A database written by a newer CAP Progrès stays untouched. Dexie, asked for version N of a database already at a
 * higher version, gets a VersionError, then opens it again without a version, "as is", and may add what its own
 * schema lacks: this older code must not write into a layout it does not know. The IndexedDB factory Dexie opens
 * through refuses that second, versionless open, so the VersionError stands and the screens explain it
 * (errors.ts). The check costs nothing; asking `indexedDB.databases()` before opening, as before, put a round trip
 * of 10 – 25 ms in front of every screen's first read (2-core machine). Dexie keeps its Safari 14 workaround for
 * the global factory only: every device that ran Safari 14 takes a later one.
 */
export function refusingNewerLayouts(factory: IDBFactory): IDBFactory {
  const guarded: IDBFactory = {
    open(name: string, version?: number) {
      if (version === undefined) throw new DOMException(`${name} was written by a newer version`, 'VersionError');
      return factory.open(name, version);
    },
    deleteDatabase: (name) => factory.deleteDatabase(name),
    cmp: (first, second) => factory.cmp(first, second),
    databases: () => factory.databases(),
  };
  // Dexie keeps its own list of database names where the browser has no databases() (Firefox before 126).
  if (typeof factory.databases !== 'function') delete (guarded as Partial<IDBFactory>).databases;
  return guarded;
}

/**
 * Every published version of the referential side by side, and the migration tables between consecutive ones.
 * A campaign is pinned to the version it was rated against; the tables carry answers (and trends) from one version
 * to the next. The checks here fail the build, in French, when a version or a table does not hold together.
 */
import { migrationProblems, type MigrationTable } from './migration';
import type { ContentProblem, Referential } from './model';

export interface ReferentialLibrary {
  /** The version new campaigns use. */
  current: Referential;
  /** Every version, the current one included, oldest first. */
  versions: Referential[];
  /** One table per pair of consecutive versions, oldest first. */
  migrations: MigrationTable[];
}

/** "2026.2" before "2026.10" before "2027.1". */
export function compareVersions(a: string, b: string): number {
  const [ya = 0, na = 0] = a.split('.').map(Number);
  const [yb = 0, nb = 0] = b.split('.').map(Number);
  return ya - yb || na - nb;
}

export interface LocatedReferential {
  path: string;
  referential: Referential;
}
export interface LocatedTable {
  path: string;
  table: MigrationTable;
}

/** Problems of the library as a whole: versions in order, and a sound table between each pair of neighbours. */
export function libraryProblems(current: LocatedReferential, frozen: LocatedReferential[], tables: LocatedTable[], migrationsDir = 'content/migrations'): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Map<string, string>();
  for (const { path, referential } of frozen) {
    const other = seen.get(referential.version);
    if (other) problems.push({ path, message: `la version ${referential.version} est déjà publiée dans ${other}` });
    seen.set(referential.version, path);
    if (compareVersions(referential.version, current.referential.version) >= 0) {
      problems.push({
        path: current.path,
        message: `la version ${current.referential.version} doit être postérieure à toutes les versions publiées (${referential.version} est dans ${path}) : changez « version »`,
      });
    }
  }
  const versions = [...frozen.map((f) => f.referential), current.referential].sort((a, b) => compareVersions(a.version, b.version));
  const byVersion = new Map(versions.map((v) => [v.version, v]));
  // A version published twice is told above; the pairs are between distinct versions.
  const pairs = versions.slice(1).map((newer, i) => [versions[i]!, newer] as const).filter(([older, newer]) => older.version !== newer.version);
  for (const [older, newer] of pairs) {
    const found = tables.filter((t) => t.table.from === older.version && t.table.to === newer.version);
    if (found.length === 0) {
      problems.push({
        path: `${migrationsDir}/${older.version}-${newer.version}.yaml`,
        message: `la table de migration ${older.version} → ${newer.version} manque : elle dit ce que devient chaque critère de ${older.version}`,
      });
    }
  }
  for (const { path, table } of tables) {
    const older = byVersion.get(table.from);
    const newer = byVersion.get(table.to);
    const consecutive = pairs.some(([o, n]) => o.version === table.from && n.version === table.to);
    if (!older || !newer || !consecutive) {
      problems.push({ path, message: `cette table relie ${table.from} à ${table.to}, qui ne sont pas deux versions publiées consécutives (${versions.map((v) => v.version).join(', ')})` });
      continue;
    }
    const codes = (r: Referential) => new Set(r.criteria.map((c) => c.code));
    for (const message of migrationProblems(table, codes(older), codes(newer))) problems.push({ path, message });
  }
  return problems;
}

/** The tables that lead from one version to a later one, in order; null when no chain of tables does. */
export function migrationPath(tables: readonly MigrationTable[], from: string, to: string): MigrationTable[] | null {
  const path: MigrationTable[] = [];
  let at = from;
  while (at !== to) {
    const next = tables.find((t) => t.from === at);
    if (!next || compareVersions(next.to, to) > 0) return null;
    path.push(next);
    at = next.to;
  }
  return path;
}

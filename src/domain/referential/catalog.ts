/** The catalogue of referential versions, as published at /referentiel/versions.json. */
import type { MigrationTable } from './migration';
import type { Referential } from './model';

export const CATALOG_FORMAT = 'cap-progres/referentiel-versions';

export interface VersionCatalog {
  format: typeof CATALOG_FORMAT;
  /** The version new campaigns use. */
  current: string;
  /** Oldest first. */
  versions: { version: string; publishedOn: string; criterionCodes: string[] }[];
  /** Between consecutive versions, oldest first. */
  migrations: MigrationTable[];
}

export function toVersionCatalog(current: string, versions: readonly Referential[], migrations: readonly MigrationTable[]): VersionCatalog {
  return {
    format: CATALOG_FORMAT,
    current,
    versions: versions.map((v) => ({ version: v.version, publishedOn: v.publishedOn, criterionCodes: v.criteria.map((c) => c.code) })),
    migrations: [...migrations],
  };
}

/** What reading a file needs to know of the versions: which exist, and the criteria of each. */
export function codesByVersion(catalog: Pick<VersionCatalog, 'versions'>): Map<string, ReadonlySet<string>> {
  return new Map(catalog.versions.map((v) => [v.version, new Set(v.criterionCodes)]));
}

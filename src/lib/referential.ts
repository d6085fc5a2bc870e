/** The validated referential, reassembled from the content collections for the pages. */
import { getCollection, getEntry } from 'astro:content';
import { compareCodes, inReadingOrder, type Criterion, type Referential } from '../domain/referential';
import { compareVersions } from '../domain/referential/library';
import type { MigrationTable } from '../domain/referential/migration';

let cached: Promise<Referential> | undefined;

export function getReferential(): Promise<Referential> {
  // Built once per build; in `astro dev` every request sees the content as just edited.
  if (import.meta.env.DEV) return assemble();
  cached ??= assemble();
  return cached;
}

async function assemble(): Promise<Referential> {
  const entry = await getEntry('referential', 'cap');
  if (!entry) throw new Error('Le référentiel CAP est introuvable dans les collections de contenu.');
  const { iso9001Edition, iso26000Edition, ...meta } = entry.data;
  const byCode = <T extends { code: string }>(a: T, b: T) => compareCodes(a.code, b.code);
  const themes = (await getCollection('themes')).map((t) => t.data).sort((a, b) => a.order - b.order);
  return {
    ...meta,
    themes: themes.map(({ order: _order, ...theme }) => theme),
    criteria: inReadingOrder((await getCollection('criteria')).map((c) => c.data), themes),
    iso9001: { edition: iso9001Edition, clauses: (await getCollection('iso9001Clauses')).map((c) => c.data).sort(byCode) },
    iso26000: { edition: iso26000Edition, subjects: (await getCollection('iso26000Subjects')).map((s) => s.data).sort(byCode) },
  };
}

/** Where a criterion's page lives. */
export function criterionHref(criterion: Pick<Criterion, 'code'>): string {
  return `/criteres/${criterion.code}/`;
}

/** Every published version, the current one included, oldest first. */
export async function getVersions(): Promise<Referential[]> {
  return (await getCollection('referentialVersions')).map((e) => e.data as unknown as Referential).sort((a, b) => compareVersions(a.version, b.version));
}

/** The migration tables between consecutive versions, oldest first. */
export async function getMigrations(): Promise<MigrationTable[]> {
  return (await getCollection('migrations')).map((e) => e.data as unknown as MigrationTable).sort((a, b) => compareVersions(a.from, b.from));
}

/** Where the changes between two versions are shown. */
export function changesHref(table: Pick<MigrationTable, 'from' | 'to'>): string {
  return `/referentiel/changements/${table.from}-${table.to}/`;
}

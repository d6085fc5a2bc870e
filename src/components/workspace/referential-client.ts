/**
 * The referential in the browser: the current version (/referentiel.json, requested by the page as it opens), an older one a
 * campaign is pinned to (/referentiel/<version>.json), and the catalogue of versions with the migration tables
 * (/referentiel/versions.json), each fetched once per page and only when needed.
 */
import { startTransition, useEffect, useState } from 'react';
import type { Referential } from '../../domain/referential/model';
import { fromReferentialExport, type ReferentialExport } from '../../domain/referential/export';
import type { VersionCatalog } from '../../domain/referential/catalog';
import type { MigrationTable } from '../../domain/referential/migration';
import { UserFacingError } from '../../domain/user-error';
import { fetchJson, requestCurrentReferential } from '../../scripts/referential-request';

const requests = new Map<string, Promise<Referential>>();
/** The current version once it has arrived, for a first render without waiting. */
let currentLoaded: Referential | undefined;
let catalog: Promise<VersionCatalog> | undefined;

/** The current version, the one new campaigns use. */
export function loadReferential(): Promise<Referential> {
  let request = requests.get('current');
  if (!request) {
    request = (requestCurrentReferential() as Promise<ReferentialExport>)
      .then(fromReferentialExport)
      .then((referential) => (currentLoaded = referential));
    requests.set('current', request);
  }
  return request;
}

/** The current version if it has already arrived, for a choice that cannot wait for it. */
export const loadedReferential = (): Referential | undefined => currentLoaded;

/** A given version: the current one without a second request, an older one from its own file. */
export async function loadReferentialVersion(version: string): Promise<Referential> {
  const current = await loadReferential();
  if (current.version === version) return current;
  let request = requests.get(version);
  if (!request) {
    request = fetchJson<ReferentialExport>(`/referentiel/${encodeURIComponent(version)}.json`).then(fromReferentialExport);
    requests.set(version, request);
  }
  return request;
}

export function loadCatalog(): Promise<VersionCatalog> {
  catalog ??= fetchJson<VersionCatalog>('/referentiel/versions.json');
  return catalog;
}

export const REFERENTIAL_UNAVAILABLE = "Le référentiel n'a pas pu être chargé. Vérifiez la connexion puis rechargez la page.";

/** The migration tables, for starting a campaign from one of an older version; a French error if they cannot load. */
export async function loadMigrations(): Promise<MigrationTable[]> {
  try {
    return (await loadCatalog()).migrations;
  } catch {
    throw new UserFacingError(REFERENTIAL_UNAVAILABLE);
  }
}

/** Several versions at once (say, those the listed campaigns were rated against), each as it loads. */
export function useReferentialVersions(versions: readonly string[]): ReadonlyMap<string, Referential> {
  const [loaded, setLoaded] = useState<ReadonlyMap<string, Referential>>(new Map());
  const key = [...new Set(versions)].sort().join(' ');
  useEffect(() => {
    let live = true;
    for (const version of key ? key.split(' ') : []) {
      loadReferentialVersion(version).then(
        (referential) => live && startTransition(() => setLoaded((m) => new Map(m).set(version, referential))),
        // The list shows « calcul… » for those campaigns; their own screens say what failed.
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [key]);
  return loaded;
}

export function useReferential(): { referential?: Referential; error?: string } {
  // Already there when the page started it early (startup.ts): no render spent waiting.
  const [state, setState] = useState<{ referential?: Referential; error?: string }>(() => (currentLoaded ? { referential: currentLoaded } : {}));
  useEffect(() => {
    if (state.referential) return;
    loadReferential().then(
      // In a transition, like the screen's data (early-live-query.ts): the screen it reveals renders in slices.
      (referential) => startTransition(() => setState({ referential })),
      () => setState({ error: REFERENTIAL_UNAVAILABLE }),
    );
  }, []);
  return state;
}

/** The version a campaign was rated against, once known (undefined while its version is not yet read). */
export function useReferentialVersion(version: string | undefined): { referential?: Referential; error?: string } {
  const [state, setState] = useState<{ version?: string; referential?: Referential; error?: string }>({});
  useEffect(() => {
    if (version === undefined) return;
    let live = true;
    loadReferentialVersion(version).then(
      (referential) => live && startTransition(() => setState({ version, referential })),
      () => live && setState({ version, error: `Le référentiel CAP ${version}, avec lequel cette campagne a été évaluée, n'a pas pu être chargé. Vérifiez la connexion puis rechargez la page.` }),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return state.version === version ? state : {};
}

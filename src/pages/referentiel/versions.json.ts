/**
 * The catalogue of versions the browser needs without loading each one: every version's criterion codes (to check
 * imported files) and the migration tables (to start a campaign from an older one and to compare across versions).
 */
import type { APIRoute } from 'astro';
import { getMigrations, getReferential, getVersions } from '../../lib/referential';
import { toVersionCatalog } from '../../domain/referential/catalog';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(toVersionCatalog((await getReferential()).version, await getVersions(), await getMigrations())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

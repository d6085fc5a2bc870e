/** The whole referential, machine-readable, generated at build time from the same collections as the pages. */
import type { APIRoute } from 'astro';
import { getReferential } from '../lib/referential';
import { toReferentialExport } from '../domain/referential';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(toReferentialExport(await getReferential()), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

/** The search page's index: each criterion's words normalized at build time (domain/referential/search.ts). */
import type { APIRoute } from 'astro';
import { getReferential } from '../lib/referential';
import { toSearchIndex } from '../domain/referential/search';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(toSearchIndex((await getReferential()).criteria)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

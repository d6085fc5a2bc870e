/** Each published version of the referential, machine-readable: /referentiel/2026.1.json, /referentiel/2026.2.json… */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getVersions } from '../../lib/referential';
import { toReferentialExport, type Referential } from '../../domain/referential';

export const getStaticPaths = (async () =>
  (await getVersions()).map((referential) => ({ params: { version: referential.version }, props: { referential } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ referential: Referential }> = ({ props }) =>
  new Response(JSON.stringify(toReferentialExport(props.referential), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

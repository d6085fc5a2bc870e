/** The JSON Schema of the peer audit return file, generated from the zod schema its import uses. */
import type { APIRoute } from 'astro';
import { auditReturnFileSchema, RETURN_FORMAT_VERSION, RETURN_FORMAT } from '../../domain/audit/peer-files';
import { jsonSchemaResponse } from '../../lib/json-schema';

export const GET: APIRoute = () =>
  jsonSchemaResponse(auditReturnFileSchema, {
    $id: '/schemas/audit-return.schema.json',
    title: `CAP Progrès — retour d'audit croisé (${RETURN_FORMAT}, version ${RETURN_FORMAT_VERSION})`,
    description:
      "Renvoyé par la structure qui audite : équipe d'audit, déclaration d'indépendance signée, niveaux de l'auditeur et constats (point fort, piste de progrès, point sensible, non-conformité mineure ou majeure). requestId relie le retour à la demande. integrity.value est le SHA-256 (hexadécimal) de content sérialisé en JSON canonique : clés triées, sans espaces.",
  });

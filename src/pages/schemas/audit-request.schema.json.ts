/** The JSON Schema of the peer audit request file, generated from the zod schema its import uses. */
import type { APIRoute } from 'astro';
import { auditRequestFileSchema, REQUEST_FORMAT_VERSION, REQUEST_FORMAT } from '../../domain/audit/peer-files';
import { jsonSchemaResponse } from '../../lib/json-schema';

export const GET: APIRoute = () =>
  jsonSchemaResponse(auditRequestFileSchema, {
    $id: '/schemas/audit-request.schema.json',
    title: `CAP Progrès — demande d'audit croisé (${REQUEST_FORMAT}, version ${REQUEST_FORMAT_VERSION})`,
    description:
      "Envoyée par la structure auditée à la structure paire qui l'audite : structure, périmètre de la campagne, liste des preuves, niveaux d'auto-évaluation ou null s'ils sont retenus. integrity.value est le SHA-256 (hexadécimal) de content sérialisé en JSON canonique : clés triées, sans espaces.",
  });

/** The JSON Schema of the exchange file, generated from the zod schema the import itself uses. */
import type { APIRoute } from 'astro';
import { exchangeFileSchema, EXCHANGE_FORMAT, EXCHANGE_FORMAT_VERSION } from '../../domain/evaluation/exchange-schema';
import { jsonSchemaResponse } from '../../lib/json-schema';

export const GET: APIRoute = () =>
  jsonSchemaResponse(exchangeFileSchema, {
    $id: '/schemas/evaluation.schema.json',
    title: `CAP Progrès — fichier d'évaluation (${EXCHANGE_FORMAT}, version ${EXCHANGE_FORMAT_VERSION})`,
    description:
      "Sauvegarde ou échange d'évaluations CAP. integrity.value est le SHA-256 (hexadécimal) de content sérialisé en JSON canonique : clés triées, sans espaces.",
  });

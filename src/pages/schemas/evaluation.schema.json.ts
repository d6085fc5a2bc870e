/** The JSON Schema of the exchange file, generated from the zod schema the import itself uses. */
import type { APIRoute } from 'astro';
import { z } from 'zod';
import { exchangeFileSchema, EXCHANGE_FORMAT, EXCHANGE_FORMAT_VERSION } from '../../domain/evaluation/exchange-schema';

export const GET: APIRoute = () => {
  const schema = {
    ...z.toJSONSchema(exchangeFileSchema, { io: 'input', unrepresentable: 'any' }),
    $id: '/schemas/evaluation.schema.json',
    title: `CAP Progrès — fichier d'évaluation (${EXCHANGE_FORMAT}, version ${EXCHANGE_FORMAT_VERSION})`,
    description:
      "Sauvegarde ou échange d'évaluations CAP. integrity.value est le SHA-256 (hexadécimal) de content sérialisé en JSON canonique : clés triées, sans espaces.",
  };
  return new Response(JSON.stringify(schema, null, 2), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};

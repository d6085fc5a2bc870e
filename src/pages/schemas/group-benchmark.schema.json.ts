/** The JSON Schema of the repère réseau file, generated from the zod schema its import uses. */
import type { APIRoute } from 'astro';
import { benchmarkFileSchema } from '../../domain/group/feedback-files';
import { BENCHMARK_FORMAT, BENCHMARK_FORMAT_VERSION } from '../../domain/group/feedback-model';
import { jsonSchemaResponse } from '../../lib/json-schema';

export const GET: APIRoute = () =>
  jsonSchemaResponse(benchmarkFileSchema, {
    $id: '/schemas/group-benchmark.schema.json',
    title: `CAP Progrès — repère réseau (${BENCHMARK_FORMAT}, version ${BENCHMARK_FORMAT_VERSION})`,
    description:
      "Envoyé par la fonction centrale à ses membres : quartiles (1er quartile, médiane, 3e quartile, entre 0 et 1, calculés comme QUARTILE.INCLUS) des scores par thème et sous-thème, seulement là où au moins 5 structures ont contribué (n ≥ 5) ; aucun nom ni identifiant de membre, ni minimum ni maximum. withheld liste les codes non communiqués. integrity.value est le SHA-256 (hexadécimal) de content sérialisé en JSON canonique.",
  });

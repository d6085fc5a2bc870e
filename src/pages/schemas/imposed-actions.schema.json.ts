/** The JSON Schema of the actions imposées file, generated from the zod schema its import uses. */
import type { APIRoute } from 'astro';
import { imposedActionsFileSchema } from '../../domain/group/feedback-files';
import { IMPOSED_FORMAT, IMPOSED_FORMAT_VERSION } from '../../domain/group/feedback-model';
import { jsonSchemaResponse } from '../../lib/json-schema';

export const GET: APIRoute = () =>
  jsonSchemaResponse(imposedActionsFileSchema, {
    $id: '/schemas/imposed-actions.schema.json',
    title: `CAP Progrès — actions imposées par le groupe (${IMPOSED_FORMAT}, version ${IMPOSED_FORMAT_VERSION})`,
    description:
      "Envoyé par la fonction centrale à une structure membre (structure.id) : les actions correctives décidées pour le groupe à la suite d'une non-conformité étendue. Chaque action garde son id : la structure en rend compte dans son partage suivant (imposedActionId). integrity.value est le SHA-256 (hexadécimal) de content sérialisé en JSON canonique.",
  });

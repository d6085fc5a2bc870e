/** The JSON Schema of the partage groupe file, generated from the zod schema its import uses. */
import type { APIRoute } from 'astro';
import { groupShareFileSchema } from '../../domain/group/share-file';
import { SHARE_FORMAT, SHARE_FORMAT_VERSION } from '../../domain/group/share-model';
import { jsonSchemaResponse } from '../../lib/json-schema';

export const GET: APIRoute = () =>
  jsonSchemaResponse(groupShareFileSchema, {
    $id: '/schemas/group-share.schema.json',
    title: `CAP Progrès — partage groupe (${SHARE_FORMAT}, version ${SHARE_FORMAT_VERSION})`,
    description:
      "Envoyé par une structure membre à la fonction centrale de son groupe (ou à une délégation, un accompagnant), par son choix : profil, campagnes choisies avec leurs scores par thème et sous-thème et leur couverture, alertes réglementaires, niveaux (detail = levels) et commentaires (detail = comments) des critères, audits et constats avec l'état de leur action corrective, actions du plan avec leur statut et leur échéance (imposedActionId pour une action imposée par le groupe). integrity.value est le SHA-256 (hexadécimal) de content sérialisé en JSON canonique : clés triées, sans espaces.",
  });

/**
 * The shape of each referential file, with the French message an editor sees when a field is wrong.
 * Checks that need several files (unknown clause, duplicate code, missing theme) live in check.ts.
 */
import { z } from 'zod';
import { CRITERION_CODE, SUB_THEME_CODE, THEME_CODE } from './codes';

import { LEVELS, TRACK_IDS, type Level } from './constants';

export { LEVELS, TRACK_IDS, type Level, type TrackId } from './constants';

/** A required, non-empty text; `label` names the field in the error ("le titre"). */
function text(label: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${label} manque` : `${label} doit être un texte`) })
    .trim()
    .min(1, { error: `${label} est vide` });
}

function textList(label: string, itemLabel: string, min: number) {
  return z
    .array(text(itemLabel), {
      error: (issue) => (issue.input === undefined ? `${label} manquent` : `${label} doivent former une liste`),
    })
    .min(min, { error: `il faut au moins ${min} ${label.replace(/^les /, '')}` });
}

function strict<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `champ inconnu : ${issue.keys.map((k) => `« ${k} »`).join(', ')}`
        : 'le contenu doit être un ensemble de champs (clé : valeur)',
  });
}

function code(pattern: RegExp, label: string, example: string) {
  return text(label).regex(pattern, {
    error: (issue) => `${label} « ${String(issue.input)} » est mal formé : attendu un code comme ${example}`,
  });
}

const codeList = (label: string) =>
  z.array(z.string({ error: `chaque ${label} s'écrit entre guillemets, par exemple "8.2.1"` }), {
    error: `${label} doit être une liste, par exemple ["8.2.1", "8.5.1"]`,
  });

export const levelDescriptorsSchema = strict(
  Object.fromEntries(LEVELS.map((l) => [String(l), text(`le descripteur du niveau ${l}`)])) as Record<
    `${Level}`,
    ReturnType<typeof text>
  >,
);

export const criterionSchema = strict({
  code: code(CRITERION_CODE, 'le code', 'SR.4.2'),
  theme: code(THEME_CODE, 'le thème', 'SR'),
  subTheme: code(SUB_THEME_CODE, 'le sous-thème', 'SR.4'),
  title: text('le titre'),
  description: text('la description'),
  guidingQuestions: textList('les questions guides', 'chaque question guide', 2),
  expectedEvidence: textList('les preuves attendues', 'chaque preuve attendue', 2),
  levels: levelDescriptorsSchema,
  iso9001: codeList("l'article ISO 9001").default([]),
  iso26000: codeList('la référence ISO 26000').default([]),
  appliesTo: z.union([z.literal('ALL'), z.array(z.string()).min(1)], {
    error: 'appliesTo doit valoir ALL ou une liste de types de structure, par exemple [AI, ETTI]',
  }),
  weight: z
    .number({ error: 'le poids doit être un nombre entier de 1 à 3' })
    .int({ error: 'le poids doit être un nombre entier de 1 à 3' })
    .min(1, { error: 'le poids doit être un nombre entier de 1 à 3' })
    .max(3, { error: 'le poids doit être un nombre entier de 1 à 3' }),
  regulatory: z.boolean({ error: 'regulatory doit valoir true ou false' }).default(false),
  regulatoryBasis: text('la base réglementaire').optional(),
  /** When the legal duty holds only above a headcount or for ESS entities: the alert then follows the profile. */
  regulatoryCondition: strict({
    minHeadcount: z
      .number({ error: "minHeadcount doit être un effectif entier, par exemple 11" })
      .int({ error: "minHeadcount doit être un effectif entier, par exemple 11" })
      .min(1, { error: "minHeadcount doit être un effectif entier, par exemple 11" })
      .optional(),
    essOnly: z.literal(true, { error: 'essOnly vaut true ou est absent' }).optional(),
    rule: text('la règle de la condition (rule)'),
  }).optional(),
  tracks: z
    .array(z.enum(TRACK_IDS, { error: `parcours inconnu : choisir parmi ${TRACK_IDS.join(', ')}` }))
    .min(1, { error: 'un critère appartient à au moins un parcours (CAP, CAP_ISO9001, CAP_RSE)' }),
  cooraceResources: z.array(text('chaque ressource Coorace')).default([]),
  /** What the criterion means for one kind of structure (« EBE », « GEIQ »…), shown to those structures. */
  notesFor: z.record(z.string(), text('chaque précision par type de structure'), {
    error: 'notesFor associe un type de structure à un texte, par exemple EBE: "…"',
  }).default({}),
});

export const subThemeSchema = strict({
  code: code(SUB_THEME_CODE, 'le code du sous-thème', 'SR.4'),
  title: text('le titre du sous-thème'),
  objective: text("l'objectif du sous-thème"),
});

export const themeSchema = strict({
  code: code(THEME_CODE, 'le code du thème', 'SR'),
  title: text('le titre du thème'),
  description: text('la description du thème'),
  subThemes: z
    .array(subThemeSchema)
    .min(3, { error: 'un thème compte au moins 3 sous-thèmes' })
    .max(7, { error: 'un thème compte au plus 7 sous-thèmes' }),
});

export const themesFileSchema = z
  .array(themeSchema, { error: 'le fichier doit être une liste de thèmes' })
  .length(4, { error: 'le CAP compte exactement 4 thèmes' });

export const scaleSchema = strict({
  levels: z
    .array(strict({ level: z.literal(LEVELS), label: text("l'intitulé du niveau"), definition: text('la définition du niveau') }))
    .length(LEVELS.length, { error: "l'échelle compte exactement 5 niveaux, de 0 à 4" })
    .refine((ls) => ls.every((l, i) => l.level === i), { error: "les niveaux doivent être 0, 1, 2, 3, 4 dans l'ordre" }),
  notApplicable: strict({ label: text("l'intitulé « non applicable »"), definition: text('la définition de « non applicable »') }),
  /** How to rate when a level lists several conditions, or when practice varies: shown on /methode/ and the rating screen. */
  ratingRules: z.array(text('chaque règle de notation')).default([]),
});

/** Conventionnement (AI, ACI…), legal form (SCIC…) or place in a certification group: what appliesTo may name. */
export const TARGET_KINDS = ['conventionnement', 'forme', 'groupe'] as const;
const namedItem = strict({
  id: text("l'identifiant"),
  name: text('le nom'),
  kind: z.enum(TARGET_KINDS, { error: `kind vaut ${TARGET_KINDS.join(', ')}` }).optional(),
});

export const referentialMetaSchema = strict({
  version: text('la version').regex(/^\d{4}\.\d+$/, { error: 'la version doit ressembler à 2026.1' }),
  name: text('le nom du référentiel'),
  publishedOn: text('la date de publication').regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'la date de publication s\'écrit AAAA-MM-JJ' }),
  tracks: z.array(strict({ id: z.enum(TRACK_IDS), name: text('le nom du parcours'), description: text('la description du parcours') })),
  structureTypes: z.array(namedItem).min(1),
});

const referenceItem = strict({ code: text('le code'), title: text("l'intitulé") });

export const iso9001FileSchema = strict({ edition: text("l'édition"), clauses: z.array(referenceItem).min(1) });
export const iso26000FileSchema = strict({ edition: text("l'édition"), subjects: z.array(referenceItem).min(1) });

export type CriterionData = z.output<typeof criterionSchema>;
export type ThemeData = z.output<typeof themeSchema>;
export type SubThemeData = z.output<typeof subThemeSchema>;
export type ScaleData = z.output<typeof scaleSchema>;
export type ReferentialMeta = z.output<typeof referentialMetaSchema>;
export type ReferenceItem = z.output<typeof referenceItem>;

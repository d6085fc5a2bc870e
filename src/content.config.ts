/**
 * The CAP referential as content collections. Files live in content/ (see content/README.md); their shape
 * is checked by the zod schemas of src/domain/referential, the links between files by its checks.
 */
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { referentialLoader } from './loaders/referential';
import {
  criterionSchema,
  iso26000FileSchema,
  iso9001FileSchema,
  referentialMetaSchema,
  scaleSchema,
  themeSchema,
} from './domain/referential';

const referenceItemSchema = iso9001FileSchema.shape.clauses.element;

export const collections = {
  /** One entry, "cap": name, version, tracks, structure types, scale and the ISO editions. */
  referential: defineCollection({
    loader: referentialLoader(({ current: r }) => [
      {
        id: 'cap',
        data: {
          version: r.version,
          name: r.name,
          publishedOn: r.publishedOn,
          tracks: r.tracks,
          structureTypes: r.structureTypes,
          scale: r.scale,
          iso9001Edition: r.iso9001.edition,
          iso26000Edition: r.iso26000.edition,
        },
      },
    ]),
    schema: referentialMetaSchema.extend({
      scale: scaleSchema,
      iso9001Edition: iso9001FileSchema.shape.edition,
      iso26000Edition: iso26000FileSchema.shape.edition,
    }),
  }),
  themes: defineCollection({
    loader: referentialLoader(({ current: r }) => r.themes.map((t, order) => ({ id: t.code, data: { ...t, order } }))),
    schema: themeSchema.extend({ order: z.number().int() }),
  }),
  criteria: defineCollection({
    loader: referentialLoader(({ current: r }) => r.criteria.map((c) => ({ id: c.code, data: c }))),
    schema: criterionSchema,
  }),
  iso9001Clauses: defineCollection({
    loader: referentialLoader(({ current: r }) => r.iso9001.clauses.map((c) => ({ id: c.code, data: c }))),
    schema: referenceItemSchema,
  }),
  iso26000Subjects: defineCollection({
    loader: referentialLoader(({ current: r }) => r.iso26000.subjects.map((s) => ({ id: s.code, data: s }))),
    schema: referenceItemSchema,
  }),
  /** Every published version, whole (the current one included), for /referentiel/<version>.json and comparisons. */
  referentialVersions: defineCollection({
    loader: referentialLoader(({ versions }) => versions.map((v) => ({ id: v.version, data: v as unknown as Record<string, unknown> }))),
  }),
  /** The migration tables between consecutive versions. */
  migrations: defineCollection({
    loader: referentialLoader(({ migrations }) => migrations.map((t) => ({ id: `${t.from}-${t.to}`, data: t as unknown as Record<string, unknown> }))),
  }),
};

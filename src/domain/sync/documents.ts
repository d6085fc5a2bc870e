/**
 * A structure's records as the documents of its CouchDB database: one document per record (a rating per campaign ×
 * criterion, a participant's view, an evidence item, an action), so that two people editing different records
 * never meet in a conflict, and one editing the same record meets only the other's edit of it (merge.ts).
 * Evidence travels as its description (title, link, file name, size, SHA-256): attached files stay on the device
 * that holds them (docs/sync.md). What arrives from the server is checked like an imported file: a document that
 * is not a valid record of this structure is refused in French and left on the server, never applied.
 */
import type { z } from 'zod';
import type { Campaign, Evidence, ParticipantView, Rating, Structure } from '../evaluation/model';
import type { Dismissal, ProgressAction } from '../plan/model';
import { actionSchema, campaignSchema, dismissalSchema, evidenceSchema, participantViewSchema, ratingSchema, structureSchema } from '../evaluation/exchange-schema';
import type { RecordKind } from './merge';

/** The shape of the documents this version writes; a newer one is left for a newer CAP Progrès. */
export const SYNC_DOCUMENT_VERSION = 1;

export type SyncedRecord =
  | { kind: 'structure'; record: Structure }
  | { kind: 'campaign'; record: Campaign }
  | { kind: 'rating'; record: Rating }
  | { kind: 'view'; record: ParticipantView }
  | { kind: 'evidence'; record: Evidence }
  | { kind: 'action'; record: ProgressAction }
  | { kind: 'dismissal'; record: Dismissal };

export interface SyncDocument {
  _id: string;
  kind: RecordKind;
  version: typeof SYNC_DOCUMENT_VERSION;
  record: unknown;
}

const SCHEMAS: Record<RecordKind, z.ZodType> = {
  structure: structureSchema,
  campaign: campaignSchema,
  rating: ratingSchema,
  view: participantViewSchema,
  evidence: evidenceSchema,
  action: actionSchema,
  dismissal: dismissalSchema,
};

const LABELS: Record<RecordKind, string> = {
  structure: 'la structure',
  campaign: 'une campagne',
  rating: 'une réponse',
  view: "l'avis d'un participant",
  evidence: 'une preuve',
  action: 'une action du plan',
  dismissal: 'une suggestion écartée',
};

/** The document id of a record: its kind and its key, so that the same record has the same id on every device. */
export function documentId(item: SyncedRecord): string {
  switch (item.kind) {
    case 'structure':
      return 'structure';
    case 'campaign':
    case 'evidence':
    case 'action':
      return `${item.kind}:${item.record.id}`;
    case 'rating':
    case 'dismissal':
      return `${item.kind}:${item.record.campaignId}:${item.record.criterionCode}`;
    case 'view':
      return `view:${item.record.campaignId}:${item.record.criterionCode}:${item.record.participantId}`;
  }
}

/**
 * The partage groupe a structure sends through the server (storage/sync/group-share.ts): a document of its own
 * database, beside the records, that filtered replication copies into the share database. Named after the
 * structure so that a central function can gather many in one local database.
 */
export const groupShareDocumentId = (structureId: string) => `group-share:${structureId}`;

/** Whether a document of a structure's database is one of its records (the rest is not reconciled with Dexie). */
export const isRecordDocument = (id: string): boolean => id === 'structure' || /^(campaign|evidence|action|rating|dismissal|view):/.test(id);

export function toDocument(item: SyncedRecord): SyncDocument {
  return { _id: documentId(item), kind: item.kind, version: SYNC_DOCUMENT_VERSION, record: item.record };
}

export type ReadDocument = { ok: true; item: SyncedRecord } | { ok: false; problem: string };

/**
 * A document from the server, as a record of this structure; a French reason when it is not one. The checks are
 * those of an imported file (the record's schema), plus: its id is the one its record gives (a document cannot
 * overwrite another record), and a structure or campaign belongs to this structure.
 */
export function fromDocument(document: unknown, structureId: string): ReadDocument {
  const doc = document as Partial<SyncDocument> | null;
  const id = typeof doc?._id === 'string' ? doc._id : '(sans identifiant)';
  if (typeof doc !== 'object' || doc === null || typeof doc.kind !== 'string' || !(doc.kind in SCHEMAS)) {
    return { ok: false, problem: `Le document « ${id} » du serveur n'est pas un enregistrement de CAP Progrès : il est ignoré.` };
  }
  if (doc.version !== SYNC_DOCUMENT_VERSION) {
    return typeof doc.version === 'number' && doc.version > SYNC_DOCUMENT_VERSION
      ? { ok: false, problem: `Le document « ${id} » vient d'une version plus récente de CAP Progrès : mettez l'application à jour pour le recevoir (il reste sur le serveur).` }
      : { ok: false, problem: `Le document « ${id} » a une forme inconnue : il est ignoré.` };
  }
  const kind = doc.kind as RecordKind;
  const parsed = SCHEMAS[kind].safeParse(doc.record);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'contenu';
    return { ok: false, problem: `Le document « ${id} » (${LABELS[kind]}) est invalide (${where}) : il est ignoré, rien n'est modifié ici.` };
  }
  const item = { kind, record: parsed.data } as SyncedRecord;
  if (documentId(item) !== doc._id) return { ok: false, problem: `Le document « ${id} » ne correspond pas à l'enregistrement qu'il contient : il est ignoré.` };
  const foreign = (item.kind === 'structure' && item.record.id !== structureId) || (item.kind === 'campaign' && item.record.structureId !== structureId);
  if (foreign) return { ok: false, problem: `Le document « ${id} » appartient à une autre structure : il est ignoré.` };
  return { ok: true, item };
}

/** Everything of one structure that its database holds, for its first synchronisation. */
export function structureDocuments(content: {
  structure: Structure;
  campaigns: Campaign[];
  ratings: Rating[];
  views: ParticipantView[];
  evidence: Evidence[];
  actions: ProgressAction[];
  dismissals: Dismissal[];
}): SyncDocument[] {
  return [
    toDocument({ kind: 'structure', record: content.structure }),
    ...content.campaigns.map((record) => toDocument({ kind: 'campaign', record })),
    ...content.ratings.map((record) => toDocument({ kind: 'rating', record })),
    ...content.views.map((record) => toDocument({ kind: 'view', record })),
    ...content.evidence.map((record) => toDocument({ kind: 'evidence', record })),
    ...content.actions.map((record) => toDocument({ kind: 'action', record })),
    ...content.dismissals.map((record) => toDocument({ kind: 'dismissal', record })),
  ];
}

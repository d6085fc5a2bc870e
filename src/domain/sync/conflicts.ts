/**
 * A record two people changed differently while apart, as the conflict chooser shows it: which record, which
 * field, and each version in words. Both versions stay on every device until someone chooses.
 */
import type { FieldConflict, RecordKind } from './merge';

export interface PendingConflict {
  /** The record's document id (domain/sync/documents.ts). */
  id: string;
  kind: RecordKind;
  /** The record as it stands meanwhile (the winning version, the same on every device). */
  record: Record<string, unknown>;
  fields: FieldConflict[];
}

const RECORD_LABELS: Record<RecordKind, string> = {
  structure: 'Structure',
  campaign: 'Campagne',
  rating: 'Réponse',
  view: 'Avis d’un participant',
  evidence: 'Preuve',
  action: 'Action du plan',
  dismissal: 'Suggestion écartée',
};

const FIELD_LABELS: Record<string, string> = {
  name: 'Nom',
  level: 'Niveau',
  notApplicable: 'Non applicable',
  comment: 'Commentaire',
  toReview: 'À revoir',
  retainedReason: 'Raison du niveau retenu',
  title: 'Intitulé',
  owner: 'Responsable',
  startDate: 'Début',
  dueDate: 'Échéance',
  status: 'Statut',
  priority: 'Priorité',
  indicator: 'Indicateur',
  resources: 'Moyens',
  notes: 'Notes',
  url: 'Lien',
  description: 'Description',
  date: 'Date',
  participants: 'Participants',
  region: 'Région',
  siret: 'SIRET',
  headcount: 'Effectif',
};

/** « Réponse — critère 1.1.1 », in the words of the record's kind. */
export function describeConflict(conflict: Pick<PendingConflict, 'kind' | 'record'>): string {
  const { record } = conflict;
  const where = typeof record.criterionCode === 'string' ? ` — critère ${record.criterionCode}` : '';
  const named = typeof record.title === 'string' ? ` « ${record.title} »` : typeof record.name === 'string' ? ` « ${record.name} »` : '';
  return `${RECORD_LABELS[conflict.kind]}${named}${where}`;
}

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

/** A field's value in words: a text as is, an empty one said empty, anything else briefly. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (value === true) return 'oui';
  if (value === false) return 'non';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'object' && 'justification' in value) return `non applicable : ${String((value as { justification: unknown }).justification)}`;
  return JSON.stringify(value);
}

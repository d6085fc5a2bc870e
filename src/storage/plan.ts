/** The plan de progrès in the database: actions, accepted suggestions, dismissed ones. */
import type { ActionFormValues } from '../domain/plan/forms';
import { newId } from '../domain/evaluation/ids';
import type { ProgressAction } from '../domain/plan/model';
import type { Suggestion } from '../domain/plan/suggest';
import type { CapDatabase } from './db';

const now = () => new Date().toISOString();

export async function addAction(db: CapDatabase, campaignId: string, values: ActionFormValues): Promise<ProgressAction> {
  const at = now();
  const action: ProgressAction = { id: newId(), campaignId, ...values, createdAt: at, updatedAt: at };
  await db.actions.add(action);
  return action;
}

export async function updateAction(db: CapDatabase, id: string, values: Partial<ActionFormValues>): Promise<void> {
  await db.actions.update(id, { ...values, updatedAt: now() });
}

export async function deleteAction(db: CapDatabase, id: string): Promise<void> {
  await db.actions.delete(id);
}

/** Accepting a suggestion drafts an action the team then completes (owner, dates, indicator). */
export function acceptSuggestion(db: CapDatabase, campaignId: string, suggestion: Suggestion): Promise<ProgressAction> {
  return addAction(db, campaignId, {
    title: suggestion.draft.title,
    criterionCodes: [suggestion.criterion.code],
    owner: '',
    startDate: '',
    dueDate: '',
    status: 'a_lancer',
    priority: suggestion.priority,
    indicator: '',
    resources: suggestion.draft.resources,
    notes: suggestion.draft.notes,
  });
}

export async function dismissSuggestion(db: CapDatabase, campaignId: string, criterionCode: string): Promise<void> {
  await db.dismissals.put({ campaignId, criterionCode });
}

export async function restoreSuggestion(db: CapDatabase, campaignId: string, criterionCode: string): Promise<void> {
  await db.dismissals.delete([campaignId, criterionCode]);
}

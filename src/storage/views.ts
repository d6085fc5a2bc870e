/** Participants' own views of a criterion, beside the team's rating (which stays the level retained). */
import type { ParticipantView } from '../domain/evaluation/model';
import type { CapDatabase } from './db';

export async function saveView(db: CapDatabase, view: Omit<ParticipantView, 'updatedAt'>): Promise<ParticipantView> {
  const saved = { ...view, updatedAt: new Date().toISOString() };
  await db.views.put(saved);
  return saved;
}

export async function clearView(db: CapDatabase, campaignId: string, criterionCode: string, participantId: string): Promise<void> {
  await db.views.delete([campaignId, criterionCode, participantId]);
}

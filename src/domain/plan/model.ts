/** The plan de progrès: actions the team commits to, often drafted from the gaps the ratings show. */
export const ACTION_STATUSES = ['a_lancer', 'en_cours', 'realisee', 'abandonnee'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  a_lancer: 'À lancer',
  en_cours: 'En cours',
  realisee: 'Réalisée',
  abandonnee: 'Abandonnée',
};

export const PRIORITIES = ['haute', 'moyenne', 'basse'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<Priority, string> = { haute: 'Haute', moyenne: 'Moyenne', basse: 'Basse' };

export interface ProgressAction {
  id: string;
  campaignId: string;
  title: string;
  criterionCodes: string[];
  owner: string;
  /** YYYY-MM-DD, or '' when not set. */
  startDate: string;
  dueDate: string;
  status: ActionStatus;
  priority: Priority;
  /** How the team will know the action worked. */
  indicator: string;
  /** Means to mobilise, e.g. a COORACE service. */
  resources: string;
  notes: string;
  /** Set when the group's central function imposed the action (absent for the team's own actions). */
  fromGroup?: ImposedFrom | undefined;
  createdAt: string;
  updatedAt: string;
}

/** Where an imposed action comes from: the group, the id the central function follows it by, when and why. */
export interface ImposedFrom {
  group: string;
  imposedActionId: string;
  issuedAt: string;
  reason: string;
}

export const isOpen = (action: Pick<ProgressAction, 'status'>) => action.status === 'a_lancer' || action.status === 'en_cours';

/** An open action whose due date has passed. */
export function isOverdue(action: Pick<ProgressAction, 'status' | 'dueDate'>, today: string): boolean {
  return isOpen(action) && action.dueDate !== '' && action.dueDate < today;
}

/** « T1 2027 » for a due date in January–March 2027; « Sans échéance » otherwise. */
export function quarterOf(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'Sans échéance';
  const month = Number(date.slice(5, 7));
  return `T${Math.ceil(month / 3)} ${date.slice(0, 4)}`;
}

/** A suggestion the team decided not to follow for this campaign. */
export interface Dismissal {
  campaignId: string;
  criterionCode: string;
}

/**
 * Extending a non-conformity found at one member to the others (IAF MD 1): the central function says whether it
 * is systemic, which members are affected and why the others are not, imposes a corrective action on each affected
 * member, and follows its closure through their next shares.
 */
import type { HeldShare, NcExtension } from './console-model';
import type { ImposedActionsContent } from './feedback-model';
import type { ActionStatus } from '../plan/model';
import { ACTION_STATUS_LABELS } from '../plan/model';

export type ClosureStatus = 'a_envoyer' | 'envoyee' | ActionStatus;
export const CLOSURE_LABELS: Record<ClosureStatus, string> = {
  a_envoyer: 'Fichier à envoyer',
  envoyee: 'Envoyée, pas encore au plan partagé',
  ...ACTION_STATUS_LABELS,
};

/** What is missing before the analysis can be saved, in French; empty when complete. */
export function extensionProblems(e: Pick<NcExtension, 'systemic' | 'analysis' | 'othersNotAffectedBecause' | 'affected' | 'action'>, memberCount: number): string[] {
  const problems: string[] = [];
  if (e.analysis.trim() === '') problems.push("Expliquez l'analyse : pourquoi la non-conformité est (ou n'est pas) systémique.");
  if (e.systemic && e.affected.length === 0) problems.push('Une non-conformité systémique concerne au moins une structure : cochez les structures concernées.');
  for (const a of e.affected) if (a.why.trim() === '') problems.push('Pour chaque structure concernée, dites pourquoi elle l’est.');
  if (e.affected.length < memberCount && e.othersNotAffectedBecause.trim() === '') problems.push('Dites pourquoi les autres structures ne sont pas concernées (limiter l’extension se justifie).');
  if (e.affected.length > 0 && e.action.title.trim() === '') problems.push("Donnez un titre à l'action imposée.");
  return [...new Set(problems)];
}

/** The file for one affected member: its imposed action, with the reason (which names no other member). */
export function imposedActionsContent(e: NcExtension, member: { id: string; name: string; siret: string }, group: string, issuedAt: string, sendingId: string): ImposedActionsContent {
  const imposed = e.imposed.find((i) => i.structureId === member.id);
  if (!imposed) throw new Error('This member is not affected by the extension.');
  return {
    sendingId,
    group,
    issuedAt,
    structure: member,
    actions: [{ id: imposed.actionId, ...e.action }],
  };
}

/** Where each affected member stands with its imposed action, read from its latest share. */
export function closureByMember(e: NcExtension, shares: ReadonlyMap<string, HeldShare>): { structureId: string; name: string; status: ClosureStatus; dueDate: string }[] {
  return e.imposed.map((i) => {
    const share = shares.get(i.structureId);
    // An open action is carried into the next campaign: the share lists campaigns oldest first, the latest copy tells.
    const action = share?.content.actions.findLast((a) => a.imposedActionId === i.actionId);
    return {
      structureId: i.structureId,
      name: share?.content.structure.name ?? '(membre retiré de la console)',
      status: action ? action.status : i.sentAt ? 'envoyee' : 'a_envoyer',
      dueDate: action?.dueDate ?? e.action.dueDate,
    };
  });
}

export const isExtensionClosed = (e: NcExtension, shares: ReadonlyMap<string, HeldShare>) => closureByMember(e, shares).every((c) => c.status === 'realisee');

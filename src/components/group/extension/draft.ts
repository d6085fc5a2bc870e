/**
 * The analysis form's state, from a held non-conformity or a saved extension, and back to an extension. Pure: the
 * form keeps every member's « pourquoi » even unchecked (re-checking brings it back), and saving keeps each member's
 * imposed action id so the closure already followed through its shares survives an edit.
 */
import type { NcExtension } from '../../../domain/group/console-model';
import { extensionProblems } from '../../../domain/group/extension';
import { AUDIT_KIND_LABELS, FINDING_KIND_LABELS } from '../../../domain/audit/model';
import type { Priority } from '../../../domain/plan/model';
import type { HeldNonConformity } from './held-non-conformities';

export interface ExtensionDraft {
  /** The saved extension's id, or null for a new analysis. */
  id: string | null;
  source: NcExtension['source'];
  /** Null until the central function says: no default, the choice must be deliberate. */
  systemic: boolean | null;
  analysis: string;
  othersNotAffectedBecause: string;
  checked: Record<string, boolean>;
  why: Record<string, string>;
  action: {
    title: string;
    description: string;
    reason: string;
    dueDate: string;
    priority: Priority;
    /** As typed: codes separated by commas or spaces. */
    criterionCodes: string;
    clause: string;
  };
}

// The limits the members' workspace applies when it reads the file (feedback-files.ts): refused there, say it here.
const TITLE_MAX = 300;
const DESCRIPTION_MAX = 5000;
const REASON_MAX = 2000;
const CRITERION_CODE = /^[A-Z]{2,3}\.\d+\.\d+$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** « Non-conformité majeure relevée lors d'un audit interne d'une structure du groupe (ISO 9001 7.5) »: names no member. */
export function reasonFor(nc: Pick<HeldNonConformity, 'auditKind' | 'finding'>): string {
  const refs = [nc.finding.clause ? `ISO 9001 ${nc.finding.clause}` : '', nc.finding.criterionCode ? `critère ${nc.finding.criterionCode}` : ''].filter(
    Boolean,
  );
  const kind = AUDIT_KIND_LABELS[nc.auditKind];
  return `${FINDING_KIND_LABELS[nc.finding.kind]} relevée lors d'un ${kind.charAt(0).toLowerCase()}${kind.slice(1)} d'une structure du groupe${refs.length > 0 ? ` (${refs.join(', ')})` : ''}`;
}

/** A new analysis: the source member checked, the action drawn from the finding's corrective action. */
export function newDraft(nc: HeldNonConformity): ExtensionDraft {
  const f = nc.finding;
  return {
    id: null,
    source: nc.source,
    systemic: null,
    analysis: '',
    othersNotAffectedBecause: '',
    checked: { [nc.source.structureId]: true },
    why: {
      [nc.source.structureId]: 'Structure où la non-conformité a été relevée.',
    },
    action: {
      title: f.correctiveAction.trim().slice(0, TITLE_MAX),
      description: f.requirement.trim() === '' ? '' : `Exigence à satisfaire : ${f.requirement.trim()}`.slice(0, DESCRIPTION_MAX),
      reason: reasonFor(nc),
      dueDate: '',
      priority: f.kind === 'nc_majeure' ? 'haute' : 'moyenne',
      criterionCodes: f.criterionCode ?? '',
      clause: f.clause,
    },
  };
}

export function draftOf(e: NcExtension): ExtensionDraft {
  return {
    id: e.id,
    source: e.source,
    systemic: e.systemic,
    analysis: e.analysis,
    othersNotAffectedBecause: e.othersNotAffectedBecause,
    checked: Object.fromEntries(e.affected.map((a) => [a.structureId, true])),
    why: Object.fromEntries(e.affected.map((a) => [a.structureId, a.why])),
    action: { ...e.action, criterionCodes: e.action.criterionCodes.join(', ') },
  };
}

export const parseCriterionCodes = (text: string) => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((c) => c.trim().toUpperCase())
      .filter((c) => c !== ''),
  ),
];

/** The checked members, in the order the form lists them. */
const affectedOf = (d: ExtensionDraft, memberIds: readonly string[]) =>
  memberIds
    .filter((id) => d.checked[id])
    .map((structureId) => ({
      structureId,
      why: (d.why[structureId] ?? '').trim(),
    }));

/**
 * What is missing or would be refused, in French: extensionProblems plus what the member's workspace refuses when it
 * reads the file (lengths, criterion codes unknown to the referential version the file is sealed with).
 */
export function draftProblems(d: ExtensionDraft, memberIds: readonly string[], knownCodes: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (d.systemic === null) problems.push('Dites si la non-conformité est systémique (oui ou non).');
  problems.push(
    ...extensionProblems(
      {
        systemic: d.systemic === true,
        analysis: d.analysis,
        othersNotAffectedBecause: d.othersNotAffectedBecause,
        affected: affectedOf(d, memberIds),
        action: { ...d.action, criterionCodes: [] },
      },
      memberIds.length,
    ),
  );
  const a = d.action;
  if (a.title.length > TITLE_MAX) problems.push(`Le titre de l'action imposée dépasse ${TITLE_MAX} caractères.`);
  if (a.description.length > DESCRIPTION_MAX) problems.push(`La description de l'action imposée dépasse ${DESCRIPTION_MAX} caractères.`);
  if (a.reason.length > REASON_MAX) problems.push(`Le motif de l'action imposée dépasse ${REASON_MAX} caractères.`);
  if (a.dueDate !== '' && !DAY.test(a.dueDate)) problems.push("L'échéance doit être une date (AAAA-MM-JJ).");
  const badCodes = parseCriterionCodes(a.criterionCodes).filter((c) => !CRITERION_CODE.test(c));
  if (badCodes.length > 0) problems.push(`Code(s) de critère mal formé(s) : ${badCodes.join(', ')} (par exemple ID.1.2).`);
  const unknown = parseCriterionCodes(a.criterionCodes).filter((c) => CRITERION_CODE.test(c) && !knownCodes.has(c));
  if (unknown.length > 0) problems.push(`Critère(s) absent(s) du référentiel en vigueur : ${unknown.join(', ')}.`);
  return problems;
}

/** The extension to save: one imposed entry per checked member, keeping the ids (and sendings) already issued. */
export function extensionFromDraft(
  d: ExtensionDraft,
  memberIds: readonly string[],
  previous: NcExtension | null,
  makeId: () => string,
): Omit<NcExtension, 'createdAt' | 'updatedAt'> {
  const affected = affectedOf(d, memberIds);
  const issued = new Map((previous?.imposed ?? []).map((i) => [i.structureId, i]));
  return {
    id: previous?.id ?? makeId(),
    source: d.source,
    systemic: d.systemic === true,
    analysis: d.analysis.trim(),
    othersNotAffectedBecause: d.othersNotAffectedBecause.trim(),
    affected,
    action: {
      title: d.action.title.trim(),
      description: d.action.description.trim(),
      reason: d.action.reason.trim(),
      dueDate: d.action.dueDate,
      priority: d.action.priority,
      criterionCodes: parseCriterionCodes(d.action.criterionCodes),
      clause: d.action.clause,
    },
    imposed: affected.map(
      (a) =>
        issued.get(a.structureId) ?? {
          structureId: a.structureId,
          actionId: makeId(),
          sentAt: null,
        },
    ),
  };
}

const words = (s: string) =>
  ` ${s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

/**
 * Members the action's words name while it goes to another member: every affected member receives the same title,
 * description and reason, so a name there tells one member about another's non-conformity.
 */
export function membersNamedInAction(d: ExtensionDraft, members: readonly { id: string; name: string }[], memberIds: readonly string[]): string[] {
  const text = words([d.action.title, d.action.description, d.action.reason].join(' '));
  const recipients = memberIds.filter((id) => d.checked[id]);
  return members.filter((m) => words(m.name).trim() !== '' && text.includes(words(m.name)) && recipients.some((r) => r !== m.id)).map((m) => m.name);
}

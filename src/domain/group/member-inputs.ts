/**
 * Adapters from what the console holds (members' shares, the group, recorded draws) to the inputs of the audit
 * programme and of the MD 1 sample. Pure: the screens call these, and a re-run of a recorded draw reads the same
 * figures as the first run because nothing here depends on the clock.
 */
import { centralShare, type GroupConsole, type HeldShare } from './console-model';
import { cycleEnd, type AuditDone, type Cycle, type ProgrammeMember } from './audit-programme';
import type { RiskInputs } from './risk';
import type { CertificationAudit, DrawInput, SampleDraw, SampleMemberInput } from './sampling';
import { isOpenNonConformity, type SharedCampaign } from './share-model';
import { isOverdue } from '../plan/model';

/** What a recorded draw must carry for the risk score: its day, its audit, and who was selected why. */
export type DrawRecord = Pick<SampleDraw, 'auditType' | 'drawDate' | 'selected'>;

/** The narrow view of the group these adapters read. */
export type GroupSettings = Pick<GroupConsole, 'centralFunction' | 'cycleStart' | 'currentAudit' | 'previousAuditDate'>;

const blankToNull = (value: string | null | undefined) => (value && value.trim() !== '' ? value : null);

/** Every internal, mock (blanc) or peer (croisé) audit a member shared, dated by its end (or start); undated ones are left out. */
export function auditsDone(shares: readonly HeldShare[]): AuditDone[] {
  return shares.flatMap((share) =>
    share.content.audits.flatMap((audit): AuditDone[] => {
      const date = blankToNull(audit.endDate) ?? blankToNull(audit.startDate);
      return date === null ? [] : [{ structureId: share.structureId, kind: audit.kind, date, auditingStructure: audit.auditingStructure }];
    }),
  );
}

export interface ProgrammeMemberRow extends ProgrammeMember {
  isCentral: boolean;
}

/**
 * The internal audit programme's members, by name: those who signed the group agreement, and the central
 * function whatever its agreement says, since it is audited too. Members without a signed agreement are listed,
 * not eligible.
 */
export function programmeMembers(shares: readonly HeldShare[], group: Pick<GroupConsole, 'centralFunction'>): ProgrammeMemberRow[] {
  const central = centralShare(shares, group);
  return shares
    .map((share) => {
      const isCentral = share === central;
      const agreement = blankToNull(share.content.structure.group?.agreementDate);
      return { structureId: share.structureId, name: share.content.structure.name, eligible: isCentral || agreement !== null, isCentral };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'fr') || (a.structureId < b.structureId ? -1 : a.structureId > b.structureId ? 1 : 0));
}

const byDate = (a: SharedCampaign, b: SharedCampaign) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

/** Every campaign held for the member, oldest first; the latest share's copy wins over an earlier one with the same id. */
function campaignsOf(share: HeldShare): SharedCampaign[] {
  const current = new Set(share.content.campaigns.map((c) => c.id));
  return [...share.earlierCampaigns.filter((c) => !current.has(c.id)), ...share.content.campaigns].sort(byDate);
}

/** Whether the member was selected (other than as central function) in a recorded draw dated within the cycle. */
function visitedIn(structureId: string, draws: readonly DrawRecord[], cycle: Cycle | null): boolean {
  if (cycle === null || cycle.start === '') return false;
  const start = cycle.start.slice(0, 10);
  const end = cycleEnd(cycle);
  return draws.some((d) => d.drawDate >= start && d.drawDate < end && d.selected.some((s) => s.structureId === structureId && s.reason !== 'central'));
}

/**
 * The risk score's inputs from a member's share. `today` dates the overdue actions; `previousAuditDate` (the last
 * certification audit) makes a member who signed after it « nouveau ». Without a cycle, no site counts as visited.
 */
export function riskInputsOf(share: HeldShare, draws: readonly DrawRecord[], cycle: Cycle | null, previousAuditDate: string | null, today: string): RiskInputs {
  let major = 0;
  let minor = 0;
  for (const audit of share.content.audits)
    for (const finding of audit.findings)
      if (isOpenNonConformity(finding)) {
        if (finding.kind === 'nc_majeure') major++;
        else minor++;
      }
  const campaigns = campaignsOf(share);
  const agreement = blankToNull(share.content.structure.group?.agreementDate);
  const previous = blankToNull(previousAuditDate);
  return {
    openNonConformities: { major, minor },
    globalScore: campaigns.at(-1)?.global.value ?? null,
    previousGlobalScore: campaigns.at(-2)?.global.value ?? null,
    overdueActions: share.content.actions.filter((a) => isOverdue(a, today)).length,
    isNew: agreement !== null && previous !== null && agreement > previous,
    visitedThisCycle: visitedIn(share.structureId, draws, cycle),
  };
}

/** The group's cycle, or null while its start is not set. */
export const cycleOf = (group: Pick<GroupConsole, 'cycleStart'>): Cycle | null => (group.cycleStart ? { start: group.cycleStart, years: 3 } : null);

/**
 * The draws that stand for earlier audits of the cycle: another audit type, drawn before this draw's day. A draw
 * for the same audit (a first attempt, or this very draw once recorded) must not mark its own sites as visited,
 * else re-running a recorded draw would change its risk scores.
 */
export function earlierAuditDraws<D extends DrawRecord>(draws: readonly D[], auditType: CertificationAudit, drawDate: string): D[] {
  return draws.filter((d) => d.auditType !== auditType && d.drawDate < drawDate);
}

/**
 * The input of `drawSample` for this group and these shares. The draw date also dates overdue actions, so the
 * same data, seed, date and audit type always give the same input (and the same sample).
 */
export function sampleInput(
  group: GroupSettings,
  shares: readonly HeldShare[],
  draws: readonly DrawRecord[],
  seed: number,
  drawDate: string,
  auditType: CertificationAudit = group.currentAudit,
): DrawInput {
  const central = centralShare(shares, group);
  const cycle = cycleOf(group);
  const previousAuditDate = blankToNull(group.previousAuditDate);
  const earlier = earlierAuditDraws(draws, auditType, drawDate);
  const members = shares
    .filter((share) => share !== central)
    .map(
      (share): SampleMemberInput => ({
        structureId: share.structureId,
        name: share.content.structure.name,
        agreementDate: blankToNull(share.content.structure.group?.agreementDate),
        risk: riskInputsOf(share, earlier, cycle, previousAuditDate, drawDate),
      }),
    );
  const centralName = group.centralFunction.trim();
  return {
    auditType,
    seed,
    drawDate,
    previousAuditDate,
    central: central ? { structureId: central.structureId, name: central.content.structure.name } : centralName ? { structureId: 'central', name: centralName } : null,
    members,
  };
}

/** A plain value with object keys sorted, so two draws compare by content whatever order their keys were stored in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value;
}

export interface DrawComparison {
  /** Every figure of the draw is the same (the record's own id and recording time aside). */
  identical: boolean;
  /** The same sites, for the same reasons, in the same order. */
  sameSites: boolean;
  /** Names of sites selected now but not in the record, and the reverse. */
  added: string[];
  removed: string[];
}

/** How a re-run compares with the recorded draw: only the SampleDraw fields count. */
export function compareDraws(recorded: SampleDraw, rerun: SampleDraw): DrawComparison {
  const fields = (d: SampleDraw): SampleDraw => ({
    auditType: d.auditType,
    seed: d.seed,
    generator: d.generator,
    drawDate: d.drawDate,
    previousAuditDate: d.previousAuditDate,
    memberCount: d.memberCount,
    cohorts: d.cohorts,
    selected: d.selected,
    notSelected: d.notSelected,
    ineligible: d.ineligible,
  });
  const identical = JSON.stringify(canonical(fields(recorded))) === JSON.stringify(canonical(fields(rerun)));
  const sites = (d: SampleDraw) => d.selected.map((s) => `${s.structureId}\u0000${s.reason}`);
  const before = new Set(recorded.selected.map((s) => s.structureId));
  const after = new Set(rerun.selected.map((s) => s.structureId));
  return {
    identical,
    sameSites: sites(recorded).join('\u0001') === sites(rerun).join('\u0001'),
    added: rerun.selected.filter((s) => !before.has(s.structureId)).map((s) => s.name),
    removed: recorded.selected.filter((s) => !after.has(s.structureId)).map((s) => s.name),
  };
}

/**
 * Every non-conformity the members' shares carry, open or closed, with the extension analysis recorded for it.
 * Pure: the screen lists these, open ones first and majors first, since an open major blocks the whole group.
 */
import type { HeldShare, NcExtension } from '../../../domain/group/console-model';
import { isOpenNonConformity, type SharedFinding } from '../../../domain/group/share-model';
import type { AuditKind } from '../../../domain/audit/model';

export interface HeldNonConformity {
  /** Stable key of the finding across re-imports of the same member's share. */
  key: string;
  source: NcExtension['source'];
  memberName: string;
  auditKind: AuditKind;
  /** The audit's end date, else its start date. */
  auditDate: string;
  finding: SharedFinding;
  open: boolean;
  extension: NcExtension | null;
}

export const sourceKey = (s: NcExtension['source']) => `${s.structureId}/${s.auditId}/${s.findingId}`;

export function heldNonConformities(shares: readonly HeldShare[], extensions: readonly NcExtension[]): HeldNonConformity[] {
  const bySource = new Map(extensions.map((e) => [sourceKey(e.source), e]));
  const list = shares.flatMap((h) =>
    h.content.audits.flatMap((audit) =>
      audit.findings
        .filter((f) => f.kind === 'nc_majeure' || f.kind === 'nc_mineure')
        .map((finding): HeldNonConformity => {
          const source = {
            structureId: h.structureId,
            auditId: audit.id,
            findingId: finding.id,
          };
          const key = sourceKey(source);
          return {
            key,
            source,
            memberName: h.content.structure.name,
            auditKind: audit.kind,
            auditDate: audit.endDate || audit.startDate,
            finding,
            open: isOpenNonConformity(finding),
            extension: bySource.get(key) ?? null,
          };
        }),
    ),
  );
  const rank = (nc: HeldNonConformity) => (nc.open ? 0 : 2) + (nc.finding.kind === 'nc_majeure' ? 0 : 1);
  return list.sort(
    (a, b) => rank(a) - rank(b) || b.auditDate.localeCompare(a.auditDate) || a.memberName.localeCompare(b.memberName, 'fr') || a.key.localeCompare(b.key),
  );
}

/** Extensions whose source finding no share carries any more (member removed, or the finding gone from its audit). */
export function orphanExtensions(held: readonly HeldNonConformity[], extensions: readonly NcExtension[]): NcExtension[] {
  const keys = new Set(held.map((nc) => nc.key));
  return extensions.filter((e) => !keys.has(sourceKey(e.source)));
}

/** « 2 / 3 structures ont réalisé l'action » */
export const closureSummary = (done: number, total: number) => `${done} / ${total} ${total > 1 ? 'structures ont' : 'structure a'} réalisé l'action`;

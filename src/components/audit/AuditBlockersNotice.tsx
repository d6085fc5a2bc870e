import { useLiveQuery } from 'dexie-react-hooks';
import { certificationBlockers } from '../../domain/audit/blockers';
import { AUDIT_KIND_LABELS } from '../../domain/audit/model';
import { database } from '../../storage/instance';

/**
 * Before a certification audit, what the campaign's audits found blocking (a major non-conformity, or several
 * minors on one clause): on the dashboard and with the list of audits, so that nobody books AFNOR too early.
 */
export function AuditBlockersNotice({ campaignId, withLink }: { campaignId: string; withLink: boolean }) {
  const db = database();
  const blocking = useLiveQuery(async () => {
    const audits = await db.audits.where('campaignId').equals(campaignId).toArray();
    const findings = await db.findings.where('auditId').anyOf(audits.map((a) => a.id)).toArray();
    return audits
      .map((audit) => ({ audit, count: certificationBlockers(findings.filter((f) => f.auditId === audit.id)).length }))
      .filter((b) => b.count > 0);
  }, [campaignId]);
  if (!blocking || blocking.length === 0) return null;
  return (
    <p className="notice notice-error" role="alert">
      Bloquant avant un audit de certification :{' '}
      {blocking
        .map(({ audit, count }) => `${count} point(s) relevé(s) par ${AUDIT_KIND_LABELS[audit.kind].toLowerCase()}${audit.auditingStructure ? ` (${audit.auditingStructure})` : ''}`)
        .join(' ; ')}
      .{withLink && <> <a href={`/espace/regards/?id=${campaignId}`}>Voir les audits</a></>}
    </p>
  );
}

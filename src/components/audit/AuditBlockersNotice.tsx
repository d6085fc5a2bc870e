import { AUDIT_KIND_LABELS } from '../../domain/audit/model';
import type { CampaignAudit } from './use-campaign-audits';

/**
 * Before a certification audit, what the campaign's audits found blocking (a major non-conformity, or several
 * minors on one clause): on the dashboard and with the list of audits, so that nobody books AFNOR too early.
 */
export function AuditBlockersNotice({ audits, linkTo }: { audits: CampaignAudit[] | undefined; linkTo?: string }) {
  const blocking = (audits ?? []).filter((a) => a.blockers > 0);
  if (blocking.length === 0) return null;
  return (
    <p className="notice notice-error" role="alert">
      Bloquant avant un audit de certification :{' '}
      {blocking
        .map(({ audit, blockers }) => `${blockers} point(s) relevé(s) par ${AUDIT_KIND_LABELS[audit.kind].toLowerCase()}${audit.auditingStructure ? ` (${audit.auditingStructure})` : ''}`)
        .join(' ; ')}
      .{linkTo && <> <a href={linkTo}>Voir les audits</a></>}
    </p>
  );
}

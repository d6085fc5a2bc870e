import { AUDITOR_ROLE_LABELS, type Audit } from '../../domain/audit/model';
import { frenchDate } from '../../domain/french-date';

/** The audit's facts as read: team, dates, scope, the auditors' declaration and the conclusion. */
export function AuditDetailsView({ audit }: { audit: Audit }) {
  const dates = [audit.startDate && `du ${frenchDate(audit.startDate)}`, audit.endDate && `au ${frenchDate(audit.endDate)}`].filter(Boolean).join(' ');
  return (
    <dl className="facts">
      <dt>Structure qui audite</dt>
      <dd>{audit.auditingStructure || '—'}</dd>
      <dt>Auditeurs</dt>
      <dd>
        {audit.auditors.length === 0
          ? 'Aucun auditeur indiqué.'
          : audit.auditors.map((a) => `${a.name} (${AUDITOR_ROLE_LABELS[a.role]}${a.organisation ? `, ${a.organisation}` : ''})`).join(' ; ')}
      </dd>
      <dt>Dates</dt>
      <dd>{dates || '—'}</dd>
      <dt>Périmètre</dt>
      <dd>{audit.scopeNote || 'Tous les critères de la campagne.'}</dd>
      <dt>Déclaration d'indépendance</dt>
      <dd>
        {audit.independence.declared ? (
          <>
            <strong>Signée.</strong> {audit.independence.statement}
          </>
        ) : (
          <strong>Non signée : les auditeurs doivent déclarer leur indépendance avant de conclure.</strong>
        )}
      </dd>
      <dt>Conclusion</dt>
      <dd className="prewrap">{audit.conclusion || '—'}</dd>
    </dl>
  );
}

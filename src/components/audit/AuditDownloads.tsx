import { useState } from 'react';
import type { Audit } from '../../domain/audit/model';
import type { Referential } from '../../domain/referential/model';
import { describeError } from '../../storage/errors';
import { database } from '../../storage/instance';
import { downloadBlob, downloadText, fileSlug } from '../workspace/download';
import type { Audited, useAudit } from './use-audit';
import { OutcomeMessage } from '../workspace/OutcomeMessage';
import { describeProfile } from '../../domain/structure/describe';

interface Props {
  referential: Referential;
  audit: Audit;
  audited: Audited;
  /** The audit's scope, layers and findings, as the screen read them. */
  data: ReturnType<typeof useAudit>;
  awaitingReturn: boolean;
}

/** The audit report (PDF, jsPDF loaded on demand) and, for an audit we conduct, the return file for the peer. */
export function AuditDownloads({ referential, audit, audited, data, awaitingReturn }: Props) {
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const slug = `${fileSlug(audited.structure.name)}-${audited.campaign.date}`;

  async function reportPdf() {
    setMessage(null);
    setBusy(true);
    const started = performance.now();
    try {
      const [{ buildAuditReport }, { buildAuditReportPdf }] = await Promise.all([import('../../domain/report/audit-report'), import('../report/audit-pdf')]);
      const model = buildAuditReport({
        referential,
        audit,
        audited: {
          structureName: audited.structure.name,
          structureProfile: describeProfile(audited.structure),
          siret: audited.structure.siret,
          region: audited.structure.region,
          campaignName: audited.campaign.name,
          campaignDate: audited.campaign.date,
          tracks: audited.campaign.tracks,
          referentialVersion: audited.campaign.referentialVersion,
        },
        scope: data.scope,
        self: data.self,
        auditorRatings: data.auditorRatings,
        findings: data.findings,
        now: new Date(),
      });
      const doc = await buildAuditReportPdf(model);
      const blob = doc.output('blob');
      performance.measure('cap-progres:audit-pdf', { start: started }); // read by npm run bench
      downloadBlob(`cap-progres-rapport-audit-${slug}.pdf`, blob);
      setMessage({ kind: 'ok', text: `Rapport d'audit enregistré (${doc.getNumberOfPages()} pages).` });
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error) });
    }
    setBusy(false);
  }

  async function exportReturn() {
    setMessage(null);
    try {
      const { exportAuditReturn } = await import('../../storage/audits');
      downloadText(`cap-progres-retour-audit-${slug}.json`, await exportAuditReturn(database(), audit.id));
      setMessage({ kind: 'ok', text: `Retour d'audit exporté : envoyez ce fichier à ${audited.structure.name}.` });
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error) });
    }
  }

  return (
    <>
      {audit.side === 'auditor' && (
        <p>
          Quand l'audit est terminé, exportez le retour d'audit et envoyez-le à {audited.structure.name} : il contient l'équipe d'audit, la déclaration
          d'indépendance, vos niveaux et vos constats, rien de vos propres données.
          {audit.returnedAt && ` Dernier export : ${new Date(audit.returnedAt).toLocaleString('fr-FR')}.`}
        </p>
      )}
      <div className="actions">
        {!awaitingReturn && (
          <button type="button" onClick={() => void reportPdf()} disabled={busy} aria-busy={busy}>
            Télécharger le rapport d'audit (PDF)
          </button>
        )}
        {audit.side === 'auditor' && (
          <button type="button" onClick={() => void exportReturn()}>
            Exporter le retour d'audit
          </button>
        )}
      </div>
      <OutcomeMessage outcome={message} />
    </>
  );
}

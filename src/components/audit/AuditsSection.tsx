import { useState } from 'react';
import { AUDIT_KIND_LABELS, type Audit } from '../../domain/audit/model';
import type { Campaign, Structure } from '../../domain/evaluation/model';
import type { Referential } from '../../domain/referential/model';
import { frenchDate } from '../../domain/french-date';
import { describeError } from '../../storage/errors';
import { database } from '../../storage/instance';
import { downloadText, fileSlug } from '../workspace/download';
import { AuditBlockersNotice } from './AuditBlockersNotice';
import { AuditReturnImport } from './AuditReturnImport';
import type { CampaignAudit } from './use-campaign-audits';
import { OutcomeMessage } from '../workspace/OutcomeMessage';
import { TableRegion } from '../TableRegion';

const storage = () => import('../../storage/audits');

interface Props {
  referential: Referential;
  campaign: Campaign;
  structure: Structure;
  /** The campaign's audits (readCampaignAudits), read by the screen with the campaign rather than after it. */
  audits: CampaignAudit[];
}

/** A campaign's audits: internal and mock audits, and peer cross-audits (request out, return in). */
export function AuditsSection({ referential, campaign, structure, audits }: Props) {
  const db = database();
  const [requestTo, setRequestTo] = useState('');
  const [shareLevels, setShareLevels] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);

  async function startAudit(kind: 'interne' | 'blanc') {
    setMessage(null);
    try {
      const audit = await (await storage()).createAudit(db, campaign.id, kind, structure.name);
      location.assign(`/espace/audit/?audit=${audit.id}`);
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error) });
    }
  }

  async function request() {
    setMessage(null);
    if (requestTo.trim().length < 2) return setMessage({ kind: 'error', text: 'Indiquez la structure paire à qui vous demandez l’audit.' });
    try {
      const { json } = await (await storage()).createAuditRequest(db, referential, campaign.id, { auditingStructure: requestTo.trim(), includeSelfRatings: shareLevels });
      downloadText(`cap-progres-demande-audit-${fileSlug(structure.name)}-${campaign.date}.json`, json);
      setMessage({ kind: 'ok', text: `Demande d'audit exportée : envoyez le fichier à ${requestTo.trim()}. Vous importerez ici son retour.` });
      setRequestTo('');
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error) });
    }
  }

  const sorted = [...audits].sort((a, b) => b.audit.createdAt.localeCompare(a.audit.createdAt));
  return (
    <section className="panel" aria-labelledby="audits-title">
      <h2 id="audits-title">Audits de la campagne</h2>
      <p>
        Le regard d'un auditeur — interne, à blanc ou d'une structure paire — forme une couche à part : il ne modifie jamais votre auto-évaluation.
        L'écart entre les deux est montré critère par critère et thème par thème.
      </p>
      <AuditBlockersNotice audits={audits} />
      {sorted.length === 0 ? (
        <p>Aucun audit pour cette campagne.</p>
      ) : (
        <TableRegion label={`Audits de « ${campaign.name} »`}>
          <table>
            <caption>Audits de « {campaign.name} »</caption>
            <thead>
              <tr>
                <th scope="col">Audit</th>
                <th scope="col">Par</th>
                <th scope="col">État</th>
                <th scope="col">Constats</th>
                <th scope="col">Bloquants</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map(({ audit, findings, blockers }) => (
                <tr key={audit.id}>
                  <th scope="row">
                    <a href={`/espace/audit/?audit=${audit.id}`}>
                      {AUDIT_KIND_LABELS[audit.kind]} {audit.startDate ? `du ${frenchDate(audit.startDate)}` : `créé le ${frenchDate(audit.createdAt)}`}
                    </a>
                  </th>
                  <td>{audit.auditingStructure || '—'}</td>
                  <td>{stateOf(audit)}</td>
                  <td>{findings}</td>
                  <td>{blockers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <div className="actions">
        <button type="button" onClick={() => void startAudit('interne')}>
          Nouvel audit interne
        </button>
        <button type="button" className="secondary" onClick={() => void startAudit('blanc')}>
          Nouvel audit à blanc
        </button>
      </div>

      <h3>Audit croisé entre pairs</h3>
      <p>
        Sans serveur : exportez une demande d'audit (structure, périmètre de la campagne, liste des preuves) et envoyez-la à la structure paire ; elle
        l'importe dans son propre CAP Progrès, vous audite et vous renvoie un retour d'audit à importer ici. Formats documentés :{' '}
        <a href="/schemas/audit-request.schema.json">demande</a>, <a href="/schemas/audit-return.schema.json">retour</a>.
      </p>
      <div className="field">
        <label htmlFor="request-to">Structure paire qui vous audite</label>
        <input id="request-to" type="text" value={requestTo} maxLength={160} onChange={(e) => setRequestTo(e.target.value)} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={shareLevels} onChange={(e) => setShareLevels(e.target.checked)} />
        <span>Joindre nos niveaux d'auto-évaluation (sinon l'auditeur forme son avis sans les connaître ; commentaires et fichiers ne sont jamais joints)</span>
      </label>
      <div className="actions">
        <button type="button" onClick={() => void request()}>
          Exporter la demande d'audit
        </button>
        <AuditReturnImport />
      </div>
      <OutcomeMessage outcome={message} />
    </section>
  );
}

function stateOf(audit: Audit): string {
  if (audit.kind !== 'croise') return audit.independence.declared ? 'En cours, indépendance déclarée' : 'En cours';
  if (audit.returnedAt) return `Retour reçu le ${frenchDate(audit.returnedAt)}`;
  return `Demande envoyée le ${frenchDate(audit.requestedAt ?? audit.createdAt)}, en attente du retour`;
}

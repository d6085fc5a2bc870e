import { lazy, memo, Suspense, useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { certificationBlockers } from '../../domain/audit/blockers';
import { compareLayers } from '../../domain/audit/layers';
import { AUDIT_KIND_LABELS, type Audit } from '../../domain/audit/model';
import type { Referential } from '../../domain/referential/model';
import { trackName } from '../../domain/referential/lookup';
import { frenchDate } from '../../domain/french-date';
import { describeError } from '../../storage/errors';
import { database } from '../../storage/instance';
import { SaveIndicator } from '../workspace/SaveIndicator';
import { track } from '../workspace/save-status';
import { PinnedIsland } from '../workspace/PinnedIsland';
import { AuditCriteriaTable } from './AuditCriteriaTable';
import { AuditDetailsView } from './AuditDetailsView';
import { AuditReturnImport } from './AuditReturnImport';
import { BlockerAlert } from './BlockerAlert';
import { FindingsTable } from './FindingsTable';
import { LayerComparisonTable } from './LayerComparisonTable';
import { AuditDownloads } from './AuditDownloads';
import { auditIdFromUrl, isReadOnly, startAuditQuery, useAudit } from './use-audit';

// The forms (react-hook-form + zod) load when the auditor edits.
const AuditDetailsForm = lazy(() => import('./AuditDetailsForm').then((m) => ({ default: m.AuditDetailsForm })));
const FindingForm = lazy(() => import('./FindingForm').then((m) => ({ default: m.FindingForm })));

// As soon as the screen's code loads: the audit's records, read beside the referential and the database opening.
if (typeof window !== 'undefined') startAuditQuery(auditIdFromUrl());

/** /espace/audit/?audit=… — one audit: its team and declaration, the auditor's levels, the findings, the report. */
export default function AuditScreen() {
  const auditId = auditIdFromUrl();
  return <PinnedIsland versionOf={auditVersion(auditId)}>{(referential) => <AuditView referential={referential} auditId={auditId} />}</PinnedIsland>;
}

// Memo: the island re-renders its children once the referential version resolves, with the same props; the
// screen (a hundred selects and comments) need not render again for that.
const AuditView = memo(function AuditView({ referential, auditId }: { referential: Referential; auditId: string }) {
  const data = useAudit(referential, auditId);
  const { audit, audited, scope, self, auditor, findings } = data;
  const [editingDetails, setEditingDetails] = useState(false);
  const [addingFinding, setAddingFinding] = useState(false);
  const [editingFinding, setEditingFinding] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  // Computed once per change of the data, not on every render (a form opening, a message).
  const comparison = useMemo(() => compareLayers(referential, scope, self ?? new Map(), auditor), [referential, scope, self, auditor]);
  const blockers = useMemo(() => certificationBlockers(findings), [findings]);

  if (data.missing) {
    return (
      <p className="notice notice-error" role="alert">
        Cet audit n'existe pas dans ce navigateur. <a href="/espace/">Retour à mon espace</a>
      </p>
    );
  }
  if (data.loading || !audit || !audited) return <p>Chargement de l'audit…</p>;

  const readOnly = isReadOnly(audit);
  const awaitingReturn = readOnly && audit.returnedAt === null;
  const back = audit.side === 'audited' ? `/espace/regards/?id=${audit.campaignId}` : '/espace/#audits-conduits';

  async function remove() {
    if (!confirm('Supprimer cet audit, ses notes et ses constats ? Les actions déjà au plan de progrès restent.')) return;
    try {
      const { deleteAudit } = await import('../../storage/audits');
      await deleteAudit(database(), audit!.id);
      location.assign(back);
    } catch (error) {
      setDeleteError(describeError(error));
    }
  }

  return (
    <div className="audit">
      <header className="campaign-header">
        <p className="breadcrumbs">
          <a href="/espace/">Mon espace</a> ›{' '}
          {audit.side === 'audited' ? <a href={back}>{audited.campaign.name} : regards croisés</a> : <a href={back}>Audits conduits pour d'autres structures</a>}
        </p>
        <h1>
          {AUDIT_KIND_LABELS[audit.kind]} — {audited.structure.name}
        </h1>
        <p className="muted">
          {audited.campaign.name} ({frenchDate(audited.campaign.date)}) · référentiel {audited.campaign.referentialVersion} ·{' '}
          {audited.campaign.tracks.map((t) => trackName(referential, t)).join(', ')} · {scope.length} critères
        </p>
        <p className="muted">{sideSentence(audit)}</p>
        <SaveIndicator />
      </header>

      {awaitingReturn ? (
        <section className="panel" aria-labelledby="awaiting-title">
          <h2 id="awaiting-title">En attente du retour</h2>
          <p>
            Demande d'audit exportée le {frenchDate(audit.requestedAt ?? audit.createdAt)} pour {audit.auditingStructure || 'la structure qui audite'}
            {audit.selfRatingsShared ? ', avec vos niveaux d’auto-évaluation' : ', sans vos niveaux d’auto-évaluation'}. Quand elle vous renvoie son
            retour d'audit (fichier .json), importez-le ici : il s'ajoute à côté de votre auto-évaluation, sans la modifier.
          </p>
          <AuditReturnImport />
        </section>
      ) : (
        <>
          <section className="panel" aria-labelledby="details-title">
            <h2 id="details-title">Audit : équipe, périmètre, indépendance</h2>
            {editingDetails ? (
              <Suspense fallback={<p>Chargement du formulaire…</p>}>
                <AuditDetailsForm audit={audit} onDone={() => setEditingDetails(false)} />
              </Suspense>
            ) : (
              <>
                <AuditDetailsView audit={audit} />
                {!readOnly && (
                  <button type="button" className="secondary" onClick={() => setEditingDetails(true)}>
                    Modifier l'équipe, les dates, la déclaration et la conclusion
                  </button>
                )}
              </>
            )}
          </section>

          <BlockerAlert blockers={blockers} />

          <section className="panel" aria-labelledby="comparison-title">
            <h2 id="comparison-title">Auto-évaluation et regard de l'auditeur</h2>
            {self === null ? (
              <p>La structure auditée n'a pas communiqué ses niveaux : seuls ceux de l'auditeur sont présentés.</p>
            ) : (
              <p>Les deux regards sont calculés de la même façon ; l'écart est celui de l'auditeur moins l'auto-évaluation, en points.</p>
            )}
            <LayerComparisonTable comparison={comparison} withSelf={self !== null} />
          </section>

          <section className="panel" aria-labelledby="findings-title">
            <h2 id="findings-title">Constats ({findings.length})</h2>
            <FindingsTable
              referential={referential}
              audit={audit}
              findings={findings}
              actionIds={data.actionIds}
              readOnly={readOnly}
              onEdit={(id) => {
                setAddingFinding(false);
                setEditingFinding(id);
              }}
            />
            {!readOnly && (addingFinding || editingFinding) && (
              <Suspense fallback={<p>Chargement du formulaire…</p>}>
                <FindingForm
                  key={editingFinding ?? 'new'}
                  referential={referential}
                  audit={audit}
                  scope={scope}
                  finding={findings.find((f) => f.id === editingFinding)}
                  onDone={() => {
                    setAddingFinding(false);
                    setEditingFinding(null);
                  }}
                />
              </Suspense>
            )}
            {!readOnly && !addingFinding && !editingFinding && (
              <button type="button" onClick={() => setAddingFinding(true)}>
                Ajouter un constat
              </button>
            )}
          </section>

          {/* A select and a comment for every criterion: rendering and laying them out took longer than all the rest. */}
          <section className="panel" aria-labelledby="criteria-title" style={belowTheFold(comparison.criteria.length)}>
            <h2 id="criteria-title">Niveaux par critère</h2>
            <AfterFirstPaint fallback={<p>Chargement des niveaux par critère…</p>}>
            <AuditCriteriaTable
              referential={referential}
              audit={audit}
              comparison={comparison}
              evidence={data.evidence}
              withSelf={self !== null}
              readOnly={readOnly}
              onChange={(code, change) => {
                const write = () => import('../../storage/audits').then((m) => m.saveAuditRating(database(), audit.id, code, change));
                // A comment stays on screen when its write fails: kept to be redone (« Réessayer »).
                return 'comment' in change ? track(write, `audit:${audit.id}:${code}:comment`) : track(write());
              }}
            />
            </AfterFirstPaint>
          </section>
        </>
      )}

      <section className="panel" aria-labelledby="files-title">
        <h2 id="files-title">Rapport et échanges</h2>
        <AuditDownloads referential={referential} audit={audit} audited={audited} data={data} awaitingReturn={awaitingReturn} />
        <button type="button" className="danger" onClick={() => void remove()}>
          Supprimer cet audit
        </button>
        {deleteError && <p className="notice notice-error" role="alert">{deleteError}</p>}
      </section>
    </div>
  );
});

/**
 * Laid out and painted only when scrolled near (the table lies below the findings). `auto` keeps the height last
 * laid out; until then about 80 px a criterion stands in for it.
 */
const belowTheFold = (criteria: number) => ({ contentVisibility: 'auto', containIntrinsicSize: `auto ${80 * criteria + 120}px` }) as const;

/** Renders its children in a second pass, once what is above them is on screen (React's own deferral, in the background). */
function AfterFirstPaint({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const shown = useDeferredValue(true, false);
  return shown ? children : fallback;
}

function sideSentence(audit: Audit): string {
  if (audit.side === 'auditor') return `Audit que vous conduisez à la demande de cette structure (demande reçue le ${frenchDate(audit.requestedAt ?? audit.createdAt)}).`;
  if (audit.kind === 'croise') return audit.returnedAt ? `Retour d'audit de ${audit.auditingStructure}, reçu le ${frenchDate(audit.returnedAt)} : il est en lecture seule.` : "Audit croisé demandé à une structure paire.";
  return 'Audit de votre propre campagne : les non-conformités et leurs actions correctives entrent au plan de progrès.';
}

/**
 * An audit is read with the referential its campaign was rated against: ours, or the peer's as its request said.
 * Taken from the screen's own first read: reading the audit and its campaign again would wait behind it.
 */
const auditVersion = (auditId: string) => async () => {
  const records = await startAuditQuery(auditId).first;
  if (!records) return null;
  if (records.audit.subject) return records.audit.subject.campaign.referentialVersion;
  return records.campaign?.referentialVersion || null;
};

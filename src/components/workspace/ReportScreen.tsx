import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { buildReport, commentText, frenchDate, METHOD_TEXT, type ReportModel } from '../../domain/report/model';
import { ACTION_STATUS_LABELS, PRIORITY_LABELS } from '../../domain/plan/model';
import type { Referential } from '../../domain/referential/model';
import { describeAlert, formatScoreWithStatus } from '../../domain/scoring/score';
import { campaignFingerprint } from '../../storage/collect';
import { describeError } from '../../storage/errors';
import { database } from '../../storage/instance';
import { CampaignHeader, CampaignMissing } from './CampaignHeader';
import { downloadBlob, fileSlug } from './download';
import { campaignIdFromUrl, startCampaignQueries, useCampaign } from './use-campaign';
import { campaignVersion, PinnedIsland } from './PinnedIsland';
import { OutcomeMessage } from './OutcomeMessage';
import { readinessScoreText } from '../../domain/scoring/readiness';
import { TableRegion } from '../TableRegion';

/** /espace/rapport/?id=… — the report as an accessible, printable page, and its PDF versions. */
// The campaign's records are read as this code loads, beside the referential and the database opening.
if (typeof window !== 'undefined') startCampaignQueries(campaignIdFromUrl());

export default function ReportScreen() {
  const campaignId = campaignIdFromUrl();
  return <PinnedIsland versionOf={campaignVersion(campaignId)}>{(referential) => <Report referential={referential} campaignId={campaignId} />}</PinnedIsland>;
}


function Report({ referential, campaignId }: { referential: Referential; campaignId: string }) {
  const data = useCampaign(referential, campaignId);
  const { campaign, structure, scope, ratings, evidence, actions, dismissals } = data;
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [status, setStatus] = useState<{ kind: 'busy' | 'error' | 'done'; text: string } | null>(null);
  // Recomputed whenever the data changes, so the printed SHA-256 always matches what is shown.
  useEffect(() => {
    if (campaign) {
      void campaignFingerprint(database(), campaign.id).then(setFingerprint, () =>
        setFingerprint('indisponible (la page doit être servie en https pour calculer une empreinte)'),
      );
    }
  }, [campaign, ratings, evidence, actions, dismissals]);

  const model = useMemo<ReportModel | null>(
    () =>
      campaign && structure && fingerprint
        ? buildReport({ referential, structure, campaign, scope, ratings, evidence, actions, dismissed: new Set(dismissals.map((d) => d.criterionCode)), dataSha256: fingerprint, now: new Date() })
        : null,
    [referential, campaign, structure, scope, ratings, evidence, actions, dismissals, fingerprint],
  );

  // The radar (chart.js, then a JPEG), drawn once per model.
  const radar = useRef<{ model: ReportModel; image: Promise<string> } | null>(null);
  const radarOf = (m: ReportModel, label: string) => {
    if (radar.current?.model !== m) {
      const image = import('./charts').then(({ radarImage }) => radarImage(m.scores.themes.map((t) => t.theme.title), { label, values: m.scores.themes.map((t) => t.score.value) }));
      radar.current = { model: m, image };
    }
    return radar.current.image;
  };
  // The first PDF should not wait for jsPDF, its fonts, its code warming up or the radar: readied in the
  // background once the report is on screen, so that opening the page does not wait for them either (the kit;
  // the report's own small chunk still loads on the click).
  useEffect(() => {
    if (!model || !campaign) return undefined;
    return inBackground(() => {
      void import('../report/pdf-kit').then((kit) => kit.preparePdf()).catch(() => undefined);
      radarOf(model, campaign.name).catch(() => undefined);
    });
  }, [model, campaign]);

  if (data.missing) return <CampaignMissing />;
  if (data.loading || !campaign || !structure || !model) return <p>Préparation du rapport…</p>;

  const slug = `${fileSlug(structure.name)}-${campaign.date}`;
  async function download(kind: 'report' | 'assembly') {
    setStatus({ kind: 'busy', text: 'Génération du PDF…' });
    try {
      const started = performance.now();
      const pdf = await import('../report/pdf');
      let doc;
      if (kind === 'report') {
        const radar = await radarOf(model!, campaign!.name);
        doc = await pdf.buildReportPdf(model!, { radar });
      } else {
        doc = await pdf.buildAssemblySummaryPdf(model!);
      }
      const blob = doc.output('blob');
      performance.measure('cap-progres:pdf', { start: started });
      downloadBlob(kind === 'report' ? `cap-progres-rapport-${slug}.pdf` : `cap-progres-synthese-ag-${slug}.pdf`, blob);
      setStatus({ kind: 'done', text: `PDF prêt : ${doc.getNumberOfPages()} page(s).` });
    } catch (error) {
      console.error(error);
      setStatus({ kind: 'error', text: `Le PDF n'a pas pu être produit. ${describeError(error)}` });
    }
  }

  return (
    <div className="report">
      <CampaignHeader referential={referential} campaign={campaign} structure={structure}>
        <div className="actions no-print">
          <button type="button" onClick={() => void download('report')} disabled={status?.kind === 'busy'}>Télécharger le rapport PDF</button>
          <button type="button" className="secondary" onClick={() => void download('assembly')} disabled={status?.kind === 'busy'}>
            Synthèse pour l'assemblée générale (PDF, 1 page)
          </button>
          <button type="button" className="secondary" onClick={() => print()}>Imprimer cette page</button>
        </div>
        <OutcomeMessage outcome={status} />
      </CampaignHeader>
      <ReportBody model={model} />
    </div>
  );
}

/** The report itself, memoized: the PDF buttons' status changes re-render the header, not these tables. */
const ReportBody = memo(function ReportBody({ model }: { model: ReportModel }) {
  return (
    <>
      <p className="muted">
        Cette page est la version accessible du rapport PDF (même contenu, lisible par un lecteur d'écran). Document {model.documentId} ·
        SHA-256 des données : <code className="sha">{model.dataSha256}</code>
      </p>

      <h2>Identification</h2>
      <dl className="facts">
        <dt>Structure</dt>
        <dd>{model.structure.name} ({model.structure.profile})</dd>
        <dt>Campagne</dt>
        <dd>{model.campaign.name}, {frenchDate(model.campaign.date)}</dd>
        <dt>Parcours</dt>
        <dd>{model.campaign.tracks.join(', ')}</dd>
        <dt>Référentiel</dt>
        <dd>CAP {model.campaign.referentialVersion}</dd>
        <dt>Participants</dt>
        <dd>{model.campaign.participants.map((p) => `${p.name} (${p.role})`).join(', ') || '—'}</dd>
      </dl>

      <h2>Synthèse</h2>
      <p>
        <strong>Score global : {formatScoreWithStatus(model.scores.global)}</strong> — {model.scores.global.rated} critères évalués sur {model.scores.global.applicable} applicables.
        {model.scores.weakestTheme && ` Thème le plus fragile : ${model.scores.weakestTheme.title}.`}
      </p>
      <TableRegion label="Scores par thème">
        <table>
          <caption>Scores par thème</caption>
          <thead>
            <tr><th scope="col">Thème</th><th scope="col">Score</th><th scope="col">Couverture</th></tr>
          </thead>
          <tbody>
            {model.scores.themes.map((t) => (
              <tr key={t.theme.code}><th scope="row">{t.theme.title}</th><td>{formatScoreWithStatus(t.score)}</td><td>{t.score.rated} / {t.score.applicable}</td></tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <h3>Alertes réglementaires ({model.scores.alerts.length})</h3>
      <ul>{model.scores.alerts.length === 0 ? <li>Aucune.</li> : model.scores.alerts.map((a) => <li key={a.criterion.code}>{describeAlert(a)}</li>)}</ul>
      <h3>Points forts</h3>
      <ul>{model.strengths.length === 0 ? <li>Aucun critère au niveau 3 ou 4 pour l'instant.</li> : model.strengths.map((s) => <li key={s.criterion.code}>{s.criterion.code} {s.criterion.title} — niveau {s.level}</li>)}</ul>
      <h3>Principaux écarts</h3>
      <ul>{model.gaps.length === 0 ? <li>Aucun.</li> : model.gaps.map((g) => <li key={g.criterion.code}>{g.criterion.code} {g.criterion.title} — niveau {g.level}, objectif {g.targetLevel}</li>)}</ul>

      {model.themes.map((theme) => (
        <section key={theme.theme.code} aria-labelledby={`report-${theme.theme.code}`}>
          <h2 id={`report-${theme.theme.code}`}>{theme.theme.code} — {theme.theme.title} : {formatScoreWithStatus(theme.score)}</h2>
          <TableRegion label={`Critères du thème ${theme.theme.title}`}>
            <table>
              <caption>Critères du thème {theme.theme.title}</caption>
              <thead>
                <tr><th scope="col">Critère</th><th scope="col">Niveau atteint</th><th scope="col">Commentaire</th><th scope="col">Preuves</th></tr>
              </thead>
              <tbody>
                {theme.lines.map((l) => (
                  <tr key={l.criterion.code}>
                    <th scope="row">{l.criterion.code} {l.criterion.title}{l.criterion.regulatory && ' (réglementaire)'}</th>
                    <td><strong>{l.levelLabel}</strong>{l.descriptor && <><br />{l.descriptor}</>}</td>
                    <td className="prewrap">{commentText(l)}</td>
                    <td>{l.evidence.join(' ; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </section>
      ))}

      <ReadinessSection title="Correspondance ISO 9001 : préparation article par article" rows={model.iso9001} />
      {model.iso26000 && <ReadinessSection title="CAP RSE : questions centrales ISO 26000" rows={model.iso26000} />}

      <h2>Plan de progrès ({model.plan.length} actions)</h2>
      {model.plan.length === 0 ? <p>Aucune action enregistrée.</p> : (
        <TableRegion label="Plan de progrès">
          <table>
            <caption className="visually-hidden">Plan de progrès</caption>
            <thead><tr><th scope="col">Action</th><th scope="col">Critères</th><th scope="col">Pilote</th><th scope="col">Échéance</th><th scope="col">Statut</th><th scope="col">Priorité</th></tr></thead>
            <tbody>
              {model.plan.map((a) => (
                <tr key={a.id}><th scope="row">{a.title}</th><td>{a.criterionCodes.join(', ')}</td><td>{a.owner || '—'}</td><td>{a.dueDate ? frenchDate(a.dueDate) : '—'}</td><td>{ACTION_STATUS_LABELS[a.status]}</td><td>{PRIORITY_LABELS[a.priority]}</td></tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <h2>Index des preuves ({model.evidenceIndex.length})</h2>
      {model.evidenceIndex.length === 0 ? <p>Aucune preuve enregistrée.</p> : (
        <TableRegion label="Index des preuves">
          <table>
            <caption className="visually-hidden">Index des preuves</caption>
            <thead><tr><th scope="col">Critère</th><th scope="col">Preuve</th><th scope="col">Nature</th><th scope="col">Fichier ou lien</th><th scope="col">SHA-256</th></tr></thead>
            <tbody>
              {model.evidenceIndex.map((e, i) => (
                <tr key={i}><td>{e.criterionCode}</td><th scope="row">{e.title}</th><td>{e.kind}</td><td>{e.fileName}</td><td className="sha">{e.sha256}</td></tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <h2>Annexe : méthode de calcul</h2>
      <ul>{METHOD_TEXT.map((t) => <li key={t}>{t}</li>)}</ul>
    </>
  );
});

function ReadinessSection({ title, rows }: { title: string; rows: ReportModel['iso9001'] }) {
  return (
    <section>
      <h2>{title}</h2>
      <TableRegion label={title}>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead><tr><th scope="col">Référence</th><th scope="col">Score</th><th scope="col">Couverture</th><th scope="col">Critères CAP</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.reference.code}><th scope="row">{r.reference.code} {r.reference.title}</th><td>{readinessScoreText(r, formatScoreWithStatus)}</td><td>{r.excluded !== undefined ? '—' : `${r.score.rated} / ${r.score.applicable}`}</td><td>{r.criteria.map((c) => c.code).join(', ') || '—'}</td></tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

/**
 * Runs a task at background priority (after rendering and input, in the gaps they leave; when idle where the
 * browser has no task scheduler); returns its cancellation.
 */
function inBackground(task: () => void): () => void {
  const scheduler = (globalThis as { scheduler?: { postTask(task: () => void, options: { priority: 'background'; signal: AbortSignal }): Promise<unknown> } }).scheduler;
  if (scheduler) {
    const abort = new AbortController();
    scheduler.postTask(task, { priority: 'background', signal: abort.signal }).catch(() => undefined);
    return () => abort.abort();
  }
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 100);
  return () => clearTimeout(handle);
}

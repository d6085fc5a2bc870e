import { useEffect, useMemo, useRef, useState } from 'react';
import { migrationPath } from '../../domain/referential/library';
import type { MigrationTable } from '../../domain/referential/migration';
import { ratingsCarriedTo } from '../../domain/scoring/across-versions';
import { loadCatalog } from './referential-client';
import { ratingsByCode } from '../../domain/evaluation/scope';
import { suggestActions } from '../../domain/plan/suggest';
import type { Referential } from '../../domain/referential/model';
import { iso26000Readiness, iso9001Readiness, type Readiness } from '../../domain/scoring/readiness';
import { formatScore, scoreCampaign, type Score } from '../../domain/scoring/score';
import { database } from '../../storage/instance';
import { CampaignHeader, CampaignMissing } from './CampaignHeader';
import { campaignIdFromUrl, startCampaignQueries, useCampaign } from './use-campaign';
import { useTransitionLiveQuery } from './transition-live-query';
import { whenNearViewport } from './near-viewport';
import { pause } from '../../lib/pause';
import { readComparedCampaign } from '../../storage/campaign-read';
import { AuditBlockersNotice } from '../audit/AuditBlockersNotice';
import { useCampaignAudits } from '../audit/use-campaign-audits';
import { campaignVersion, PinnedIsland } from './PinnedIsland';
import { NetworkBenchmarkSection } from '../group/NetworkBenchmarkSection';

/** /espace/tableau-de-bord/?id=… — the photographie: scores with coverage, alerts, gaps, ISO views, trend. */
// The campaign's records are read as this code loads, beside the referential and the database opening.
if (typeof window !== 'undefined') startCampaignQueries(campaignIdFromUrl());

export default function DashboardScreen() {
  const campaignId = campaignIdFromUrl();
  return <PinnedIsland versionOf={campaignVersion(campaignId)}>{(referential) => <Dashboard referential={referential} campaignId={campaignId} />}</PinnedIsland>;
}

function ScoreCell({ score }: { score: Score }) {
  return (
    <>
      <td>
        {formatScore(score.value)}
        {score.partial && score.value !== null && <span className="badge badge-partial"> provisoire</span>}
      </td>
      <td>
        {score.rated} / {score.applicable}
      </td>
    </>
  );
}

function Dashboard({ referential, campaignId }: { referential: Referential; campaignId: string }) {
  const { campaign, structure, scope, ratings, actions, dismissals, missing, loading } = useCampaign(referential, campaignId);
  const audits = useCampaignAudits(campaignId);
  // The trend compares with the campaign this one started from, or else the structure's latest earlier one.
  const previous = useTransitionLiveQuery(() => (campaign ? readComparedCampaign(database(), campaign) : null), [campaign?.id, campaign?.previousCampaignId, campaign?.date]);
  // An earlier campaign of an older version is compared through the migration tables, and the screen says so.
  const [tables, setTables] = useState<{ path: MigrationTable[] | null } | null>(null);
  const crossVersion = !!previous && !!campaign && previous.campaign.referentialVersion !== campaign.referentialVersion;
  useEffect(() => {
    if (!crossVersion || !previous || !campaign) return;
    loadCatalog().then(
      (catalog) => setTables({ path: migrationPath(catalog.migrations, previous.campaign.referentialVersion, campaign.referentialVersion) }),
      () => setTables({ path: null }),
    );
  }, [crossVersion, previous?.campaign.referentialVersion, campaign?.referentialVersion]);
  const previousRatings = useMemo(() => {
    if (!previous) return null;
    if (!crossVersion) return ratingsByCode(previous.ratings);
    return tables?.path ? ratingsCarriedTo(tables.path, previous.ratings) : null;
  }, [previous, crossVersion, tables]);

  const scores = useMemo(() => scoreCampaign(referential, scope, ratings), [referential, scope, ratings]);
  const previousScores = useMemo(() => (previousRatings ? scoreCampaign(referential, scope, previousRatings) : null), [referential, scope, previousRatings]);
  const iso9001 = useMemo(() => iso9001Readiness(referential, scope, ratings, campaign?.isoExclusions), [referential, scope, ratings, campaign?.isoExclusions]);
  const iso26000 = useMemo(() => iso26000Readiness(referential, scope, ratings), [referential, scope, ratings]);
  const gaps = useMemo(
    () => suggestActions(referential, scope, ratings, { actions, dismissed: new Set(dismissals.map((d) => d.criterionCode)) }).slice(0, 10),
    [referential, scope, ratings, actions, dismissals],
  );

  const radar = useRef<HTMLCanvasElement>(null);
  const bars = useRef<HTMLCanvasElement>(null);
  const chartsBox = useRef<HTMLDivElement>(null);
  const subThemes = scores.themes.flatMap((t) => t.subThemes);
  useEffect(() => {
    if (!radar.current || !bars.current || !chartsBox.current) return;
    let cancelled = false;
    const drawn: { destroy(): void }[] = [];
    // chart.js's evaluation and each chart's drawing in tasks of their own: one long task would hold the page.
    // Drawn when scrolled near, or before printing (whenNearViewport).
    const stopWaiting = whenNearViewport(chartsBox.current, () => void (async () => {
      const { drawRadar, drawBars } = await import('./charts');
      await pause();
      if (cancelled || !radar.current) return;
      const labels = scores.themes.map((t) => t.theme.title);
      drawn.push(
        drawRadar(
          radar.current,
          labels,
          { label: campaign?.name ?? '', values: scores.themes.map((t) => t.score.value) },
          previousScores && previous ? { label: previous.campaign.name, values: previousScores.themes.map((t) => t.score.value) } : undefined,
        ),
      );
      await pause();
      if (cancelled || !bars.current) return;
      drawn.push(drawBars(bars.current, subThemes.map((s) => `${s.subTheme.code} ${s.subTheme.title}`), { label: 'Score', values: subThemes.map((s) => s.score.value) }));
      chartsBox.current?.setAttribute('data-charts-ready', 'true');
    })());
    return () => {
      cancelled = true;
      stopWaiting();
      for (const chart of drawn) chart.destroy();
    };
  }, [scores, previousScores, previous, campaign?.name, subThemes.length]);

  if (missing) return <CampaignMissing />;
  if (loading || !campaign || !structure) return <p>Chargement du tableau de bord…</p>;

  return (
    <div className="dashboard">
      <CampaignHeader referential={referential} campaign={campaign} structure={structure} />
      <AuditBlockersNotice audits={audits} linkTo={`/espace/regards/?id=${campaign.id}`} />

      <section aria-labelledby="global-title" className="panel">
        <h2 id="global-title">Score global : {formatScore(scores.global.value)}</h2>
        <p>
          {scores.global.rated} / {scores.global.applicable} critères évalués ({Math.round(scores.global.coverage * 100)} % de couverture).
          {scores.global.partial && (
            <strong> Score provisoire : tous les critères applicables ne sont pas encore évalués.</strong>
          )}
        </p>
        {scores.weakestTheme && (
          <p>
            Thème le plus fragile : <strong>{scores.weakestTheme.title}</strong>.
          </p>
        )}
      </section>

      <section aria-labelledby="alerts-title" className={scores.alerts.length > 0 ? 'panel panel-alert' : 'panel'}>
        <h2 id="alerts-title">Alertes réglementaires ({scores.alerts.length})</h2>
        {scores.alerts.length === 0 ? (
          <p>Aucun critère réglementaire n'est évalué à 0 ou 1.</p>
        ) : (
          <>
            <p>Ces exigences légales sont évaluées à 0 ou 1 : à traiter en priorité, quelle que soit la moyenne.</p>
            <ul>
              {scores.alerts.map((a) => (
                <li key={a.criterion.code}>
                  <a href={`/espace/campagne/?id=${campaign.id}&critere=${a.criterion.code}`}>
                    {a.criterion.code} {a.criterion.title}
                  </a>{' '}
                  — niveau {a.level}
                  {a.mayApply && (
                    <>
                      {' '}(obligation possible : {a.mayApply} ; <a href="/espace/">précisez le profil de {structure.name}</a>)
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="themes-title">
        <h2 id="themes-title">Les quatre thèmes</h2>
        {crossVersion && previous && campaign && (
          <p className="notice" data-testid="cross-version-trend">
            {previousScores
              ? `Évolution mesurée par rapport à « ${previous.campaign.name} », évaluée avec le référentiel ${previous.campaign.referentialVersion} : ses réponses sont ramenées au référentiel ${campaign.referentialVersion} par la table de migration (un critère fusionné prend le niveau le plus bas de ceux qu'il réunit, un critère nouveau ne compte pas).`
              : tables?.path === null
                ? `« ${previous.campaign.name} » a été évaluée avec le référentiel ${previous.campaign.referentialVersion}, qu'aucune table de migration ne relie au référentiel ${campaign.referentialVersion} : pas d'évolution à montrer.`
                : 'Calcul de l\'évolution à travers les versions du référentiel…'}
          </p>
        )}
        <div className="chart-row" ref={chartsBox}>
          <div className="chart">
            <canvas ref={radar} role="img" aria-label="Radar des scores par thème ; les valeurs sont dans le tableau voisin." />
          </div>
          <table>
            <caption>Scores par thème</caption>
            <thead>
              <tr>
                <th scope="col">Thème</th>
                <th scope="col">Score</th>
                <th scope="col">Couverture</th>
                {previousScores && <th scope="col">{previous?.campaign.name}</th>}
                {previousScores && <th scope="col">Évolution</th>}
              </tr>
            </thead>
            <tbody>
              {scores.themes.map((t, i) => {
                const before = previousScores?.themes[i]?.score.value ?? null;
                return (
                  <tr key={t.theme.code}>
                    <th scope="row">{t.theme.title}</th>
                    <ScoreCell score={t.score} />
                    {previousScores && <td>{formatScore(before)}</td>}
                    {previousScores && <td>{trend(t.score.value, before)}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      {campaign && <NetworkBenchmarkSection structureId={campaign.structureId} scores={scores} />}

      <section aria-labelledby="subthemes-title">
        <h2 id="subthemes-title">Sous-thèmes</h2>
        <div className="chart chart-bars" style={{ height: `${Math.max(subThemes.length * 28, 120)}px` }}>
          <canvas ref={bars} role="img" aria-label="Barres des scores par sous-thème ; les valeurs sont dans le tableau qui suit." />
        </div>
        <table>
          <caption>Scores par sous-thème</caption>
          <thead>
            <tr>
              <th scope="col">Sous-thème</th>
              <th scope="col">Score</th>
              <th scope="col">Couverture</th>
            </tr>
          </thead>
          <tbody>
            {subThemes.map((s) => (
              <tr key={s.subTheme.code}>
                <th scope="row">
                  {s.subTheme.code} {s.subTheme.title}
                </th>
                <ScoreCell score={s.score} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="gaps-title">
        <h2 id="gaps-title">Principaux écarts</h2>
        {gaps.length === 0 ? (
          <p>Aucun écart à traiter pour l'instant (ou tous sont déjà dans le plan de progrès).</p>
        ) : (
          <ol>
            {gaps.map((g) => (
              <li key={g.criterion.code}>
                <a href={`/espace/campagne/?id=${campaign.id}&critere=${g.criterion.code}`}>
                  {g.criterion.code} {g.criterion.title}
                </a>{' '}
                — niveau {g.level}, objectif {g.targetLevel}, poids {g.criterion.weight}
                {g.regulatoryAlert && <strong> (exigence réglementaire)</strong>}
              </li>
            ))}
          </ol>
        )}
        <p>
          <a href={`/espace/plan/?id=${campaign.id}`}>Construire le plan de progrès à partir de ces écarts</a>
        </p>
      </section>

      <ReadinessTable id="iso9001" title="Préparation ISO 9001, article par article" header="Article ISO 9001" rows={iso9001} />
      <ReadinessTable id="iso26000" title="Regard CAP RSE : questions centrales ISO 26000" header="Question centrale" rows={iso26000} />
    </div>
  );
}

function trend(now: number | null, before: number | null): string {
  if (now === null || before === null) return '—';
  const delta = Math.round(now * 100) - Math.round(before * 100);
  return delta === 0 ? 'stable' : `${delta > 0 ? '+' : '−'}${Math.abs(delta)} points`;
}

function band(score: Score): string {
  if (score.value === null) return 'band-none';
  if (score.value < 0.375) return 'band-low';
  if (score.value < 0.625) return 'band-mid';
  return 'band-high';
}

function ReadinessTable({ id, title, header, rows }: { id: string; title: string; header: string; rows: Readiness[] }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <table className="readiness">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{header}</th>
            <th scope="col">Score</th>
            <th scope="col">Couverture</th>
            <th scope="col">Critères</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.reference.code} className={band(row.score)}>
              <th scope="row">
                {row.reference.code} {row.reference.title}
              </th>
              {row.excluded !== undefined ? (
                <td colSpan={3}>Exclu du domaine d'application (ISO 9001, 4.3) : {row.excluded}</td>
              ) : (
                <>
                  <ScoreCell score={row.score} />
                  <td>{row.criteria.map((c) => c.code).join(', ') || 'aucun dans le périmètre'}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

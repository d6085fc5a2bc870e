/** /espace/tableau-de-bord/?id=… — the photographie: scores with coverage, alerts, gaps, ISO views, trend. */
import { useMemo } from 'react';
import type { Referential } from '../../../domain/referential/model';
import { scoreCampaign } from '../../../domain/scoring/score';
import { AuditBlockersNotice } from '../../audit/AuditBlockersNotice';
import { NetworkBenchmarkSection } from '../../group/NetworkBenchmarkSection';
import { CampaignHeader, CampaignMissing } from '../CampaignHeader';
import { campaignVersion, PinnedIsland } from '../PinnedIsland';
import { campaignIdFromUrl } from '../use-campaign';
import { startDashboardQueries, useDashboardData } from './dashboard-data';
import { GapsSection } from './GapsSection';
import { GlobalScoreSection } from './GlobalScoreSection';
import { Iso26000ReadinessSection, Iso9001ReadinessSection } from './ReadinessSections';
import { RegulatoryAlertsSection } from './RegulatoryAlertsSection';
import { SubThemesSection } from './SubThemesSection';
import { ThemesSection } from './ThemesSection';
import { useComparedScores } from './use-compared-scores';
import { useScoreCharts } from './use-score-charts';

// Its records are read as this code loads, beside the referential and the database opening (dashboard-data.ts).
if (typeof window !== 'undefined') startDashboardQueries(campaignIdFromUrl());

export default function DashboardScreen() {
  const campaignId = campaignIdFromUrl();
  return <PinnedIsland versionOf={campaignVersion(campaignId)}>{(referential) => <Dashboard referential={referential} campaignId={campaignId} />}</PinnedIsland>;
}

function Dashboard({ referential, campaignId }: { referential: Referential; campaignId: string }) {
  const { campaign, structure, scope, ratings, actions, dismissals, audits, compared, benchmark, missing, loading } = useDashboardData(referential, campaignId);
  const scores = useMemo(() => scoreCampaign(referential, scope, ratings), [referential, scope, ratings]);
  const comparedScores = useComparedScores(referential, scope, campaign, compared);
  const charts = useScoreCharts(scores, campaign?.name ?? '', comparedScores, !missing && !loading);

  if (missing) return <CampaignMissing />;
  if (loading || !campaign || !structure) return <p>Chargement du tableau de bord…</p>;
  const rated = { referential, scope, ratings };
  return (
    <div className="dashboard">
      <CampaignHeader referential={referential} campaign={campaign} structure={structure} />
      <AuditBlockersNotice audits={audits} linkTo={`/espace/regards/?id=${campaign.id}`} />
      <GlobalScoreSection scores={scores} />
      <RegulatoryAlertsSection scores={scores} campaign={campaign} structure={structure} />
      <ThemesSection scores={scores} campaign={campaign} compared={comparedScores} box={charts.box} radar={charts.radar} />
      <NetworkBenchmarkSection held={benchmark ?? null} scores={scores} />
      <SubThemesSection scores={scores} bars={charts.bars} />
      <GapsSection {...rated} actions={actions} dismissals={dismissals} campaign={campaign} />
      <Iso9001ReadinessSection {...rated} exclusions={campaign.isoExclusions} />
      <Iso26000ReadinessSection {...rated} />
    </div>
  );
}

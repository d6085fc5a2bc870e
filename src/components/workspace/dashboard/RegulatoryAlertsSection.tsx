import type { Campaign, Structure } from '../../../domain/evaluation/model';
import type { CampaignScores } from '../../../domain/scoring/score';

/** Legal requirements rated 0 or 1: first, whatever the average. */
export function RegulatoryAlertsSection({ scores, campaign, structure }: { scores: CampaignScores; campaign: Campaign; structure: Structure }) {
  return (
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
  );
}

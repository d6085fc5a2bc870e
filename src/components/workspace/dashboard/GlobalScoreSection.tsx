import { formatScore, type CampaignScores } from '../../../domain/scoring/score';

export function GlobalScoreSection({ scores }: { scores: CampaignScores }) {
  return (
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
  );
}

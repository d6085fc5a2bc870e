import type { RefObject } from 'react';
import type { Campaign } from '../../../domain/evaluation/model';
import { formatScore, type CampaignScores } from '../../../domain/scoring/score';
import { ScoreCell } from './ScoreCell';
import type { ComparedScores } from './use-compared-scores';

/** The four themes: radar and table, with the trend against the compared campaign when there is one. */
export function ThemesSection({ scores, campaign, compared, box, radar }: {
  scores: CampaignScores;
  campaign: Campaign;
  compared: ComparedScores | null;
  box: RefObject<HTMLDivElement | null>;
  radar: RefObject<HTMLCanvasElement | null>;
}) {
  const before = compared?.scores ?? null;
  return (
    <section aria-labelledby="themes-title">
      <h2 id="themes-title">Les quatre thèmes</h2>
      {compared?.crossVersion && <CrossVersionNotice campaign={campaign} compared={compared} />}
      <div className="chart-row" ref={box}>
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
              {before && <th scope="col">{compared?.compared.campaign.name}</th>}
              {before && <th scope="col">Évolution</th>}
            </tr>
          </thead>
          <tbody>
            {scores.themes.map((t, i) => {
              const then = before?.themes[i]?.score.value ?? null;
              return (
                <tr key={t.theme.code}>
                  <th scope="row">{t.theme.title}</th>
                  <ScoreCell score={t.score} />
                  {before && <td>{formatScore(then)}</td>}
                  {before && <td>{trend(t.score.value, then)}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CrossVersionNotice({ campaign, compared }: { campaign: Campaign; compared: ComparedScores }) {
  const { name, referentialVersion } = compared.compared.campaign;
  return (
    <p className="notice" data-testid="cross-version-trend">
      {compared.scores
        ? `Évolution mesurée par rapport à « ${name} », évaluée avec le référentiel ${referentialVersion} : ses réponses sont ramenées au référentiel ${campaign.referentialVersion} par la table de migration (un critère fusionné prend le niveau le plus bas de ceux qu'il réunit, un critère nouveau ne compte pas).`
        : compared.noMigrationPath
          ? `« ${name} » a été évaluée avec le référentiel ${referentialVersion}, qu'aucune table de migration ne relie au référentiel ${campaign.referentialVersion} : pas d'évolution à montrer.`
          : 'Calcul de l\'évolution à travers les versions du référentiel…'}
    </p>
  );
}

function trend(now: number | null, before: number | null): string {
  if (now === null || before === null) return '—';
  const delta = Math.round(now * 100) - Math.round(before * 100);
  return delta === 0 ? 'stable' : `${delta > 0 ? '+' : '−'}${Math.abs(delta)} points`;
}

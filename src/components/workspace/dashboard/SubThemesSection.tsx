import type { RefObject } from 'react';
import type { CampaignScores } from '../../../domain/scoring/score';
import { ScoreCell } from './ScoreCell';

export function SubThemesSection({ scores, bars }: { scores: CampaignScores; bars: RefObject<HTMLCanvasElement | null> }) {
  const subThemes = scores.themes.flatMap((t) => t.subThemes);
  return (
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
  );
}

import { formatScore, type Score } from '../../../domain/scoring/score';

/** A score's two cells: its value (« provisoire » while criteria are left to rate) and its coverage. */
export function ScoreCell({ score }: { score: Score }) {
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

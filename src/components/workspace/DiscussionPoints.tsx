import { useMemo } from 'react';
import { PARTICIPANT_ROLE_LABELS, type Campaign, type ParticipantView, type Rating } from '../../domain/evaluation/model';
import { DIVERGENCE_THRESHOLD, discussionPoints } from '../../domain/perspectives/views';
import { levelName } from '../../domain/referential/lookup';
import type { Criterion, Referential } from '../../domain/referential/model';
import { useStagedRows } from './staged-count';
import { TableRegion } from '../TableRegion';

interface Props {
  referential: Referential;
  campaign: Campaign;
  scope: Criterion[];
  views: ParticipantView[];
  ratings: ReadonlyMap<string, Rating>;
  /** The criterion in the rating screen, where the team retains a level. */
  hrefOf: (code: string) => string;
}

/** The criteria on which participants' views lie two levels or more apart, with the level retained and why. */
export function DiscussionPoints({ referential, campaign, scope, views, ratings, hrefOf }: Props) {
  const { participants } = campaign;
  const points = useMemo(() => discussionPoints(scope, participants, views, ratings), [scope, participants, views, ratings]);
  // A campaign whose views diverge widely has a hundred points: they arrive in stages.
  const shown = useStagedRows(points.length);
  const retainedLabel = (rating: Rating | undefined) => {
    if (rating?.notApplicable) return 'Non applicable';
    if (rating?.level == null) return 'non retenu';
    return levelName(referential, rating.level);
  };

  return (
    <section aria-labelledby="discussion-title">
      <h2 id="discussion-title">Points de discussion ({points.length})</h2>
      <p className="muted">
        Les critères sur lesquels les avis des participants s'écartent de {DIVERGENCE_THRESHOLD} niveaux ou plus, les plus grands écarts
        d'abord : à discuter en équipe avant de retenir un niveau, puis à justifier. Les avis « non applicable » (NA) ne comptent pas dans
        l'écart ; « — » : pas d'avis.
      </p>
      {participants.length === 0 ? (
        <p>
          Cette campagne n'a pas encore de participants : ajoutez-les avec « Modifier la campagne » sur l'écran{' '}
          <a href={`/espace/campagne/?id=${campaign.id}`}>Évaluation</a>, puis recueillez leurs avis critère par critère.
        </p>
      ) : points.length === 0 ? (
        <p>Aucun avis divergent de {DIVERGENCE_THRESHOLD} niveaux ou plus.</p>
      ) : (
        <TableRegion label="Points de discussion">
          <table className="discussion-points">
            <caption className="visually-hidden">Points de discussion : avis des participants, écart, niveau retenu et raison</caption>
            <thead>
              <tr>
                <th scope="col" className="col-criterion">Critère</th>
                {participants.map((p) => (
                  <th key={p.id} scope="col">
                    {p.name} <span className="muted">({PARTICIPANT_ROLE_LABELS[p.role]})</span>
                  </th>
                ))}
                <th scope="col" className="col-spread">Écart</th>
                <th scope="col" className="col-retained">Niveau retenu</th>
                <th scope="col" className="col-reason">Raison</th>
              </tr>
            </thead>
            <tbody>
              {points.slice(0, shown).map((point) => (
                <tr key={point.criterion.code}>
                  <th scope="row">
                    <a href={hrefOf(point.criterion.code)}>
                      {point.criterion.code} {point.criterion.title}
                    </a>
                  </th>
                  {point.views.map(({ participant, view }) => (
                    <td key={participant.id}>{view?.notApplicable ? 'NA' : (view?.level ?? '—')}</td>
                  ))}
                  <td>{point.comparison.spread}</td>
                  <td>{retainedLabel(point.retained)}</td>
                  <td className="prewrap">{point.retained?.retainedReason?.trim() || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

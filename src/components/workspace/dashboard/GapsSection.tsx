import { useMemo } from 'react';
import type { Campaign, Rating } from '../../../domain/evaluation/model';
import type { Dismissal, ProgressAction } from '../../../domain/plan/model';
import { suggestActions } from '../../../domain/plan/suggest';
import type { Criterion, Referential } from '../../../domain/referential/model';

/**
 * The ten largest gaps not yet in the plan nor set aside. Computed here, not by the dashboard: each section's work
 * is then a step of its own in React's rendering, between which the browser may paint and answer input.
 */
export function GapsSection({ referential, scope, ratings, actions, dismissals, campaign }: {
  referential: Referential;
  scope: readonly Criterion[];
  ratings: ReadonlyMap<string, Rating>;
  actions: readonly ProgressAction[];
  dismissals: readonly Dismissal[];
  campaign: Campaign;
}) {
  const gaps = useMemo(
    () => suggestActions(referential, scope, ratings, { actions, dismissed: new Set(dismissals.map((d) => d.criterionCode)) }).slice(0, 10),
    [referential, scope, ratings, actions, dismissals],
  );
  return (
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
  );
}

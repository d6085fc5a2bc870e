import type { ReactNode } from 'react';
import type { CarriedFrom } from '../../domain/evaluation/model';
import { levelName } from '../../domain/referential/lookup';
import type { Referential } from '../../domain/referential/model';

const HOW: Record<Exclude<CarriedFrom['origin'], 'new'>, string> = {
  kept: 'même critère',
  renamed: 'critère renommé',
  split: 'critère scindé : sa réponse est reprise dans chacun des critères qui en sont issus',
  merged: 'critères fusionnés : le niveau repris est le plus bas, les commentaires sont réunis',
};

/**
 * Where a criterion's answer came from when the campaign started from one rated against an older referential:
 * « nouveau », or the older answers it was carried from (several for a merged criterion), for the team to review.
 */
export function CarriedFromNotice({ referential, carried, children }: { referential: Referential; carried: CarriedFrom; children?: ReactNode }) {
  if (carried.origin === 'new') {
    return (
      <p className="notice">
        <strong>Nouveau critère</strong> dans le référentiel {referential.version} : aucune réponse de la campagne précédente (référentiel {carried.version})
        ne lui correspond.
      </p>
    );
  }
  return (
    <div className="notice notice-warning">
      <p>
        Réponse reprise de la campagne précédente, évaluée avec le référentiel {carried.version} ({HOW[carried.origin]}). Confirmez-la ou modifiez-la.
      </p>
      <ul>
        {carried.sources.map((s) => (
          <li key={s.criterionCode}>
            {s.criterionCode} ({carried.version}) : {s.notApplicable ? 'non applicable' : s.level === null ? 'non évalué' : levelName(referential, s.level)}
            {s.comment.trim() !== '' && <> — « {s.comment.length > 300 ? `${s.comment.slice(0, 300)}…` : s.comment} »</>}
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}

/** The ISO views: ISO 9001 clause by clause (with the exclusions of 4.3), ISO 26000 core subject by subject. */
import { useMemo } from 'react';
import type { IsoExclusion, Rating } from '../../../domain/evaluation/model';
import type { Criterion, Referential } from '../../../domain/referential/model';
import { iso26000Readiness, iso9001Readiness, type Readiness } from '../../../domain/scoring/readiness';
import type { Score } from '../../../domain/scoring/score';
import { ScoreCell } from './ScoreCell';

interface RatedScope {
  referential: Referential;
  scope: readonly Criterion[];
  ratings: ReadonlyMap<string, Rating>;
}

// Each computed in its own section (see GapsSection).
export function Iso9001ReadinessSection({ referential, scope, ratings, exclusions }: RatedScope & { exclusions: readonly IsoExclusion[] | undefined }) {
  const rows = useMemo(() => iso9001Readiness(referential, scope, ratings, exclusions), [referential, scope, ratings, exclusions]);
  return <ReadinessTable id="iso9001" title="Préparation ISO 9001, article par article" header="Article ISO 9001" rows={rows} />;
}

export function Iso26000ReadinessSection({ referential, scope, ratings }: RatedScope) {
  const rows = useMemo(() => iso26000Readiness(referential, scope, ratings), [referential, scope, ratings]);
  return <ReadinessTable id="iso26000" title="Regard CAP RSE : questions centrales ISO 26000" header="Question centrale" rows={rows} />;
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

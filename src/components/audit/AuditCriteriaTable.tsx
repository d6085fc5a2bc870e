import { formatGap, type CriterionGap, type LayerComparison } from '../../domain/audit/layers';
import type { Audit, AuditRating, EvidenceSummary } from '../../domain/audit/model';
import type { Rating } from '../../domain/evaluation/model';
import { DIVERGENCE_THRESHOLD } from '../../domain/perspectives/views';
import type { Referential } from '../../domain/referential/model';
import { LevelOptions, levelSelectValue, parseLevelSelect, type LevelSelectValue } from '../workspace/LevelSelect';
import { useOptimisticValue } from '../workspace/use-optimistic-value';

type LevelChange = Pick<AuditRating, 'level' | 'notApplicable'>;

interface Props {
  referential: Referential;
  audit: Audit;
  comparison: LayerComparison;
  /** The evidence the audited structure lists, shown beside each criterion for the auditor to ask for. */
  evidence: EvidenceSummary[];
  withSelf: boolean;
  readOnly: boolean;
  onLevel: (criterionCode: string, change: LevelChange) => void;
}

/** Criterion by criterion: the team's level, the auditor's (chosen here), and the gap; 2 levels apart or more stands out. */
export function AuditCriteriaTable({ referential, comparison, evidence, withSelf, readOnly, onLevel }: Props) {
  const label = (rating: Rating | undefined) =>
    !rating ? '—' : rating.notApplicable ? 'Non applicable' : rating.level === null ? '—' : `${rating.level} – ${referential.scale.levels[rating.level]?.label}`;
  return (
    <table className="audit-criteria">
      <caption>Niveau de l'auditeur pour chaque critère{withSelf ? ", à côté de l'auto-évaluation" : ''}</caption>
      <thead>
        <tr>
          <th scope="col">Critère</th>
          <th scope="col">Preuves annoncées</th>
          {withSelf && <th scope="col">Auto-évaluation</th>}
          <th scope="col">Auditeur</th>
          {withSelf && <th scope="col">Écart</th>}
        </tr>
      </thead>
      <tbody>
        {comparison.criteria.map((row) => (
          <tr key={row.criterion.code} className={row.gap !== null && Math.abs(row.gap) >= DIVERGENCE_THRESHOLD ? 'wide-gap' : undefined}>
            <th scope="row">
              <span className="code">{row.criterion.code}</span> {row.criterion.title}
            </th>
            <td>
              <EvidenceList items={evidence.filter((e) => e.criterionCode === row.criterion.code)} />
            </td>
            {withSelf && <td>{label(row.self)}</td>}
            <td>{readOnly ? label(row.auditor) : <AuditorLevel referential={referential} row={row} onLevel={onLevel} />}</td>
            {withSelf && (
              <td>
                {formatGap(row.gap)}
                {row.gap !== null && Math.abs(row.gap) >= DIVERGENCE_THRESHOLD && <span className="tag"> à discuter</span>}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EvidenceList({ items }: { items: EvidenceSummary[] }) {
  if (items.length === 0) return <>—</>;
  return (
    <ul className="compact">
      {items.map((e, i) => (
        <li key={`${e.title}-${i}`}>
          {e.title}
          {e.fileName && <span className="muted"> ({e.fileName})</span>}
        </li>
      ))}
    </ul>
  );
}

function AuditorLevel({ referential, row, onLevel }: { referential: Referential; row: CriterionGap; onLevel: Props['onLevel'] }) {
  const stored = levelSelectValue(row.auditor && { level: row.auditor.level, notApplicable: row.auditor.notApplicable !== null });
  const [shown, show] = useOptimisticValue(stored);
  return (
    <select
      aria-label={`Niveau de l'auditeur pour le critère ${row.criterion.code}`}
      value={shown}
      onChange={(e) => {
        const value = e.target.value as LevelSelectValue;
        show(value);
        onLevel(row.criterion.code, parseLevelSelect(value));
      }}
    >
      <LevelOptions referential={referential} emptyLabel="— non noté —" />
    </select>
  );
}

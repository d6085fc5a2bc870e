import { useMemo } from 'react';
import { formatGap, type CriterionGap, type LayerComparison } from '../../domain/audit/layers';
import type { Audit, AuditRating, EvidenceSummary } from '../../domain/audit/model';
import type { Rating } from '../../domain/evaluation/model';
import { DIVERGENCE_THRESHOLD } from '../../domain/perspectives/views';
import { levelName } from '../../domain/referential/lookup';
import type { Referential } from '../../domain/referential/model';
import { LevelOptions, levelSelectValue, parseLevelSelect, type LevelSelectValue } from '../workspace/LevelSelect';
import { COMMENT_MAX } from '../../domain/evaluation/rules';
import { AutosaveTextarea } from '../workspace/AutosaveTextarea';
import { useOptimisticValue } from '../workspace/use-optimistic-value';
import { useStagedRows } from '../workspace/staged-count';
import { TableRegion } from '../TableRegion';

type AuditorChange = Partial<Pick<AuditRating, 'level' | 'notApplicable' | 'comment'>>;

interface Props {
  referential: Referential;
  audit: Audit;
  comparison: LayerComparison;
  /** The evidence the audited structure lists, shown beside each criterion for the auditor to ask for. */
  evidence: EvidenceSummary[];
  withSelf: boolean;
  readOnly: boolean;
  /** Resolves to undefined when the change was not saved (what `track` gives on a failure). */
  onChange: (criterionCode: string, change: AuditorChange) => Promise<unknown>;
}

/** Criterion by criterion: the team's level, the auditor's (chosen here), and the gap; 2 levels apart or more stands out. */
export function AuditCriteriaTable({ referential, comparison, evidence, withSelf, readOnly, onChange }: Props) {
  // Grouped once, not filtered anew for each of the criteria.
  const evidenceByCode = useMemo(() => {
    const byCode = new Map<string, EvidenceSummary[]>();
    for (const e of evidence) byCode.set(e.criterionCode, [...(byCode.get(e.criterionCode) ?? []), e]);
    return byCode;
  }, [evidence]);
  // The whole referential, each row with its level and comment fields: the rows arrive in stages.
  const shown = useStagedRows(comparison.criteria.length);
  const label = (rating: Rating | undefined) =>
    !rating ? '—' : rating.notApplicable ? 'Non applicable' : rating.level === null ? '—' : levelName(referential, rating.level);
  return (
    <TableRegion label="Niveau de l'auditeur pour chaque critère">
      <table className="audit-criteria">
        <caption>Niveau de l'auditeur pour chaque critère{withSelf ? ", à côté de l'auto-évaluation" : ''}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-criterion">Critère</th>
            <th scope="col" className="col-evidence">Preuves annoncées</th>
            {withSelf && <th scope="col" className="col-self">Auto-évaluation</th>}
            <th scope="col">Auditeur</th>
            {withSelf && <th scope="col" className="col-gap">Écart</th>}
          </tr>
        </thead>
        <tbody>
          {comparison.criteria.slice(0, shown).map((row) => (
            <tr key={row.criterion.code} className={row.gap !== null && Math.abs(row.gap) >= DIVERGENCE_THRESHOLD ? 'wide-gap' : undefined}>
              <th scope="row">
                <span className="code">{row.criterion.code}</span> {row.criterion.title}
              </th>
              <td>
                <EvidenceList items={evidenceByCode.get(row.criterion.code) ?? []} />
              </td>
              {withSelf && <td>{label(row.self)}</td>}
              <td>
                {readOnly ? (
                  <>
                    {label(row.auditor)}
                    {row.auditor?.comment && <p className="prewrap muted">{row.auditor.comment}</p>}
                  </>
                ) : (
                  <AuditorEntry referential={referential} row={row} onChange={onChange} />
                )}
              </td>
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
    </TableRegion>
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

/** The auditor's level and a short comment for one criterion, each saved at once. */
function AuditorEntry({ referential, row, onChange }: { referential: Referential; row: CriterionGap; onChange: Props['onChange'] }) {
  const code = row.criterion.code;
  const stored = levelSelectValue(row.auditor && { level: row.auditor.level, notApplicable: row.auditor.notApplicable !== null });
  const [shown, show] = useOptimisticValue(stored);
  return (
    <>
      <select
        aria-label={`Niveau de l'auditeur pour le critère ${code}`}
        value={shown}
        onChange={(e) => {
          const value = e.target.value as LevelSelectValue;
          show(value);
          void onChange(code, parseLevelSelect(value));
        }}
      >
        <LevelOptions referential={referential} emptyLabel="— non noté —" />
      </select>
      <label className="visually-hidden" htmlFor={`auditor-comment-${code}`}>
        Commentaire de l'auditeur pour le critère {code}
      </label>
      <AutosaveTextarea id={`auditor-comment-${code}`} rows={1} maxLength={COMMENT_MAX} value={row.auditor?.comment ?? ''} onCommit={(comment) => onChange(code, { comment })} />
    </>
  );
}

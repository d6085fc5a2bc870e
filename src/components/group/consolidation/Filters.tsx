import { Field } from '../../workspace/Field';
import type { MemberFilters } from '../../../domain/group/consolidation';
import {
  CONVENTIONNEMENTS,
  CONVENTIONNEMENT_LABELS,
  LEGAL_FORMS,
  LEGAL_FORM_LABELS,
  type Conventionnement,
  type LegalForm,
} from '../../../domain/structure/profile';

/** Region, conventionnement, legal form: every figure of the view follows them. */
export function Filters(props: { filters: MemberFilters; regions: readonly string[]; shown: number; total: number; onChange: (filters: MemberFilters) => void }) {
  const { filters, onChange } = props;
  const filtered = filters.region !== '' || filters.conventionnement !== '' || filters.legalForm !== '';
  return (
    <section className="panel" aria-labelledby="filters-title">
      <h2 id="filters-title">Filtres</h2>
      <div className="field-row">
        <Field id="filter-region" label="Région">
          <select id="filter-region" value={filters.region} onChange={(e) => onChange({ ...filters, region: e.target.value })}>
            <option value="">Toutes les régions</option>
            {props.regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-conventionnement" label="Conventionnement">
          <select
            id="filter-conventionnement"
            value={filters.conventionnement}
            onChange={(e) => onChange({ ...filters, conventionnement: e.target.value as Conventionnement | '' })}
          >
            <option value="">Tous les conventionnements</option>
            {CONVENTIONNEMENTS.map((c) => (
              <option key={c} value={c}>
                {c} — {CONVENTIONNEMENT_LABELS[c]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-legal-form" label="Forme juridique">
          <select id="filter-legal-form" value={filters.legalForm} onChange={(e) => onChange({ ...filters, legalForm: e.target.value as LegalForm | '' })}>
            <option value="">Toutes les formes</option>
            {LEGAL_FORMS.map((f) => (
              <option key={f} value={f}>
                {LEGAL_FORM_LABELS[f]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p role="status">
        <strong>
          {props.shown} membre{props.shown > 1 ? 's' : ''} sur {props.total}
        </strong>
        {filtered && ' : les chiffres ci-dessous ne portent que sur eux.'}
      </p>
      {filtered && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => onChange({ region: '', conventionnement: '', legalForm: '' })}>
            Retirer les filtres
          </button>
        </div>
      )}
    </section>
  );
}

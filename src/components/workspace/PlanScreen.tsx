import { lazy, Suspense, useMemo, useState } from 'react';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, isOverdue, PRIORITY_LABELS, quarterOf, type ActionStatus, type ProgressAction } from '../../domain/plan/model';
import { suggestActions } from '../../domain/plan/suggest';
import { compareCodes } from '../../domain/referential/codes';
import type { Referential } from '../../domain/referential/model';
import { database } from '../../storage/instance';
import { acceptSuggestion, addAction, deleteAction, dismissSuggestion, restoreSuggestion, updateAction } from '../../storage/plan';
import { CampaignHeader, CampaignMissing } from './CampaignHeader';
import { downloadBlob, downloadText, fileSlug } from './download';
import { csvOf, planTable, ratingsTable } from './exports';
import { track } from './save-status';
import { campaignIdFromUrl, startCampaignQueries, useCampaign } from './use-campaign';
import { campaignVersion, PinnedIsland } from './PinnedIsland';
import { frenchShortDate } from '../../domain/french-date';
import { TableRegion } from '../TableRegion';

// The action form (react-hook-form + zod) loads when the team writes or edits an action.
const ActionForm = lazy(() => import('./ActionForm').then((m) => ({ default: m.ActionForm })));

/** /espace/plan/?id=… — suggestions drawn from the gaps, the actions, their follow-up, CSV exports. */
// The campaign's records are read as this code loads, beside the referential and the database opening.
if (typeof window !== 'undefined') startCampaignQueries(campaignIdFromUrl());

export default function PlanScreen() {
  const campaignId = campaignIdFromUrl();
  return <PinnedIsland versionOf={campaignVersion(campaignId)}>{(referential) => <Plan referential={referential} campaignId={campaignId} />}</PinnedIsland>;
}

type Editing = { kind: 'new' } | { kind: 'edit'; id: string } | null;
const today = () => new Date().toISOString().slice(0, 10);

function Plan({ referential, campaignId }: { referential: Referential; campaignId: string }) {
  const { campaign, structure, scope, ratings, evidence, actions, dismissals, missing, loading } = useCampaign(referential, campaignId);
  const [editing, setEditing] = useState<Editing>(null);
  // The live query shows the saved action before the save resolves; a form opened meanwhile stays open.
  const closeIf = (still: (e: NonNullable<Editing>) => boolean) => setEditing((e) => (e && still(e) ? null : e));
  const [filters, setFilters] = useState({ theme: '', owner: '', status: '' });
  const db = database();
  const dismissed = useMemo(() => new Set(dismissals.map((d) => d.criterionCode)), [dismissals]);
  const suggestions = useMemo(() => suggestActions(referential, scope, ratings, { actions, dismissed }), [referential, scope, ratings, actions, dismissed]);

  if (missing) return <CampaignMissing />;
  if (loading || !campaign || !structure) return <p>Chargement du plan de progrès…</p>;

  const owners = [...new Set(actions.map((a) => a.owner).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'fr'));
  const themeOfAction = (a: ProgressAction) => new Set(a.criterionCodes.map((c) => c.split('.')[0]));
  const shown = actions
    .filter((a) => !filters.theme || themeOfAction(a).has(filters.theme))
    .filter((a) => !filters.owner || a.owner === filters.owner)
    .filter((a) => !filters.status || a.status === filters.status)
    .sort((a, b) => (a.dueDate || '9999').localeCompare(b.dueDate || '9999') || a.title.localeCompare(b.title, 'fr'));
  const day = today();
  const overdue = actions.filter((a) => isOverdue(a, day)).length;
  const quarters = [...new Set(shown.map((a) => quarterOf(a.dueDate)))].sort((a, b) => sortQuarter(a) - sortQuarter(b));
  const slug = `${fileSlug(structure.name)}-${campaign.date}`;
  const notesTable = () => ratingsTable(referential, structure, campaign, scope, ratings, evidence);

  return (
    <div className="plan">
      <CampaignHeader referential={referential} campaign={campaign} structure={structure}>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => downloadText(`cap-progres-notes-${slug}.csv`, csvOf(notesTable()), 'text/csv;charset=utf-8')}>
            Exporter les notes (CSV)
          </button>
          <button type="button" className="secondary" onClick={() => downloadText(`cap-progres-plan-${slug}.csv`, csvOf(planTable(shown)), 'text/csv;charset=utf-8')}>
            Exporter le plan (CSV)
          </button>
          <button
            type="button"
            className="secondary"
            onClick={async () => {
              const { workbook } = await import('./xlsx');
              downloadBlob(`cap-progres-${slug}.xlsx`, await workbook(notesTable(), planTable(actions)));
            }}
          >
            Exporter notes et plan (Excel .xlsx)
          </button>
        </div>
      </CampaignHeader>

      <section aria-labelledby="suggestions-title">
        <h2 id="suggestions-title">Suggestions tirées des écarts ({suggestions.length})</h2>
        <p className="muted">
          Priorité : exigences réglementaires à 0 ou 1 d'abord, puis poids × écart au niveau visé (3 – Déployé). Chaque suggestion
          propose une action à partir du niveau suivant du critère ; acceptez-la pour la compléter, ou écartez-la.
        </p>
        {suggestions.length === 0 ? (
          <p>Aucune suggestion : évaluez des critères, ou tous les écarts sont déjà traités.</p>
        ) : (
          <ul className="suggestions">
            {suggestions.map((s) => (
              <li key={s.criterion.code} className="panel">
                <p>
                  <strong>{s.draft.title}</strong>
                </p>
                <p className="muted">
                  Niveau actuel {s.level}, objectif {s.targetLevel} · poids {s.criterion.weight} · priorité {PRIORITY_LABELS[s.priority].toLowerCase()}
                  {s.regulatoryAlert && ' · exigence réglementaire'}
                </p>
                <p>{s.draft.notes}</p>
                <div className="actions">
                  <button type="button" onClick={() => void track(acceptSuggestion(db, campaign.id, s))}>
                    Accepter<span className="visually-hidden"> la suggestion {s.criterion.code}</span>
                  </button>
                  <button type="button" className="secondary" onClick={() => void track(dismissSuggestion(db, campaign.id, s.criterion.code))}>
                    Écarter<span className="visually-hidden"> la suggestion {s.criterion.code}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
        {dismissed.size > 0 && (
          <details>
            <summary>Suggestions écartées ({dismissed.size})</summary>
            <ul>
              {[...dismissed].sort(compareCodes).map((code) => (
                <li key={code}>
                  {code}{' '}
                  <button type="button" className="secondary small" onClick={() => void track(restoreSuggestion(db, campaign.id, code))}>
                    Rétablir<span className="visually-hidden"> la suggestion {code}</span>
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">Actions ({actions.length})</h2>
        {overdue > 0 && <p className="notice notice-warning">{overdue} action(s) en retard sur leur échéance.</p>}
        <div className="field-row filters" role="group" aria-label="Filtrer les actions">
          <FilterSelect id="filter-theme" label="Thème" value={filters.theme} onChange={(theme) => setFilters({ ...filters, theme })} options={referential.themes.map((t) => [t.code, t.title])} />
          <FilterSelect id="filter-owner" label="Pilote" value={filters.owner} onChange={(owner) => setFilters({ ...filters, owner })} options={owners.map((o) => [o, o])} />
          <FilterSelect id="filter-status" label="Statut" value={filters.status} onChange={(status) => setFilters({ ...filters, status })} options={ACTION_STATUSES.map((s) => [s, ACTION_STATUS_LABELS[s]])} />
        </div>
        {editing?.kind === 'new' ? (
          <Suspense fallback={<p>Chargement du formulaire…</p>}>
            <ActionForm
              scope={scope}
              onCancel={() => setEditing(null)}
              onSubmit={async (values) => {
                await track(addAction(db, campaign.id, values));
                closeIf((e) => e.kind === 'new');
              }}
            />
          </Suspense>
        ) : (
          <button type="button" onClick={() => setEditing({ kind: 'new' })}>Nouvelle action</button>
        )}
        {shown.length > 0 && (
          <TableRegion label="Actions du plan de progrès">
            <table className="plan-table">
              <caption>Actions du plan de progrès{shown.length < actions.length ? ` (${shown.length} sur ${actions.length}, filtrées)` : ''}</caption>
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Critères</th>
                  <th scope="col">Pilote</th>
                  <th scope="col">Échéance</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Priorité</th>
                  <th scope="col">Gérer</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((a) =>
                  editing?.kind === 'edit' && editing.id === a.id ? (
                    <tr key={a.id}>
                      <td colSpan={7}>
                        <Suspense fallback={<p>Chargement du formulaire…</p>}>
                          <ActionForm
                            action={a}
                            scope={scope}
                            onCancel={() => setEditing(null)}
                            onSubmit={async (values) => {
                              await track(updateAction(db, a.id, values));
                              closeIf((e) => e.kind === 'edit' && e.id === a.id);
                            }}
                          />
                        </Suspense>
                      </td>
                    </tr>
                  ) : (
                    <tr key={a.id} className={isOverdue(a, day) ? 'overdue' : undefined}>
                      <th scope="row">
                        {a.title}
                        {a.fromGroup && (
                          <span className="muted">
                            {' '}
                            <span className="badge">Imposée par le groupe</span> {a.fromGroup.group}
                            {a.fromGroup.reason && ` — ${a.fromGroup.reason}`}
                          </span>
                        )}
                        {a.indicator && <span className="muted"> — indicateur : {a.indicator}</span>}
                      </th>
                      <td>{a.criterionCodes.join(', ')}</td>
                      <td>{a.owner || '—'}</td>
                      <td>
                        {a.dueDate ? frenchShortDate(a.dueDate) : '—'}
                        {isOverdue(a, day) && <strong className="overdue-label"> En retard</strong>}
                      </td>
                      <td>
                        <label className="visually-hidden" htmlFor={`status-${a.id}`}>Statut de l'action {a.title}</label>
                        <select id={`status-${a.id}`} value={a.status} onChange={(e) => void track(updateAction(db, a.id, { status: e.target.value as ActionStatus }))}>
                          {ACTION_STATUSES.map((s) => (
                            <option key={s} value={s}>{ACTION_STATUS_LABELS[s]}</option>
                          ))}
                        </select>
                      </td>
                      <td>{PRIORITY_LABELS[a.priority]}</td>
                      <td>
                        <button type="button" className="secondary small" onClick={() => setEditing({ kind: 'edit', id: a.id })}>
                          Modifier<span className="visually-hidden"> l'action {a.title}</span>
                        </button>{' '}
                        <button
                          type="button"
                          className="danger small"
                          onClick={() => {
                            if (confirm(`Supprimer l'action « ${a.title} » ?`)) void track(deleteAction(db, a.id));
                          }}
                        >
                          Supprimer<span className="visually-hidden"> l'action {a.title}</span>
                        </button>
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>

      {shown.length > 0 && (
        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title">Calendrier par trimestre</h2>
          <ol className="timeline">
            {quarters.map((quarter) => (
              <li key={quarter}>
                <h3>{quarter}</h3>
                <ul>
                  {shown
                    .filter((a) => quarterOf(a.dueDate) === quarter)
                    .map((a) => (
                      <li key={a.id}>
                        {a.title} <span className="muted">({ACTION_STATUS_LABELS[a.status].toLowerCase()}{a.owner && `, ${a.owner}`})</span>
                        {isOverdue(a, day) && <strong className="overdue-label"> En retard</strong>}
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

function sortQuarter(label: string): number {
  const m = /^T(\d) (\d{4})$/.exec(label);
  return m ? Number(m[2]) * 10 + Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

function FilterSelect(props: { id: string; label: string; value: string; onChange: (v: string) => void; options: [string, string][] }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">Tous</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>{label}</option>
        ))}
      </select>
    </div>
  );
}

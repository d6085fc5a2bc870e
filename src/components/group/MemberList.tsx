import { centralShare, type GroupConsole, type HeldShare } from '../../domain/group/console-model';
import { memberRow } from '../../domain/group/consolidation';
import { describeProfile } from '../../domain/structure/describe';
import { SHARE_DETAIL_LABELS } from '../../domain/group/share-model';
import { frenchDate } from '../../domain/french-date';
import { database } from '../../storage/instance';
import { removeMember } from '../../storage/group';
import { TableRegion } from '../TableRegion';

/** The members as their latest shares describe them, with their group agreement (eligibility under IAF MD 1). */
export function MemberList({ group, shares, today }: { group: GroupConsole; shares: readonly HeldShare[]; today: string }) {
  const central = centralShare(shares, group);
  const rows = shares.map((h) => memberRow(h, today, central)).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">Membres ({rows.length})</h2>
      {rows.length === 0 ? (
        <p>Aucun partage importé : chaque membre exporte le sien depuis Mon espace (« Partage avec le groupe »).</p>
      ) : (
        <TableRegion label="Membres du groupe">
          <table>
            <caption>Membres de « {group.name} », d'après leur dernier partage</caption>
            <thead>
              <tr>
                <th scope="col">Structure</th>
                <th scope="col">Profil</th>
                <th scope="col">Région</th>
                {group.mode === 'certification' && <th scope="col">Convention d'adhésion</th>}
                <th scope="col">Dernière auto-évaluation</th>
                <th scope="col">Partage</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.structureId}>
                  <th scope="row">
                    {r.name}
                    {r.isCentral && ' (fonction centrale)'}
                    {r.siret && <span className="muted"> · SIRET {r.siret}</span>}
                  </th>
                  <td>{describeProfile(r.held.content.structure)}</td>
                  <td>{r.region || '—'}</td>
                  {group.mode === 'certification' && (
                    <td>{r.agreementDate ? `signée le ${frenchDate(r.agreementDate)}` : <strong>non renseignée : membre non éligible (IAF MD 1)</strong>}</td>
                  )}
                  <td>
                    {frenchDate(r.latest.date)}
                    {r.stale && <strong> — plus de 12 mois</strong>}
                  </td>
                  <td>
                    du {frenchDate(r.exportedAt)} · {SHARE_DETAIL_LABELS[r.held.content.detail]}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="danger small"
                      onClick={() => {
                        if (confirm(`Retirer « ${r.name} » de la console ? Son partage, ses audits planifiés et ses auditeurs du vivier seront supprimés de ce navigateur.`)) {
                          void removeMember(database(), r.structureId);
                        }
                      }}
                    >
                      Retirer<span className="visually-hidden"> {r.name} de la console</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

import { useState } from 'react';
import type { HeldShare, NcExtension } from '../../../domain/group/console-model';
import { CLOSURE_LABELS, closureByMember, type ClosureStatus } from '../../../domain/group/extension';
import { FINDING_KIND_LABELS } from '../../../domain/audit/model';
import { PRIORITY_LABELS } from '../../../domain/plan/model';
import { frenchDate } from '../../../domain/french-date';
import { OutcomeMessage, type Outcome } from '../../workspace/OutcomeMessage';
import { closureSummary, type HeldNonConformity } from './held-non-conformities';
import { describeError } from '../../../storage/errors';
import { TableRegion } from '../../TableRegion';

const OPEN: readonly ClosureStatus[] = ['a_envoyer', 'envoyee', 'a_lancer', 'en_cours'];

/**
 * One extension: its analysis, the action imposed, and member by member where the action stands (from each member's
 * latest share), with the sealed file to send each of them.
 */
export function ExtensionFollowUp(props: {
  extension: NcExtension;
  /** The source finding as the shares carry it; null when no share carries it any more. */
  nc: HeldNonConformity | null;
  shares: ReadonlyMap<string, HeldShare>;
  today: string;
  onDownload: (extension: NcExtension, member: HeldShare) => Promise<void>;
  /** Through the network's server, when the console is linked to it. */
  onSend?: ((extension: NcExtension, member: HeldShare) => Promise<void>) | undefined;
  onEdit: (() => void) | null;
  onRemove: () => void;
}) {
  const { extension: e, nc, shares, today } = props;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const closure = closureByMember(e, shares);
  const done = closure.filter((c) => c.status === 'realisee').length;
  const why = new Map(e.affected.map((a) => [a.structureId, a.why]));
  const title = nc
    ? `${FINDING_KIND_LABELS[nc.finding.kind]} chez ${nc.memberName}${nc.finding.clause ? ` (ISO 9001 ${nc.finding.clause})` : ''}`
    : `Non-conformité que les partages ne portent plus${e.action.clause ? ` (ISO 9001 ${e.action.clause})` : ''}`;

  async function download(member: HeldShare) {
    setOutcome({
      kind: 'busy',
      text: `Préparation du fichier pour « ${member.content.structure.name} »…`,
    });
    try {
      await props.onDownload(e, member);
      setOutcome({
        kind: 'done',
        text: `Fichier d'actions imposées pour « ${member.content.structure.name} » téléchargé : envoyez-le lui, elle l'importe depuis Mon espace.`,
      });
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(error) });
    }
  }

  async function send(member: HeldShare) {
    const name = member.content.structure.name;
    setOutcome({ kind: 'busy', text: `Envoi par le serveur à « ${name} »…` });
    try {
      await props.onSend!(e, member);
      setOutcome({ kind: 'done', text: `Actions imposées envoyées par le serveur à « ${name} » : elles entrent dans son plan de progrès à sa prochaine synchronisation.` });
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(error) });
    }
  }

  return (
    <section className="panel extension" id={`ext-${e.id}`} aria-labelledby={`ext-${e.id}-title`} tabIndex={-1}>
      <h3 id={`ext-${e.id}-title`}>{title}</h3>
      <p>
        <strong>{closureSummary(done, closure.length)}</strong>
        {closure.length > 0 && done === closure.length && ' : extension close.'}
      </p>
      <dl className="facts">
        <dt>Systémique</dt>
        <dd>{e.systemic ? 'Oui' : 'Non'}</dd>
        <dt>Analyse</dt>
        <dd className="prewrap">{e.analysis}</dd>
        <dt>Autres structures non concernées parce que</dt>
        <dd className="prewrap">{e.othersNotAffectedBecause || '—'}</dd>
        <dt>Action imposée</dt>
        <dd>
          <strong>{e.action.title || '—'}</strong>
          {e.action.description && (
            <span className="prewrap">
              <br />
              {e.action.description}
            </span>
          )}
          <br />
          Motif : {e.action.reason || '—'}
          <br />
          Priorité {PRIORITY_LABELS[e.action.priority].toLowerCase()}
          {e.action.dueDate && `, échéance le ${frenchDate(e.action.dueDate)}`}
          {e.action.criterionCodes.length > 0 && `, critères ${e.action.criterionCodes.join(', ')}`}
        </dd>
        <dt>Analyse enregistrée</dt>
        <dd>le {frenchDate(e.updatedAt)}</dd>
      </dl>
      {closure.length === 0 ? (
        <p>Aucune structure concernée : aucune action imposée.</p>
      ) : (
        <TableRegion label="Suivi de l'action imposée">
          <table>
            <caption>Suivi de l'action imposée, structure par structure (d'après leur dernier partage)</caption>
            <thead>
              <tr>
                <th scope="col">Structure</th>
                <th scope="col">Pourquoi concernée</th>
                <th scope="col">Suivi</th>
                <th scope="col">Échéance</th>
                <th scope="col">Envoi</th>
              </tr>
            </thead>
            <tbody>
              {closure.map((c) => {
                const member = shares.get(c.structureId);
                const sentAt = e.imposed.find((i) => i.structureId === c.structureId)?.sentAt ?? null;
                const late = c.dueDate !== '' && c.dueDate < today && OPEN.includes(c.status);
                return (
                  <tr key={c.structureId}>
                    <th scope="row">{c.name}</th>
                    <td>{why.get(c.structureId) || '—'}</td>
                    <td>
                      {CLOSURE_LABELS[c.status]}
                      {sentAt && c.status === 'envoyee' && ` (le ${frenchDate(sentAt)})`}
                    </td>
                    <td>
                      {c.dueDate ? frenchDate(c.dueDate) : '—'}
                      {late && <strong className="overdue-label"> — en retard</strong>}
                    </td>
                    <td>
                      {member ? (
                        <button type="button" className={sentAt ? 'secondary small' : 'small'} onClick={() => void download(member)}>
                          Télécharger le fichier d'actions imposées
                          <span className="visually-hidden"> pour {c.name}</span>
                        </button>
                      ) : (
                        'Membre retiré de la console'
                      )}
                      {member && props.onSend && (
                        <button type="button" className="secondary small" onClick={() => void send(member)}>
                          Envoyer par le serveur
                          <span className="visually-hidden"> à {c.name}</span>
                        </button>
                      )}
                      {sentAt && <span className="muted"> · envoyé le {frenchDate(sentAt)}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      <OutcomeMessage outcome={outcome} />
      <div className="actions">
        {props.onEdit && (
          <button type="button" className="secondary" onClick={props.onEdit}>
            Modifier l'analyse
          </button>
        )}
        <button type="button" className="danger" onClick={props.onRemove}>
          Supprimer l'analyse
        </button>
      </div>
    </section>
  );
}

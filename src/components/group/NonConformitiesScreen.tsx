import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Referential } from '../../domain/referential/model';
import type { HeldShare, NcExtension } from '../../domain/group/console-model';
import { imposedActionsContent } from '../../domain/group/extension';
import { newId } from '../../domain/evaluation/ids';
import { database } from '../../storage/instance';
import { markImposedSent, removeExtension, saveExtension } from '../../storage/group';
import { readCentralSyncs } from '../../storage/sync/group-settings';
import { describeError } from '../../storage/errors';
import { downloadText, fileSlug } from '../workspace/download';
import { OutcomeMessage, type Outcome } from '../workspace/OutcomeMessage';
import { GroupIsland } from './GroupIsland';
import type { GroupData } from '../../storage/group';
import { todayIso } from './use-group';
import { heldNonConformities, orphanExtensions, type HeldNonConformity } from './extension/held-non-conformities';
import { draftOf, extensionFromDraft, newDraft, type ExtensionDraft } from './extension/draft';
import { NonConformityTable } from './extension/NonConformityTable';
import { ExtensionForm } from './extension/ExtensionForm';
import { ExtensionFollowUp } from './extension/ExtensionFollowUp';

/** /groupe/non-conformites/ — members' non-conformities, their extension to the group, and the actions imposées. */
export default function NonConformitiesScreen() {
  return <GroupIsland current="/groupe/non-conformites/">{(referential, data) => <Screen referential={referential} data={data} />}</GroupIsland>;
}

type Data = GroupData & { group: NonNullable<GroupData['group']> };

function Screen({ referential, data }: { referential: Referential; data: Data }) {
  const { group, shares, extensions } = data;
  const [editing, setEditing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const byMember = useMemo(() => new Map(shares.map((h) => [h.structureId, h])), [shares]);
  const list = useMemo(() => heldNonConformities(shares, extensions), [shares, extensions]);
  const orphans = useMemo(() => orphanExtensions(list, extensions), [list, extensions]);
  const knownCodes = useMemo(() => new Set(referential.criteria.map((c) => c.code)), [referential]);
  // Linked to the network's server (console home): imposed actions can go through it.
  const link = useLiveQuery(async () => (await readCentralSyncs(database()))[0] ?? null, []);
  const today = todayIso();

  const editedNc = editing === null ? null : (list.find((nc) => nc.key === editing) ?? null);

  // Back from the form, or after a removal: where the eye and the keyboard resume, once the live data shows it.
  useEffect(() => {
    if (editedNc !== null || focusId === null) return;
    const target = document.getElementById(focusId);
    if (!target) return;
    target.focus();
    setFocusId(null);
  }, [editedNc, focusId, extensions]);

  const analyse = (key: string) => {
    setOutcome(null);
    setEditing(key);
  };

  if (editedNc) {
    const members = membersFor(editedNc, shares);
    return (
      <>
        <OutcomeMessage outcome={outcome} />
        <ExtensionForm
          key={editedNc.key}
          nc={editedNc}
          initial={editedNc.extension ? draftOf(editedNc.extension) : newDraft(editedNc)}
          members={members}
          knownCodes={knownCodes}
          saved={editedNc.extension}
          onCancel={() => {
            setEditing(null);
            setFocusId(editedNc.extension ? `ext-${editedNc.extension.id}` : 'nc-list-title');
          }}
          onSave={async (draft: ExtensionDraft) => {
            try {
              const values = extensionFromDraft(
                draft,
                members.map((m) => m.id),
                editedNc.extension,
                newId,
              );
              const saved = await saveExtension(database(), values);
              setOutcome({
                kind: 'ok',
                text:
                  saved.imposed.length > 0
                    ? `Analyse enregistrée. Téléchargez le fichier d'actions imposées de chacune des ${saved.imposed.length} structure(s) concernée(s) et envoyez-le lui.`
                    : 'Analyse enregistrée : aucune structure concernée, aucune action imposée.',
              });
              setEditing(null);
              setFocusId(`ext-${saved.id}`);
            } catch (error) {
              setOutcome({ kind: 'error', text: describeError(error) });
            }
          }}
        />
      </>
    );
  }

  /** The sealed file of one member's imposed actions, as the file and the server both carry it. */
  async function imposedFile(extension: NcExtension, member: HeldShare) {
    const now = new Date().toISOString();
    const s = member.content.structure;
    const content = imposedActionsContent(extension, { id: s.id, name: s.name, siret: s.siret }, group.name, now, newId());
    // Sealing (SHA-256 over canonical JSON) loads with the first download.
    const { sealImposedActions } = await import('../../domain/group/feedback-content');
    return { now, file: await sealImposedActions(content, referential.version, now) };
  }

  async function download(extension: NcExtension, member: HeldShare) {
    const { now, file } = await imposedFile(extension, member);
    downloadText(`cap-progres-actions-imposees-${fileSlug(member.content.structure.name)}-${now.slice(0, 10)}.json`, JSON.stringify(file, null, 1));
    await markImposedSent(database(), extension.id, member.structureId, now);
  }

  async function send(extension: NcExtension, member: HeldShare) {
    if (!link) return;
    const { now, file } = await imposedFile(extension, member);
    const { sendImposedActions } = await import('../../storage/sync/central');
    await sendImposedActions({ server: link.server, structureId: member.structureId, structureName: member.content.structure.name, extensionId: extension.id, file });
    await markImposedSent(database(), extension.id, member.structureId, now);
  }

  function remove(extension: NcExtension, label: string) {
    const sent = extension.imposed.filter((i) => i.sentAt).length;
    const warning =
      sent > 0
        ? ` ${sent} structure(s) ont déjà reçu leur fichier : elles gardent l'action dans leur plan, mais la console ne suivra plus sa réalisation.`
        : '';
    if (!confirm(`Supprimer l'analyse d'extension « ${label} » ?${warning}`)) return;
    removeExtension(database(), extension.id).then(
      () => {
        setOutcome({ kind: 'ok', text: 'Analyse d’extension supprimée.' });
        setFocusId('extensions-title');
      },
      (error: unknown) => setOutcome({ kind: 'error', text: describeError(error) }),
    );
  }

  const followed = [
    ...list.filter((nc) => nc.extension).map((nc) => ({ extension: nc.extension!, nc })),
    ...orphans.map((extension) => ({ extension, nc: null })),
  ];
  return (
    <>
      <OutcomeMessage outcome={outcome} />
      <section aria-labelledby="nc-list-title">
        <h2 id="nc-list-title" tabIndex={-1}>
          Non-conformités des membres
        </h2>
        <p>
          Pour une non-conformité relevée chez un membre, la fonction centrale dit si elle est systémique, quelles structures sont concernées et pourquoi les
          autres ne le sont pas, puis impose une action corrective à chaque structure concernée et suit sa réalisation (IAF MD 1).
        </p>
        <NonConformityTable list={list} shares={byMember} referential={referential} onAnalyse={(nc) => analyse(nc.key)} />
      </section>
      <section aria-labelledby="extensions-title">
        <h2 id="extensions-title" tabIndex={-1}>
          Extensions et actions imposées ({followed.length})
        </h2>
        {followed.length === 0 ? (
          <p>Aucune analyse d'extension enregistrée.</p>
        ) : (
          followed.map(({ extension, nc }) => (
            <ExtensionFollowUp
              key={extension.id}
              extension={extension}
              nc={nc}
              shares={byMember}
              today={today}
              onDownload={download}
              onSend={link ? send : undefined}
              onEdit={nc ? () => analyse(nc.key) : null}
              onRemove={() => remove(extension, nc ? `${nc.memberName}${nc.finding.clause ? `, ISO 9001 ${nc.finding.clause}` : ''}` : extension.action.title)}
            />
          ))
        )}
      </section>
    </>
  );
}

/** The members the form lists: the source member first, then the others by name. */
function membersFor(nc: HeldNonConformity, shares: readonly HeldShare[]) {
  const all = shares.map((h) => ({
    id: h.structureId,
    name: h.content.structure.name,
  }));
  const source = all.filter((m) => m.id === nc.source.structureId);
  const others = all.filter((m) => m.id !== nc.source.structureId).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return [...source, ...others];
}

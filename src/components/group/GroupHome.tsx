import { useState } from 'react';
import { DatabaseIsland } from '../workspace/DatabaseIsland';
import { useGroupData, todayIso } from './use-group';
import { GroupNav } from './GroupNav';
import { GroupForm } from './GroupForm';
import { ShareImport } from './ShareImport';
import { MemberList } from './MemberList';
import { BlockingMajorAlert } from './BlockingMajorAlert';
import { CONSOLE_MODE_LABELS } from '../../domain/group/console-model';
import { AUDIT_LABELS } from '../../domain/group/sampling';
import { frenchDate } from '../../domain/french-date';
import { database } from '../../storage/instance';
import { saveConsole } from '../../storage/group';
import { describeError } from '../../storage/errors';
import { OutcomeMessage, type Outcome } from '../workspace/OutcomeMessage';
import { ConsoleBackup } from './ConsoleBackup';
import { ServerPanel } from './ServerPanel';

/**
 * /groupe/ — the group (or follow-up), its members as their shares describe them, and the import of shares. The
 * current referential's version (stamped on the console's backup) comes with the page.
 */
export default function GroupHome({ referentialVersion }: { referentialVersion: string }) {
  return (
    <DatabaseIsland>
      <Home referentialVersion={referentialVersion} />
    </DatabaseIsland>
  );
}

function Home({ referentialVersion }: { referentialVersion: string }) {
  const data = useGroupData();
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (!data) return <p>Chargement de la console…</p>;
  const { group } = data;
  const save = async (values: Parameters<typeof saveConsole>[1]) => {
    try {
      await saveConsole(database(), values);
      setEditing(false);
      setOutcome({ kind: 'ok', text: 'Groupe enregistré.' });
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(error) });
    }
  };
  return (
    <>
      <GroupNav current="/groupe/" mode={group?.mode ?? 'certification'} />
      {group?.mode === 'certification' && <BlockingMajorAlert shares={data.shares} />}
      <OutcomeMessage outcome={outcome} />
      {!group || editing ? (
        <GroupForm group={group} onSave={save} onCancel={group ? () => setEditing(false) : undefined} />
      ) : (
        <section className="panel" aria-labelledby="group-title">
          <h2 id="group-title">{group.name}</h2>
          <dl className="facts">
            <dt>Usage</dt>
            <dd>{CONSOLE_MODE_LABELS[group.mode]}</dd>
            {group.mode === 'certification' && (
              <>
                <dt>Fonction centrale</dt>
                <dd>{group.centralFunction}</dd>
                <dt>Organisme certificateur</dt>
                <dd>{group.certificationBody || '—'}</dd>
                <dt>Cycle de certification</dt>
                <dd>{group.cycleStart ? `3 ans à partir du ${frenchDate(group.cycleStart)}` : 'non renseigné'}</dd>
                <dt>Audit à venir</dt>
                <dd>
                  {AUDIT_LABELS[group.currentAudit]}
                  {group.currentAuditDate && ` le ${frenchDate(group.currentAuditDate)}`}
                  {group.previousAuditDate && ` (dernier audit le ${frenchDate(group.previousAuditDate)})`}
                </dd>
              </>
            )}
          </dl>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setEditing(true)}>
              Modifier le groupe
            </button>
          </div>
        </section>
      )}
      {group && (
        <>
          <ShareImport />
          <ServerPanel />
          <MemberList group={group} shares={data.shares} today={todayIso()} />
        </>
      )}
      <ConsoleBackup referentialVersion={referentialVersion} hasConsole={group !== null} />
    </>
  );
}

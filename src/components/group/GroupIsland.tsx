import type { ReactNode } from 'react';
import type { Referential } from '../../domain/referential/model';
import { WorkspaceIsland } from '../workspace/WorkspaceIsland';
import type { GroupData } from '../../storage/group';
import { useGroupData } from './use-group';
import { GroupNav } from './GroupNav';
import { BlockingMajorAlert } from './BlockingMajorAlert';

/**
 * Every console screen: the referential, the database, the console's data, its tabs. A screen other than the
 * group's own asks to describe the group first.
 */
export function GroupIsland({ current, children }: { current: string; children: (referential: Referential, data: GroupData & { group: NonNullable<GroupData['group']> }) => ReactNode }) {
  return <WorkspaceIsland>{(referential) => <WithData referential={referential} current={current}>{children}</WithData>}</WorkspaceIsland>;
}

let dataMarked = false;
/** When the console's data first arrived, so `npm run bench` can tell reading from rendering. */
function markGroupData() {
  if (dataMarked || typeof performance === 'undefined') return;
  dataMarked = true;
  performance.mark('cap-progres:group-data');
}

function WithData({ referential, current, children }: { referential: Referential; current: string; children: Parameters<typeof GroupIsland>[0]['children'] }) {
  const data = useGroupData();
  if (!data) return <p>Chargement de la console…</p>;
  markGroupData();
  const { group } = data;
  return (
    <>
      <GroupNav current={current} mode={group?.mode ?? 'certification'} />
      {group && group.mode === 'certification' && <BlockingMajorAlert shares={data.shares} />}
      {group ? (
        children(referential, { ...data, group })
      ) : (
        <p className="notice">
          Décrivez d'abord le groupe sur la page <a href="/groupe/">Groupe</a> : son nom, sa fonction centrale, son cycle de certification.
        </p>
      )}
    </>
  );
}

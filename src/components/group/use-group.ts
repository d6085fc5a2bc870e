import { useObservable } from 'dexie-react-hooks';
import { database } from '../../storage/instance';
import { readGroupData, type GroupData } from '../../storage/group';
import { earlyLiveQuery, type EarlyLiveQuery } from '../workspace/early-live-query';

// Read as the console's code loads, beside the referential's request rather than after it: the shares of 600
// members take longer to read than the referential to arrive.
let groupQuery: EarlyLiveQuery<GroupData> | undefined;
const startGroupRead = () =>
  (groupQuery ??= earlyLiveQuery(() => {
    performance.mark('cap-progres:group-read');
    return readGroupData(database());
  }));
if (typeof window !== 'undefined') startGroupRead();

/** Everything the console's screens read, live: a change in one tab shows in the others. */
export function useGroupData(): GroupData | undefined {
  return useObservable(startGroupRead, []);
}

export const todayIso = () => new Date().toISOString().slice(0, 10);

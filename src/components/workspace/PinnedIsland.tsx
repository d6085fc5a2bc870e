import { createContext, useContext, type ReactNode } from 'react';
import type { Referential } from '../../domain/referential/model';
import type { CapDatabase } from '../../storage/db';
import { database } from '../../storage/instance';
import { useReferentialVersion } from './referential-client';
import { WorkspaceIsland } from './WorkspaceIsland';
import { startCampaignQueries } from './use-campaign';
import { useTransitionLiveQuery } from './transition-live-query';

/** The version new campaigns use, for screens that show an older one (CampaignHeader says so). */
const CurrentReferential = createContext<Referential | null>(null);
export const useCurrentReferential = () => useContext(CurrentReferential);

/**
 * A screen of one campaign (or one audit): it opens with the referential version the campaign was rated against,
 * its texts, levels and weights, whatever the current version is. `versionOf` reads that version from the
 * database; null when the record is missing (the screen then says so itself).
 */
export function PinnedIsland({ versionOf, children }: { versionOf: (db: CapDatabase) => Promise<string | null>; children: (referential: Referential) => ReactNode }) {
  return <WorkspaceIsland>{(current) => <Pinned current={current} versionOf={versionOf}>{children}</Pinned>}</WorkspaceIsland>;
}

function Pinned({ current, versionOf, children }: { current: Referential; versionOf: (db: CapDatabase) => Promise<string | null>; children: (referential: Referential) => ReactNode }) {
  // Its answer reveals the whole screen: rendered in a transition, in slices.
  const version = useTransitionLiveQuery(() => versionOf(database()), []);
  // Only an older version is loaded: the current one is already here, and its load would re-render the screen.
  const pinned = useReferentialVersion(version && version !== current.version ? version : undefined);
  if (version === undefined) return <p>Chargement…</p>;
  if (version === null || version === current.version) return <CurrentReferential.Provider value={current}>{children(current)}</CurrentReferential.Provider>;
  if (pinned.error) return <p className="notice notice-error" role="alert">{pinned.error}</p>;
  if (!pinned.referential) return <p>Chargement du référentiel {version}…</p>;
  return <CurrentReferential.Provider value={current}>{children(pinned.referential)}</CurrentReferential.Provider>;
}

/** The version of the campaign a screen's URL names (?id=…), from the screen's own first read (use-campaign). */
export const campaignVersion = (campaignId: string) => async () => (await startCampaignQueries(campaignId).records.first).campaign?.referentialVersion ?? null;

/**
 * The trend's other side: the compared campaign's scores on this campaign's scope. An earlier campaign of an older
 * referential version is carried over through the migration tables, loaded only then; the screen says so.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Campaign } from '../../../domain/evaluation/model';
import type { Criterion, Referential } from '../../../domain/referential/model';
import { migrationPath } from '../../../domain/referential/library';
import type { MigrationTable } from '../../../domain/referential/migration';
import { ratingsByCode } from '../../../domain/evaluation/scope';
import { ratingsCarriedTo } from '../../../domain/scoring/across-versions';
import { scoreCampaign, type CampaignScores } from '../../../domain/scoring/score';
import type { ComparedCampaign } from '../../../storage/campaign-read';
import { loadCatalog } from '../referential-client';

export interface ComparedScores {
  compared: ComparedCampaign;
  /** Null while the migration tables load, or when none leads from the compared version to this one. */
  scores: CampaignScores | null;
  crossVersion: boolean;
  /** Across versions: no migration table joins them (known once the catalog has loaded). */
  noMigrationPath: boolean;
}

export function useComparedScores(referential: Referential, scope: readonly Criterion[], campaign: Campaign | null | undefined, compared: ComparedCampaign | null | undefined): ComparedScores | null {
  const [tables, setTables] = useState<{ path: MigrationTable[] | null } | null>(null);
  const crossVersion = !!compared && !!campaign && compared.campaign.referentialVersion !== campaign.referentialVersion;
  useEffect(() => {
    if (!crossVersion || !compared || !campaign) return;
    loadCatalog().then(
      (catalog) => setTables({ path: migrationPath(catalog.migrations, compared.campaign.referentialVersion, campaign.referentialVersion) }),
      () => setTables({ path: null }),
    );
  }, [crossVersion, compared?.campaign.referentialVersion, campaign?.referentialVersion]);
  const ratings = useMemo(() => {
    if (!compared) return null;
    if (!crossVersion) return ratingsByCode(compared.ratings);
    return tables?.path ? ratingsCarriedTo(tables.path, compared.ratings) : null;
  }, [compared, crossVersion, tables]);
  const scores = useMemo(() => (ratings ? scoreCampaign(referential, scope, ratings) : null), [referential, scope, ratings]);
  if (!compared) return null;
  return { compared, scores, crossVersion, noMigrationPath: crossVersion && tables?.path === null };
}

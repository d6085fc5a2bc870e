import type { ReactNode } from 'react';
import type { Campaign, Structure } from '../../domain/evaluation/model';
import type { Referential } from '../../domain/referential/model';
import { trackName } from '../../domain/referential/lookup';
import { SaveIndicator } from './SaveIndicator';
import { SyncStatus } from '../sync/SyncStatus';
import { useCurrentReferential } from './PinnedIsland';
import { frenchDate } from '../../domain/french-date';

const SCREENS = [
  { path: '/espace/campagne/', label: 'Évaluation' },
  { path: '/espace/tableau-de-bord/', label: 'Tableau de bord' },
  { path: '/espace/plan/', label: 'Plan de progrès' },
  { path: '/espace/regards/', label: 'Regards croisés' },
  { path: '/espace/rapport/', label: 'Rapport' },
] as const;

/** Title, facts and the screens of a campaign: rating, dashboard, plan, regards croisés, report. */
export function CampaignHeader(props: { referential: Referential; campaign: Campaign; structure: Structure; children?: ReactNode }) {
  const { referential, campaign, structure } = props;
  const current = useCurrentReferential();
  return (
    <header className="campaign-header">
      <p className="breadcrumbs">
        <a href="/espace/">Mon espace</a> › {structure.name}
      </p>
      <h1>{campaign.name}</h1>
      <p className="muted">
        {frenchDate(campaign.date)} · référentiel {campaign.referentialVersion} ·{' '}
        {campaign.tracks.map((t) => trackName(referential, t)).join(', ')}
        {campaign.participants.length > 0 && ` · ${campaign.participants.length} participant(s)`}
      </p>
      <nav aria-label="Écrans de la campagne" className="tabs">
        <ul>
          {SCREENS.map((screen) => (
            <li key={screen.path}>
              <a href={`${screen.path}?id=${campaign.id}`} aria-current={location.pathname === screen.path ? 'page' : undefined}>
                {screen.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <SaveIndicator />
      <SyncStatus structureId={structure.id} />
      {current && current.version !== campaign.referentialVersion && (
        <p className="notice">
          Cette campagne suit le référentiel CAP {campaign.referentialVersion}, celui avec lequel elle a été évaluée : ses critères, leurs niveaux et
          leurs poids restent ceux de {campaign.referentialVersion}. La version en vigueur est la {current.version}. Pour évaluer avec elle, démarrez une
          nouvelle campagne à partir de celle-ci dans <a href="/espace/">Mon espace</a> : ses réponses seront reprises par la table de migration, à
          revoir (<a href="/referentiel/changements/">ce qui change</a>).
        </p>
      )}
      {props.children}
    </header>
  );
}

export function CampaignMissing() {
  return (
    <p className="notice notice-error" role="alert">
      Cette campagne n'existe pas dans ce navigateur. <a href="/espace/">Retour à mon espace</a>
    </p>
  );
}

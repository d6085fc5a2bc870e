import { useEffect, useMemo, useState } from 'react';
import type { Referential } from '../../domain/referential/model';
import type { GroupConsole, HeldShare } from '../../domain/group/console-model';
import { NO_FILTERS, consolidate, filterChoices, type MemberFilters } from '../../domain/group/consolidation';
import { GroupIsland } from './GroupIsland';
import { todayIso } from './use-group';
import { Filters } from './consolidation/Filters';
import { Heatmap } from './consolidation/Heatmap';
import { Distributions } from './consolidation/Distributions';
import { GroupTrend, MemberTrends } from './consolidation/Trends';
import { StaleMembers } from './consolidation/StaleMembers';
import { AlertsByMember } from './consolidation/AlertsByMember';
import { OpenNonConformities } from './consolidation/OpenNonConformities';
import { OverdueActions } from './consolidation/OverdueActions';
import { BenchmarkSend } from './consolidation/BenchmarkSend';

/** /groupe/consolidation/ — the members' latest shares side by side, filtered by region, conventionnement, form. */
export default function ConsolidationScreen() {
  return (
    <GroupIsland current="/groupe/consolidation/">
      {(referential, data) => <Consolidated referential={referential} group={data.group} shares={data.shares} />}
    </GroupIsland>
  );
}

const SECTIONS = [
  ['heatmap-title', 'Carte des scores'],
  ['distribution-title', 'Répartition par thème'],
  ['group-trend-title', 'Évolution'],
  ['stale-title', 'Auto-évaluations anciennes'],
  ['alerts-title', 'Alertes réglementaires'],
  ['nc-title', 'Non-conformités ouvertes'],
  ['overdue-title', 'Actions en retard'],
  ['benchmark-send-title', 'Repère réseau'],
] as const;

const noFilter = (f: MemberFilters) => f.region === '' && f.conventionnement === '' && f.legalForm === '';

function Consolidated({ referential, group, shares }: { referential: Referential; group: GroupConsole; shares: readonly HeldShare[] }) {
  const [filters, setFilters] = useState<MemberFilters>(NO_FILTERS);
  // One day for the whole visit: the figures do not shift at midnight while the page is open.
  const [today] = useState(todayIso);
  const themeCodes = useMemo(() => referential.themes.map((t) => t.code), [referential]);
  const themes = useMemo(
    () => referential.themes.map((t) => ({ code: t.code, title: t.title, subThemes: t.subThemes.map((s) => ({ code: s.code, title: s.title })) })),
    [referential],
  );
  const clauseTitles = useMemo(() => new Map(referential.iso9001.clauses.map((c) => [c.code, c.title])), [referential]);
  const central = group.centralFunction;
  // Every member: the repère réseau and the « N sur M » count ignore the filters.
  const all = useMemo(() => consolidate(shares, { today, themeCodes, centralName: central }), [shares, today, themeCodes, central]);
  const shown = useMemo(
    () => (noFilter(filters) ? all : consolidate(shares, { today, themeCodes, centralName: central, filters })),
    [all, shares, today, themeCodes, central, filters],
  );
  const regions = useMemo(() => filterChoices(shares).regions, [shares]);
  // The view's first screen (filters, heatmap, distribution) paints first; the lists below follow in the next task.
  const [lists, setLists] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLists(true), 0);
    return () => clearTimeout(timer);
  }, []);
  useConsolidatedMeasure('cap-progres:group-consolidated', true);
  useConsolidatedMeasure('cap-progres:group-consolidated-complete', lists);

  if (shares.length === 0) {
    return (
      <p className="notice">
        Aucun partage importé : la vue consolidée se remplit dès que des membres ont envoyé leur partage. Importez-les sur la page{' '}
        <a href="/groupe/">Groupe et membres</a>.
      </p>
    );
  }
  return (
    <>
      <nav aria-label="Sur cette page" className="page-toc">
        <ul>
          {SECTIONS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Filters filters={filters} regions={regions} shown={shown.rows.length} total={all.rows.length} onChange={setFilters} />
      {shown.rows.length === 0 ? (
        <p className="notice">Aucun membre ne correspond à ces filtres.</p>
      ) : (
        <>
          <Heatmap rows={shown.rows} themes={themes} />
          <Distributions themes={themes} global={shown.globalDistribution} byTheme={shown.themeDistribution} bySubTheme={shown.subThemeDistribution} />
          {lists ? (
            <>
              <GroupTrend trend={shown.groupTrend} />
              <MemberTrends rows={shown.rows} />
              <StaleMembers rows={shown.stale} />
              <AlertsByMember alerts={shown.alerts} />
              <OpenNonConformities open={shown.openNonConformities} bySeverity={shown.ncBySeverity} byClause={shown.ncByClause} clauseTitles={clauseTitles} />
              <OverdueActions overdue={shown.overdueActions} />
            </>
          ) : (
            <p>Chargement des listes…</p>
          )}
        </>
      )}
      {lists && <BenchmarkSend allRows={all.rows} groupName={group.name} referentialVersion={referential.version} today={today} />}
    </>
  );
}

const measured = new Set<string>();

/** Times the view from the island's first render to the first commit with `ready`, once per page (read by npm run bench). */
function useConsolidatedMeasure(name: string, ready: boolean) {
  useEffect(() => {
    if (!ready || measured.has(name) || typeof performance === 'undefined') return;
    measured.add(name);
    performance.measure(name, { start: performance.getEntriesByName('cap-progres:island')[0]?.startTime ?? 0 });
  }, [name, ready]);
}

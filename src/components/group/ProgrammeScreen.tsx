import { useMemo } from 'react';
import { GroupIsland } from './GroupIsland';
import type { GroupData } from '../../storage/group';
import { todayIso } from './use-group';
import type { GroupConsole } from '../../domain/group/console-model';
import { cycleEnd, cycleQuarters, initialAuditGate, planByQuarter, programmeCoverage, type Cycle } from '../../domain/group/audit-programme';
import { independenceProblems } from '../../domain/group/independence';
import { auditsDone, cycleOf, programmeMembers } from '../../domain/group/member-inputs';
import { centralShare } from '../../domain/group/console-model';
import { frenchDate } from '../../domain/french-date';
import { CoverageTable } from './programme/CoverageTable';
import { InitialGate } from './programme/InitialGate';
import { AuditorPool } from './programme/AuditorPool';
import { PlanForm } from './programme/PlanForm';
import { PlanTable } from './programme/PlanTable';
import { dayBefore } from './programme/labels';

/** /groupe/audits/ — the internal audit programme of a certification group (IAF MD 1). */
export default function ProgrammeScreen() {
  return <GroupIsland current="/groupe/audits/">{(_referential, data) => <Programme data={data} />}</GroupIsland>;
}

type Data = GroupData & { group: GroupConsole };

function Programme({ data }: { data: Data }) {
  const { group } = data;
  if (group.mode !== 'certification')
    return (
      <p className="notice">
        Le programme d'audit interne ne s'applique qu'à un groupe de certification CAP ISO 9001. Cette console suit des structures sans règles de
        certification : il n'y a pas de programme à tenir.
      </p>
    );
  if (!cycleOf(group))
    return (
      <p className="notice">
        Renseignez d'abord le début du cycle de certification (3 ans) sur la page <a href="/groupe/">Groupe</a> : le programme couvre chaque membre
        dans ce cycle.
      </p>
    );
  return <ProgrammeBody data={data} />;
}

function ProgrammeBody({ data }: { data: Data }) {
  const { group, shares, auditors, plan } = data;
  // One object per cycle start, so the memoised figures below are not recomputed on every render.
  const cycle = useMemo((): Cycle => ({ start: group.cycleStart, years: 3 }), [group.cycleStart]);
  const today = todayIso();
  const members = useMemo(() => programmeMembers(shares, group), [shares, group]);
  const done = useMemo(() => auditsDone(shares), [shares]);
  const coverage = useMemo(() => programmeCoverage(members, done, cycle, today, plan), [members, done, cycle, today, plan]);
  const quarters = useMemo(() => cycleQuarters(cycle), [cycle]);
  const byQuarter = useMemo(() => planByQuarter(plan, members, auditors), [plan, members, auditors]);
  const problems = useMemo(() => independenceProblems(plan, auditors, cycle, members), [plan, auditors, cycle, members]);
  const central = centralShare(shares, group);
  const gateDate = group.currentAuditDate || today;
  const gate = group.currentAudit === 'initial' ? initialAuditGate(members, done, gateDate) : null;
  const end = cycleEnd(cycle);

  return (
    <>
      <p>
        Cycle de certification du {frenchDate(cycle.start)} au {frenchDate(dayBefore(end))}. Chaque membre ayant signé sa convention d'adhésion, et la
        fonction centrale, doit recevoir au moins un audit interne, croisé ou à blanc dans ce cycle ; les audits comptés sont ceux que les membres
        ont envoyés dans leur partage.
      </p>
      {!central && (
        <p className="notice notice-warning">
          La fonction centrale{group.centralFunction ? ` « ${group.centralFunction} »` : ''} n'a pas envoyé de partage : ses audits internes ne
          peuvent pas être suivis ici. Elle est pourtant auditée comme les membres.
        </p>
      )}
      {gate && <InitialGate gate={gate} dateIsPlanned={group.currentAuditDate !== ''} />}
      <CoverageTable coverage={coverage} centralId={central?.structureId ?? null} />
      <AuditorPool pool={auditors} plan={plan} structures={members} />
      <section aria-labelledby="plan-title">
        <h2 id="plan-title">Plan d'audit par trimestre</h2>
        <PlanForm cycle={cycle} quarters={quarters} today={today} members={members} structures={members} pool={auditors} plan={plan} />
        <PlanTable quarters={byQuarter} problems={problems} />
        <h3 id="independence-title">Indépendance des auditeurs</h3>
        {problems.length === 0 ? (
          <p>Aucun problème d'indépendance dans le plan.</p>
        ) : (
          <ul aria-labelledby="independence-title" data-testid="independence-problems">
            {problems.map((p, index) => (
              <li key={`${p.plannedAuditId}-${p.rule}-${index}`}>
                <strong>{p.blocking ? 'Bloquant' : 'Avertissement'} :</strong> {p.message}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

import type { ReactNode } from 'react';
import { frenchDate } from '../../../domain/french-date';
import { formatScore } from '../../../domain/scoring/score';
import { findingsText, LIST_LIMIT, type GroupReviewModel } from '../../../domain/report/group-review';
import type { CertificationPackModel } from '../../../domain/report/certification-pack';

const names = (lines: readonly { code: string; title: string }[]) => lines.map((l) => `${l.code} ${l.title}`).join(', ');

function Item({ title, children }: { title: string; children: ReactNode }) {
  return (
    <li>
      <strong>{title}</strong> : {children}
    </li>
  );
}

/** What the management review PDF will hold, section by section, with the same figures. */
export function ReviewSummary({ model: m }: { model: GroupReviewModel }) {
  const sr = m.satisfaction[0]?.quartiles;
  const nc = m.nonConformities;
  const cov = m.audits.coverage;
  const trend = m.objectives.trend;
  return (
    <section className="panel" aria-labelledby="review-summary-title">
      <h2 id="review-summary-title">Ce que contiendra la revue de direction</h2>
      <p>
        {m.memberCount} membre(s) ; période examinée du {frenchDate(m.period.since)} au {frenchDate(m.period.until)} (
        {m.period.basis === 'previous_audit' ? 'depuis le dernier audit de certification' : '12 mois précédant la revue, faute de date du dernier audit'}).
      </p>
      <ul>
        <Item title="a) Actions issues des revues précédentes">
          {m.previousActions.items.length === 0
            ? 'aucune action imposée aux membres.'
            : `${m.previousActions.items.length} action(s) imposée(s), ${m.previousActions.closed} close(s), ${m.previousActions.overdue} en retard.`}
        </Item>
        <Item title="b) Évolution des enjeux">
          {m.changes.joined.items.length + m.changes.joined.more} nouveau(x) membre(s) sur la période, {m.changes.stale.items.length + m.changes.stale.more} auto-évaluation(s) de plus
          de 12 mois
          {m.group.mode === 'certification' && `, ${m.changes.withoutAgreement.items.length + m.changes.withoutAgreement.more} membre(s) sans convention d'adhésion signée`}.
        </Item>
        <Item title="c1) Satisfaction">non recueillie par la console ; à défaut, thème « Services rendus » : {sr ? `médiane ${formatScore(sr.median)} (${sr.n} membres)` : 'aucun score'}.</Item>
        <Item title="c2) Objectifs">
          {m.objectives.global ? `score global médian ${formatScore(m.objectives.global.median)} (${m.objectives.global.n} membres)` : 'aucun score global'}
          {trend.length > 0 && ` ; tendance : ${trend.map((t) => `${t.year} ${formatScore(t.mean)}`).join(', ')}`}.
        </Item>
        <Item title="c3) Processus">quartiles des sous-thèmes de {m.processes.length} thème(s).</Item>
        <Item title="c4) Non-conformités et actions correctives">
          {nc.bySeverity.major} majeure(s) et {nc.bySeverity.minor} mineure(s) ouvertes ; {nc.extensions.length} extension(s) analysée(s).
        </Item>
        <Item title="c5) Surveillance">
          {m.monitoring.total} alerte(s) réglementaire(s) chez {m.monitoring.memberCount} membre(s).
        </Item>
        <Item title="c6) Audits">
          {cov ? `programme d'audit interne couvert à ${cov.percentage} % (${cov.audited} sur ${cov.eligible})` : "couverture du programme non calculée (pas de cycle renseigné)"} ;{' '}
          {m.audits.inPeriodCount} audit(s) sur la période ({findingsText(m.audits.findingTotals)}).
        </Item>
        <Item title="c7) Prestataires externes, d) Ressources">non couverts par la console : le PDF le signale.</Item>
        <Item title="e) Risques et opportunités">
          {m.risks.overdueCount} action(s) en retard
          {m.risks.weakest.length > 0 && ` ; sous-thèmes les plus fragiles : ${names(m.risks.weakest)}`}
          {m.risks.strongest.length > 0 && ` ; les plus solides : ${names(m.risks.strongest)}`}.
        </Item>
        <Item title="f) Opportunités d'amélioration">{m.improvements.total} piste(s) de progrès relevée(s) par les audits de la période.</Item>
        <Item title="Décisions et actions">{m.decisions.text ? 'le texte enregistré ci-dessus, avec les participants et la date.' : 'pas encore rédigées.'}</Item>
      </ul>
      <p className="hint">Les longues listes (membres, constats, actions) sont limitées à {LIST_LIMIT} lignes dans le PDF ; les non-conformités majeures y sont toutes.</p>
    </section>
  );
}

/** What the certification-body pack will hold. */
export function PackSummary({ model: m }: { model: CertificationPackModel }) {
  const s = m.sample;
  const cov = m.coverage?.totals;
  return (
    <section className="panel" aria-labelledby="pack-summary-title">
      <h2 id="pack-summary-title">Ce que contiendra le dossier pour l'organisme certificateur</h2>
      <ul>
        <Item title="Fonction centrale">
          {m.central.name || 'non désignée'}
          {!m.central.shared && ' (elle n’a pas partagé ses données dans la console)'}.
        </Item>
        <Item title="Liste des membres pour l'annexe du certificat">
          {m.annex.rows.length} structure(s) : {m.annex.eligible} éligible(s), {m.annex.ineligible} non éligible(s), chacune avec son SIRET, sa région, ses conventionnements et
          la date de sa convention d'adhésion.
        </Item>
        <Item title="Échantillon et sa justification">
          {s ? `tirage enregistré le ${frenchDate(s.recordedAt)} (${s.auditLabel}, graine ${s.seed}) : ${s.selected.length} site(s) retenu(s), avec la justification complète.` : 'aucun tirage enregistré.'}
          {s?.warning && <strong> {s.warning}</strong>}
        </Item>
        <Item title="Couverture du programme d'audit interne">
          {cov ? `${cov.audited} membre(s) sur ${cov.eligible} audité(s) dans le cycle (${cov.percentage} %), membre par membre.` : 'non calculée : le début du cycle de certification n’est pas renseigné.'}
        </Item>
      </ul>
    </section>
  );
}

/**
 * The group's two PDFs: the management review (ISO 9001 § 9.3, inputs of § 9.3.2 in the standard's order, then
 * the decisions) and the pack for the certification body (certificate annex, sample and rationale, audit
 * programme coverage). They print the models of src/domain/report as they are: no figure is computed here.
 * Loaded only when the user asks for a PDF; the review screen is the accessible version.
 */
import type { jsPDF } from 'jspdf';
import type { ProgrammeCoverage } from '../../domain/group/audit-programme';
import { quarterLabel } from '../../domain/group/audit-programme';
import { AUDIT_LABELS } from '../../domain/group/sampling';
import { CONSOLE_MODE_LABELS } from '../../domain/group/console-model';
import { AUDIT_KIND_LABELS, FINDING_KIND_LABELS } from '../../domain/audit/model';
import { frenchDate } from '../../domain/french-date';
import type { CertificationPackModel } from '../../domain/report/certification-pack';
import {
  closureText,
  CORRECTIVE_STATUS_LABELS,
  COVERAGE_STATUS_LABELS,
  findingsText,
  type DistributionLine,
  type GroupReviewModel,
} from '../../domain/report/group-review';
import { formatScore } from '../../domain/scoring/score';
import { ACCENT, contents, FONT, footers, finishDocument, newDocument, PAGE, WIDTH, Writer, type FontFiles } from './pdf-kit';

export interface GroupPdfOptions {
  /** DejaVu Sans regular and bold, when the PDF is built outside the browser (tests); otherwise fetched from /fonts. */
  fonts?: FontFiles;
}

const day = (iso: string): string => (iso ? frenchDate(iso) : '—');
const SHA_NOTE =
  "L'empreinte SHA-256 identifie l'état exact des données de la console dont ce document est tiré (le groupe, l'empreinte du dernier partage de chaque membre, les extensions de non-conformités, le programme d'audit et les tirages) : recalculée sur les mêmes données, elle est identique.";

// ——— Management review ———

export async function buildGroupReviewPdf(model: GroupReviewModel, options: GroupPdfOptions = {}): Promise<jsPDF> {
  const doc = await newDocument(`Revue de direction du groupe — ${model.group.name}`, { subject: 'Revue de direction ISO 9001 § 9.3 — groupe CAP', fonts: options.fonts });
  const w = new Writer(doc);
  reviewCover(w, model);
  w.newPage();
  const tocPage = w.page;
  w.newPage();

  w.heading('Objet de la revue');
  w.paragraph(
    `Revue de direction du groupe « ${model.group.name} » (ISO 9001:2015 § 9.3), menée par la fonction centrale${model.group.centralFunction ? ` (${model.group.centralFunction})` : ''}. ` +
      `Les éléments d'entrée du § 9.3.2 sont consolidés à partir du dernier partage de chacun des ${model.memberCount} membres de la console.`,
  );
  w.paragraph(
    `Période examinée : du ${frenchDate(model.period.since)} au ${frenchDate(model.period.until)} (${model.period.basis === 'previous_audit' ? 'depuis le dernier audit de certification' : '12 mois précédant la revue'}).`,
  );

  previousActions(w, model);
  changes(w, model);
  w.heading('c) Performance et efficacité du système de management');
  satisfaction(w, model);
  objectives(w, model);
  processes(w, model);
  nonConformities(w, model);
  monitoring(w, model);
  auditResults(w, model);
  w.heading('c7) Performance des prestataires externes', 2);
  w.paragraph("Non couvert par la console : les membres ne partagent pas l'évaluation de leurs prestataires externes. À traiter à partir des éléments de la fonction centrale.");
  w.heading('d) Adéquation des ressources');
  w.paragraph('Non couvert par la console : les partages ne portent pas sur les ressources (effectifs, budget, moyens). À examiner en séance à partir des éléments de la fonction centrale.');
  risks(w, model);
  improvements(w, model);
  decisions(w, model);
  w.heading('Annexe : méthode');
  w.bullets(
    [
      "Chaque membre compte pour sa dernière auto-évaluation partagée ; un membre sans score pour un thème n'entre pas dans ce thème.",
      "Quartiles calculés comme QUARTILE.INCLUS d'Excel : valeurs triées, le quantile p à la position p × (n − 1), interpolé entre deux valeurs.",
      'Tendance : par année, la moyenne des scores globaux de la dernière auto-évaluation de chaque membre dans cette année.',
      "Non-conformité ouverte : majeure ou mineure dont l'action corrective n'est pas réalisée (une action abandonnée ne la ferme pas).",
      'Une auto-évaluation de plus de 12 mois est signalée : la démarche s’étiole sans auto-évaluation annuelle.',
    ],
    9,
  );

  contents(doc, w, tocPage);
  footers(doc, `CAP Progrès · ${model.group.name} · Revue de direction du ${frenchDate(model.reviewDate)} · ${model.documentId}`);
  return finishDocument(doc);
}

function banner(w: Writer, title: string, subtitle: string) {
  const { doc } = w;
  doc.setFillColor(...ACCENT).rect(0, 0, PAGE.width, 48, 'F');
  doc.setFont(FONT, 'bold').setFontSize(21).setTextColor(255, 255, 255);
  doc.text(title, PAGE.margin, 24);
  doc.setFont(FONT, 'normal').setFontSize(12);
  doc.text(subtitle, PAGE.margin, 36);
  doc.setTextColor(0, 0, 0);
  w.y = 62;
}

const SHA_LABEL = 'SHA-256 des données';

function facts(w: Writer, rows: [string, string][]) {
  w.table({
    theme: 'plain',
    styles: { font: FONT, fontSize: 10, cellPadding: 1.4 },
    columnStyles: { 0: { fontStyle: 'bold', cellWidth: 55 } },
    body: rows,
    // The 64 hex digits on one line, so the fingerprint can be copied and compared whole.
    didParseCell: ({ row, column, cell }) => {
      if (column.index === 1 && row.raw && (row.raw as string[])[0] === SHA_LABEL) cell.styles.fontSize = 7.5;
    },
  });
}

function reviewCover(w: Writer, m: GroupReviewModel) {
  banner(w, 'Revue de direction du groupe', 'ISO 9001:2015 § 9.3 — Coorace Ambition Progrès');
  w.paragraph(m.group.name, { size: 17, bold: true, gap: 3 });
  w.paragraph(`Revue du ${frenchDate(m.reviewDate)}`, { size: 12, gap: 4 });
  facts(w, [
    ['Usage de la console', CONSOLE_MODE_LABELS[m.group.mode]],
    ...(m.group.mode === 'certification'
      ? ([
          ['Fonction centrale', m.group.centralFunction || '—'],
          ['Organisme certificateur', m.group.certificationBody || '—'],
          ['Cycle de certification', m.group.cycleStart ? `3 ans à partir du ${frenchDate(m.group.cycleStart)}` : 'non renseigné'],
          ['Audit à venir', `${AUDIT_LABELS[m.group.currentAudit]}${m.group.currentAuditDate ? ` le ${frenchDate(m.group.currentAuditDate)}` : ''}`],
        ] as [string, string][])
      : []),
    ['Participants', m.decisions.participants || 'non renseignés'],
    ['Membres', String(m.memberCount)],
    ['Période examinée', `du ${frenchDate(m.period.since)} au ${frenchDate(m.period.until)}`],
    ['Document', m.documentId],
    ['Édité le', frenchDate(m.generatedAt)],
    [SHA_LABEL, m.dataSha256],
  ]);
  w.paragraph(SHA_NOTE, { size: 8 });
}

/** After a shortened list: how many rows the console holds beyond it. */
function more(w: Writer, count: number, what: string) {
  if (count > 0) w.paragraph(`… et ${count} ${what} de plus : la console en donne le détail.`, { size: 9 });
}

function distributionTable(w: Writer, lines: readonly DistributionLine[], first: string) {
  w.table({
    head: [[first, 'Membres', 'Min', '1er quartile', 'Médiane', '3e quartile', 'Max']],
    body: lines.map((l) => {
      const q = l.quartiles;
      return [`${l.code} ${l.title}`, String(q?.n ?? 0), formatScore(q?.min ?? null), formatScore(q?.q1 ?? null), formatScore(q?.median ?? null), formatScore(q?.q3 ?? null), formatScore(q?.max ?? null)];
    }),
    columnStyles: { 0: { cellWidth: 68 }, 1: { halign: 'right' }, 2: { halign: 'right' }, 3: { halign: 'right' }, 4: { halign: 'right', fontStyle: 'bold' }, 5: { halign: 'right' }, 6: { halign: 'right' } },
  });
}

function previousActions(w: Writer, m: GroupReviewModel) {
  const { items, closed, overdue } = m.previousActions;
  w.heading('a) État des actions issues des revues précédentes');
  if (items.length === 0) {
    w.paragraph("Aucune action imposée aux membres : aucune non-conformité n'a été étendue à d'autres structures.");
    return;
  }
  w.paragraph(`${items.length} action(s) imposée(s) aux membres à la suite d'une extension de non-conformité : ${closed} close(s), ${overdue} en retard.`, { bold: true });
  w.table({
    head: [['Action imposée', 'Origine', 'Échéance', 'Membres concernés', 'Où en est la clôture', 'Close']],
    body: items.map((i) => [
      `${i.title}${i.clause ? ` (§ ${i.clause})` : ''}`,
      `${i.sourceMember}${i.systemic ? ' — systémique' : ''}`,
      `${day(i.dueDate)}${i.overdue ? ' (en retard)' : ''}`,
      String(i.affected),
      closureText(i.byStatus),
      i.closed ? 'Oui' : 'Non',
    ]),
    columnStyles: { 0: { cellWidth: 45 }, 1: { cellWidth: 32 }, 2: { cellWidth: 25 }, 3: { cellWidth: 18, halign: 'right' }, 5: { cellWidth: 13 } },
  });
}

function changes(w: Writer, m: GroupReviewModel) {
  const { joined, stale, withoutAgreement } = m.changes;
  w.heading('b) Évolution des enjeux externes et internes');
  w.paragraph(`Le groupe compte ${m.memberCount} membre(s) dans la console.`);
  w.heading(`Nouveaux membres sur la période (${joined.items.length + joined.more})`, 2);
  if (joined.items.length === 0) w.paragraph("Aucune convention d'adhésion signée sur la période.");
  else w.table({ head: [['Structure', "Convention d'adhésion signée le"]], body: joined.items.map((j) => [j.name, day(j.agreementDate)]), columnStyles: { 1: { cellWidth: 55 } } });
  more(w, joined.more, 'nouveau(x) membre(s)');
  w.heading(`Auto-évaluations de plus de 12 mois (${stale.items.length + stale.more})`, 2);
  if (stale.items.length === 0) w.paragraph('Chaque membre a une auto-évaluation de moins de 12 mois.');
  else w.table({ head: [['Structure', 'Dernière auto-évaluation']], body: stale.items.map((s) => [s.name, day(s.latestDate)]), columnStyles: { 1: { cellWidth: 55 } } });
  more(w, stale.more, 'membre(s)');
  if (m.group.mode === 'certification') {
    w.heading(`Membres sans convention d'adhésion signée (${withoutAgreement.items.length + withoutAgreement.more})`, 2);
    w.paragraph(
      withoutAgreement.items.length === 0
        ? "Chaque membre a signé sa convention d'adhésion au groupe."
        : `Non éligibles au certificat (IAF MD 1) tant que la convention n'est pas signée : ${withoutAgreement.items.join(', ')}${withoutAgreement.more > 0 ? ` et ${withoutAgreement.more} autre(s)` : ''}.`,
    );
  }
}

function satisfaction(w: Writer, m: GroupReviewModel) {
  w.heading('c1) Satisfaction des clients et retours des parties intéressées', 2);
  w.paragraph(
    "La satisfaction des clients et des personnes accompagnées n'est pas recueillie par la console de groupe. À défaut, voici la répartition des scores du thème « Services rendus » et de son sous-thème sur les clients, dont l'objectif inclut la mesure de la satisfaction.",
  );
  if (m.satisfaction.length > 0) distributionTable(w, m.satisfaction, 'Thème ou sous-thème');
}

function objectives(w: Writer, m: GroupReviewModel) {
  w.heading('c2) Atteinte des objectifs qualité', 2);
  const g = m.objectives.global;
  w.paragraph(
    g
      ? `Score global des membres (dernière auto-évaluation, ${g.n} membre(s)) : médiane ${formatScore(g.median)}, 1er quartile ${formatScore(g.q1)}, 3e quartile ${formatScore(g.q3)}, de ${formatScore(g.min)} à ${formatScore(g.max)}.`
      : "Aucun membre n'a encore de score global.",
    { bold: true },
  );
  distributionTable(w, m.objectives.themes, 'Thème');
  if (m.objectives.trend.length > 0) {
    w.paragraph('Tendance du groupe, par année :', { size: 9.5 });
    w.table({
      head: [['Année', 'Score global moyen', 'Membres']],
      body: m.objectives.trend.map((t) => [t.year, formatScore(t.mean), String(t.members)]),
      columnStyles: { 1: { halign: 'right' }, 2: { halign: 'right' } },
    });
  }
}

function processes(w: Writer, m: GroupReviewModel) {
  w.heading('c3) Performance des processus et conformité des services', 2);
  w.paragraph('Répartition des scores des sous-thèmes du CAP, par thème :', { size: 9.5 });
  for (const t of m.processes) {
    w.paragraph(`${t.code} — ${t.title}`, { bold: true, size: 10 });
    distributionTable(w, t.subThemes, 'Sous-thème');
  }
}

function nonConformities(w: Writer, m: GroupReviewModel) {
  const nc = m.nonConformities;
  w.heading('c4) Non-conformités et actions correctives', 2);
  w.paragraph(`Non-conformités ouvertes : ${nc.bySeverity.major} majeure(s), ${nc.bySeverity.minor} mineure(s).`, { bold: true });
  if (nc.bySeverity.major > 0) w.paragraph('Une non-conformité majeure ouverte, chez un seul membre, bloque le certificat de tout le groupe.', { bold: true });
  if (nc.byClause.length > 0)
    w.table({
      head: [['Article ISO 9001', 'Majeures', 'Mineures']],
      body: nc.byClause.map((c) => [c.clause === '—' ? 'Article non précisé' : `§ ${c.clause}`, String(c.major), String(c.minor)]),
      columnStyles: { 1: { halign: 'right' }, 2: { halign: 'right' } },
    });
  if (nc.byCorrectiveStatus.length > 0)
    w.table({
      head: [['Action corrective', 'Non-conformités ouvertes']],
      body: nc.byCorrectiveStatus.map((s) => [CORRECTIVE_STATUS_LABELS[s.status], String(s.count)]),
      columnStyles: { 1: { halign: 'right', cellWidth: 45 } },
    });
  if (nc.open.items.length > 0)
    w.table({
      // Three columns, not five: a group of 600 members may list hundreds of them, and each cell costs time.
      head: [['Membre, audit du', 'Non-conformité', 'Action corrective']],
      body: nc.open.items.map((o) => [
        `${o.memberName}\n${day(o.auditDate)}`,
        `${FINDING_KIND_LABELS[o.kind]}${o.clause ? ` (§ ${o.clause})` : ''}\n${o.statement}`,
        `${CORRECTIVE_STATUS_LABELS[o.correctiveStatus]}${o.correctiveAction ? `\n${o.correctiveAction}` : ''}`,
      ]),
      columnStyles: { 0: { cellWidth: 40 }, 1: { cellWidth: 75 } },
    });
  more(w, nc.open.more, 'non-conformité(s) mineure(s) ouverte(s)');
  w.paragraph(`Extensions aux autres membres (${nc.extensions.length}) :`, { bold: true, size: 10 });
  if (nc.extensions.length === 0) w.paragraph("Aucune non-conformité n'a été analysée pour son effet sur les autres membres.");
  else
    w.table({
      head: [['Non-conformité d’origine', 'Analyse', 'Membres concernés', 'Close']],
      body: nc.extensions.map((e) => [
        `${e.sourceMember}${e.clause ? ` (§ ${e.clause})` : ''}\n${e.statement}`,
        `${e.systemic ? 'Systémique' : 'Non systémique'} : ${e.analysis}${e.othersNotAffectedBecause ? `\nAutres membres non concernés : ${e.othersNotAffectedBecause}` : ''}`,
        String(e.affected),
        e.closed ? 'Oui' : 'Non',
      ]),
      columnStyles: { 0: { cellWidth: 60 }, 2: { cellWidth: 20, halign: 'right' }, 3: { cellWidth: 13 } },
    });
}

function monitoring(w: Writer, m: GroupReviewModel) {
  w.heading('c5) Résultats de la surveillance et de la mesure', 2);
  const alerts = m.monitoring.members;
  if (alerts.items.length === 0) {
    w.paragraph("Aucune alerte réglementaire : aucun critère réglementaire n'est évalué à 0 ou 1 dans les dernières auto-évaluations.");
    return;
  }
  w.paragraph(`${m.monitoring.total} alerte(s) réglementaire(s) (critère réglementaire évalué à 0 ou 1) chez ${m.monitoring.memberCount} membre(s) :`);
  w.table({
    head: [['Membre', 'Alertes', 'Critères']],
    body: alerts.items.map((a) => [a.name, String(a.alerts.length), a.alerts.map((x) => `${x.criterionCode} ${x.title} (niveau ${x.level})`).join('\n')]),
    columnStyles: { 0: { cellWidth: 50 }, 1: { cellWidth: 16, halign: 'right' } },
  });
  more(w, alerts.more, 'membre(s) avec des alertes');
}

function auditResults(w: Writer, m: GroupReviewModel) {
  const a = m.audits;
  w.heading("c6) Résultats d'audits", 2);
  if (a.coverage === null) w.paragraph("Programme d'audit interne : pas de cycle de certification renseigné dans la console, la couverture n'est pas calculée.");
  else {
    w.paragraph(
      `Programme d'audit interne : ${a.coverage.audited} membre(s) adhérent(s) sur ${a.coverage.eligible} audité(s) dans le cycle (${a.coverage.percentage} %) ; ` +
        `${a.coverage.byStatus.planifie} planifié(s), ${a.coverage.byStatus.a_planifier} à planifier, ${a.coverage.byStatus.en_retard} en retard.`,
      { bold: true },
    );
    if (a.notCovered.items.length > 0)
      w.table({
        head: [['Membre non encore couvert', 'Situation', 'Dernier audit', 'Trimestres planifiés']],
        body: a.notCovered.items.map((n) => [n.name, COVERAGE_STATUS_LABELS[n.status], n.lastAudit ? `${day(n.lastAudit.date)} (${AUDIT_KIND_LABELS[n.lastAudit.kind]})` : 'aucun', n.plannedQuarters.map(quarterLabel).join(', ') || '—']),
        columnStyles: { 0: { cellWidth: 60 } },
      });
    more(w, a.notCovered.more, 'membre(s) non encore couvert(s)');
  }
  w.paragraph(`Audits de la période (${a.inPeriodCount}) : ${findingsText(a.findingTotals)}.`, { bold: true, size: 10 });
  if (a.inPeriod.items.length > 0)
    w.table({
      head: [['Date', 'Membre audité', 'Constats']],
      body: a.inPeriod.items.map((x) => [day(x.date), `${x.memberName}\n${AUDIT_KIND_LABELS[x.kind]}${x.auditingStructure ? `, par ${x.auditingStructure}` : ''}`, findingsText(x.findings)]),
      columnStyles: { 0: { cellWidth: 26 }, 1: { cellWidth: 80 } },
    });
  more(w, a.inPeriod.more, 'audit(s) plus ancien(s) de la période');
}

function risks(w: Writer, m: GroupReviewModel) {
  const r = m.risks;
  w.heading('e) Efficacité des actions face aux risques et opportunités');
  if (r.blockingMajors > 0) w.paragraph(`Risque majeur : ${r.blockingMajors} non-conformité(s) majeure(s) ouverte(s), qui bloquent le certificat du groupe.`, { bold: true });
  w.heading(`Actions de progrès en retard (${r.overdueCount})`, 2);
  if (r.overdue.items.length === 0) w.paragraph("Aucune action de progrès des membres n'a dépassé son échéance.");
  else
    w.table({
      head: [['Membre', 'Action', 'Échéance, statut']],
      body: r.overdue.items.map((o) => [o.memberName, `${o.title}${o.imposed ? ' (imposée par le groupe)' : ''}`, `${day(o.dueDate)}, ${o.status.toLowerCase()}`]),
      columnStyles: { 0: { cellWidth: 50 }, 2: { cellWidth: 40 } },
    });
  more(w, r.overdue.more, 'action(s) en retard');
  w.heading('Risques : sous-thèmes les plus fragiles du groupe', 2);
  if (r.weakest.length === 0) w.paragraph('Aucun sous-thème évalué.');
  else distributionTable(w, r.weakest, 'Sous-thème (médiane la plus basse)');
  w.heading('Opportunités : sous-thèmes les plus solides du groupe', 2);
  if (r.strongest.length === 0) w.paragraph('Aucun autre sous-thème évalué.');
  else {
    w.paragraph('Des pratiques à partager entre membres :', { size: 9.5 });
    distributionTable(w, r.strongest, 'Sous-thème (médiane la plus haute)');
  }
}

function improvements(w: Writer, m: GroupReviewModel) {
  const i = m.improvements;
  w.heading("f) Opportunités d'amélioration");
  if (i.total === 0) {
    w.paragraph("Aucune piste de progrès n'a été relevée par les audits de la période.");
    return;
  }
  w.paragraph(`${i.total} piste(s) de progrès relevée(s) par les audits de la période.`, { bold: true });
  w.table({ head: [['Article ISO 9001', 'Pistes de progrès']], body: i.byClause.map((c) => [c.clause === '—' ? 'Article non précisé' : `§ ${c.clause}`, String(c.count)]), columnStyles: { 1: { halign: 'right', cellWidth: 40 } } });
  w.table({
    head: [['Membre, audit du', 'Piste de progrès']],
    body: i.items.items.map((x) => [`${x.memberName}\n${day(x.date)}`, `${x.clause ? `§ ${x.clause} — ` : ''}${x.statement}`]),
    columnStyles: { 0: { cellWidth: 50 } },
  });
  more(w, i.items.more, 'piste(s) de progrès plus ancienne(s)');
}

function decisions(w: Writer, m: GroupReviewModel) {
  w.heading('Décisions et actions');
  w.paragraph(`Revue du ${frenchDate(m.reviewDate)}. Participants : ${m.decisions.participants || 'non renseignés'}.`);
  w.paragraph(
    m.decisions.text || "Aucune décision enregistrée : la fonction centrale les rédige dans la console (opportunités d'amélioration, besoins de changement du système, besoins en ressources).",
    { bold: m.decisions.text === '' },
  );
  w.ensure(40);
  w.doc.setDrawColor(120).rect(PAGE.margin, w.y, WIDTH / 2 - 2, 32);
  w.doc.setFont(FONT, 'normal').setFontSize(9).text('Pour la fonction centrale — nom, date et signature', PAGE.margin + 2, w.y + 5, { maxWidth: WIDTH / 2 - 6 });
  w.y += 36;
}

// ——— Certification-body pack ———

export async function buildCertificationPackPdf(model: CertificationPackModel, options: GroupPdfOptions = {}): Promise<jsPDF> {
  const doc = await newDocument(`Dossier pour l'organisme certificateur — ${model.group.name}`, { subject: 'Certification de groupe ISO 9001 (IAF MD 1) — CAP', fonts: options.fonts });
  const w = new Writer(doc);
  banner(w, "Dossier pour l'organisme certificateur", 'Certification de groupe ISO 9001 (IAF MD 1) — CAP');
  w.paragraph(model.group.name, { size: 17, bold: true, gap: 3 });
  facts(w, [
    ['Organisme certificateur', model.group.certificationBody || '—'],
    ['Fonction centrale', model.central.name || '—'],
    ['Cycle de certification', model.cycleText ?? 'non renseigné'],
    ['Audit à venir', `${AUDIT_LABELS[model.group.currentAudit]}${model.group.currentAuditDate ? ` le ${frenchDate(model.group.currentAuditDate)}` : ''}`],
    ['Dernier audit de certification', day(model.group.previousAuditDate)],
    ['Membres', `${model.annex.rows.length} (${model.annex.eligible} éligible(s), ${model.annex.ineligible} non éligible(s))`],
    ['Document', model.documentId],
    ['Édité le', frenchDate(model.generatedAt)],
    [SHA_LABEL, model.dataSha256],
  ]);
  w.paragraph(SHA_NOTE, { size: 8 });
  w.newPage();
  const tocPage = w.page;
  w.newPage();

  w.heading('Fonction centrale');
  w.paragraph(
    model.central.shared
      ? `${model.central.name}${model.central.siret ? `, SIRET ${model.central.siret}` : ''}${model.central.region ? `, ${model.central.region}` : ''}. Auditée à chaque audit, en plus de l'échantillon ; elle n'est pas comptée dans le nombre de sites.`
      : `${model.central.name || 'Non désignée'}. Elle n'a pas partagé ses données dans la console. Auditée à chaque audit, en plus de l'échantillon.`,
  );

  w.heading('Liste des membres pour l’annexe du certificat');
  w.paragraph(
    `${model.annex.eligible} structure(s) éligible(s) au certificat, ${model.annex.ineligible} non éligible(s). Est éligible le membre qui a signé sa convention d'adhésion au groupe (lien contractuel avec la fonction centrale, IAF MD 1).`,
  );
  // Four columns (the reason carries the agreement's date): the annex of a 600-member group stays quick to print.
  w.table({
    head: [['Structure et SIRET', 'Région', 'Conventionnements', 'Éligible au certificat']],
    body: model.annex.rows.map((r) => [
      `${r.name}${r.isCentral ? ' (fonction centrale)' : ''}\n${r.siret ? `SIRET ${r.siret}` : 'SIRET non renseigné'}`,
      r.region || '—',
      r.conventionnements || '—',
      `${r.eligible ? 'Oui' : 'Non'} — ${r.reason}`,
    ]),
    columnStyles: { 0: { cellWidth: 55 }, 1: { cellWidth: 30 }, 2: { cellWidth: 30 } },
    didParseCell: ({ section, row, column, cell }) => {
      if (section === 'body' && column.index === 3 && !model.annex.rows[row.index]?.eligible) cell.styles.fontStyle = 'bold';
    },
  });

  w.heading("Échantillon de sites et sa justification");
  const s = model.sample;
  if (!s) w.paragraph('Aucun tirage enregistré : faites le tirage de l’échantillon dans la console (onglet « Échantillon MD 1 ») et enregistrez-le.', { bold: true });
  else {
    w.paragraph(`Dernier tirage enregistré le ${frenchDate(s.recordedAt)} : ${s.auditLabel}, tiré le ${frenchDate(s.drawDate)}, graine ${s.seed}, ${s.memberCount} site(s) éligible(s).`, { bold: true });
    if (s.warning) w.paragraph(s.warning, { bold: true });
    w.table({
      head: [['Site retenu', 'Cohorte', 'Motif', 'Score de risque']],
      body: s.selected.map((x) => [x.name, x.cohort, x.reason, x.riskScore === null ? '—' : String(x.riskScore)]),
      columnStyles: { 3: { halign: 'right', cellWidth: 28 } },
    });
    w.heading('Justification du tirage', 2);
    w.bullets(s.rationale, 9);
  }

  w.heading("Couverture du programme d'audit interne");
  coverageSection(w, model.coverage);

  contents(doc, w, tocPage);
  footers(doc, `CAP Progrès · ${model.group.name} · Dossier pour l'organisme certificateur · ${model.documentId}`);
  return finishDocument(doc);
}

function coverageSection(w: Writer, coverage: ProgrammeCoverage | null) {
  if (!coverage) {
    w.paragraph("Le début du cycle de certification n'est pas renseigné : la couverture du programme ne peut pas être calculée.");
    return;
  }
  const t = coverage.totals;
  w.paragraph(
    `${t.audited} membre(s) adhérent(s) sur ${t.eligible} audité(s) en interne dans le cycle (${t.percentage} %) ; ${t.byStatus.planifie} planifié(s), ${t.byStatus.a_planifier} à planifier, ${t.byStatus.en_retard} en retard. IAF MD 1 : chaque site est audité en interne au moins une fois dans le cycle de 3 ans.`,
    { bold: true },
  );
  w.table({
    head: [['Membre', 'Situation', 'Dernier audit interne, trimestres planifiés']],
    body: coverage.members.map((m) => [
      `${m.name}${m.eligible ? '' : ' (non adhérent)'}`,
      COVERAGE_STATUS_LABELS[m.status],
      `${m.lastAudit ? `${day(m.lastAudit.date)} — ${AUDIT_KIND_LABELS[m.lastAudit.kind]}${m.lastAudit.auditingStructure ? `, par ${m.lastAudit.auditingStructure}` : ''}` : 'Aucun audit'}${m.plannedQuarters.length ? `\nPlanifié : ${m.plannedQuarters.map(quarterLabel).join(', ')}` : ''}`,
    ]),
    columnStyles: { 0: { cellWidth: 60 }, 1: { cellWidth: 30 } },
  });
}

// ——— Shared ———


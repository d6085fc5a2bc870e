/**
 * The campaign's audit-ready PDF and its one-page general-assembly summary, loaded only when the user asks for
 * them. Both render the report model with the shared kit (fonts, writer, footers); the HTML report is the
 * accessible version.
 */
import { readinessScoreText } from '../../domain/scoring/readiness';
import type { jsPDF } from 'jspdf';
import { ACTION_STATUS_LABELS, PRIORITY_LABELS } from '../../domain/plan/model';
import { commentText, frenchDate, METHOD_TEXT, type ReportModel } from '../../domain/report/model';
import { describeAlert, formatScore, formatScoreWithStatus, type Score } from '../../domain/scoring/score';
import { ACCENT, contents, FONT, footers, finishDocument, newDocument, PAGE, WIDTH, Writer } from './pdf-kit';

const coverageText = (score: Score) => `${score.rated} / ${score.applicable}`;

/** The footer line of a campaign's documents. */
const footerLine = (model: ReportModel) => `CAP Progrès · ${model.structure.name} · ${model.campaign.name} · ${model.documentId}`;

export interface RenderOptions {
  /** The radar chart as a JPEG data URL (chart.js, drawn off screen), or null to leave it out. */
  radar: string | null;
}

export async function buildReportPdf(model: ReportModel, options: RenderOptions): Promise<jsPDF> {
  const doc = await newDocument(`Rapport d'auto-évaluation CAP — ${model.structure.name}`);
  const w = new Writer(doc);

  // Cover
  doc.setFillColor(...ACCENT).rect(0, 0, PAGE.width, 60, 'F');
  doc.setFont(FONT, 'bold').setFontSize(24).setTextColor(255, 255, 255);
  doc.text("Rapport d'auto-évaluation CAP", PAGE.margin, 30);
  doc.setFontSize(13).setFont(FONT, 'normal');
  doc.text('Coorace Ambition Progrès', PAGE.margin, 42);
  doc.setTextColor(0, 0, 0);
  w.y = 78;
  w.paragraph(model.structure.name, { size: 18, bold: true, gap: 4 });
  w.paragraph(`${model.campaign.name} — ${frenchDate(model.campaign.date)}`, { size: 13, gap: 6 });
  w.table({
    theme: 'plain',
    styles: { font: FONT, fontSize: 10, cellPadding: 1.6 },
    columnStyles: { 0: { fontStyle: 'bold', cellWidth: 55 } },
    body: [
      ['Profil', model.structure.profile],
      ...(model.structure.siret ? [['SIRET', model.structure.siret]] : []),
      ...(model.structure.region ? [['Région', model.structure.region]] : []),
      ['Parcours', model.campaign.tracks.join(', ')],
      ['Référentiel', `CAP ${model.campaign.referentialVersion}`],
      ['Participants', model.campaign.participants.map((p) => `${p.name} (${p.role})`).join(', ') || '—'],
      ['Document', model.documentId],
      ['Édité le', frenchDate(model.generatedAt)],
      ['SHA-256 des données', model.dataSha256],
    ],
  });
  w.paragraph(
    "L'empreinte SHA-256 identifie l'état exact des données dont ce rapport est tiré : recalculée sur un export de la même campagne (sans le contenu des fichiers joints), elle doit être identique.",
    { size: 8 },
  );

  // Contents, filled in at the end
  w.newPage();
  const tocPage = w.page;
  w.newPage();

  // Executive summary
  w.heading('Synthèse');
  w.paragraph(
    `Score global : ${formatScoreWithStatus(model.scores.global)} — ${model.scores.global.rated} critères évalués sur ${model.scores.global.applicable} applicables (${Math.round(model.scores.global.coverage * 100)} % de couverture).`,
    { bold: true },
  );
  if (model.scores.weakestTheme) w.paragraph(`Thème le plus fragile : ${model.scores.weakestTheme.title}.`);
  w.table({
    head: [['Thème', 'Score', 'Couverture']],
    body: model.scores.themes.map((t) => [t.theme.title, formatScoreWithStatus(t.score), coverageText(t.score)]),
    columnStyles: { 1: { cellWidth: 35 }, 2: { cellWidth: 30 } },
    styles: { font: FONT, fontSize: 9.5 },
  });
  if (options.radar) {
    w.ensure(85);
    doc.addImage(options.radar, 'JPEG', PAGE.margin + (WIDTH - 80) / 2, w.y, 80, 80, 'radar', 'FAST');
    w.y += 84;
  }
  w.heading(`Alertes réglementaires (${model.scores.alerts.length})`, 2);
  w.bullets(
    model.scores.alerts.length === 0
      ? ["Aucun critère réglementaire n'est évalué à 0 ou 1."]
      : model.scores.alerts.map(describeAlert),
  );
  w.heading('Points forts', 2);
  w.bullets(model.strengths.length === 0 ? ['Aucun critère au niveau 3 ou 4 pour l’instant.'] : model.strengths.map((s) => `${s.criterion.code} ${s.criterion.title} — niveau ${s.level}`));
  w.heading('Principaux écarts', 2);
  w.bullets(model.gaps.length === 0 ? ['Aucun écart à traiter.'] : model.gaps.map((g) => `${g.criterion.code} ${g.criterion.title} — niveau ${g.level}, objectif ${g.targetLevel}${g.regulatoryAlert ? ' (réglementaire)' : ''}`));

  // One section per theme
  for (const theme of model.themes) {
    w.newPage();
    w.heading(`${theme.theme.code} — ${theme.theme.title} : ${formatScoreWithStatus(theme.score)}`);
    w.paragraph(`Couverture : ${coverageText(theme.score)} critères évalués.`, { size: 9 });
    w.table({
      head: [['Critère', 'Niveau atteint', 'Commentaire', 'Preuves']],
      body: theme.lines.map((l) => [
        `${l.criterion.code} ${l.criterion.title}${l.criterion.regulatory ? ' (réglementaire)' : ''}`,
        `${l.levelLabel}${l.descriptor ? `\n${l.descriptor}` : ''}`,
        commentText(l),
        l.evidence.join('\n'),
      ]),
      columnStyles: { 0: { cellWidth: 40 }, 1: { cellWidth: 48 }, 2: { cellWidth: 60 }, 3: { cellWidth: 32 } },
    });
  }

  // ISO views
  w.newPage();
  w.heading('Correspondance ISO 9001 : préparation article par article');
  w.table({
    head: [['Article', 'Score', 'Couverture', 'Critères CAP']],
    body: model.iso9001.map((r) => [`${r.reference.code} ${r.reference.title}`, readinessScoreText(r, formatScoreWithStatus), r.excluded !== undefined ? '—' : coverageText(r.score), r.criteria.map((c) => c.code).join(', ') || '—']),
    columnStyles: { 0: { cellWidth: 70 }, 1: { cellWidth: 28 }, 2: { cellWidth: 22 } },
  });
  if (model.iso26000) {
    w.heading('CAP RSE : questions centrales ISO 26000');
    w.table({
      head: [['Question centrale', 'Score', 'Couverture', 'Critères CAP']],
      body: model.iso26000.map((r) => [`${r.reference.code} ${r.reference.title}`, formatScoreWithStatus(r.score), coverageText(r.score), r.criteria.map((c) => c.code).join(', ') || '—']),
      columnStyles: { 0: { cellWidth: 70 }, 1: { cellWidth: 28 }, 2: { cellWidth: 22 } },
    });
  }

  // Plan, evidence, method, signatures
  w.newPage();
  w.heading(`Plan de progrès (${model.plan.length} actions)`);
  if (model.plan.length === 0) w.paragraph('Aucune action enregistrée.');
  else
    w.table({
      head: [['Action', 'Critères', 'Pilote', 'Échéance', 'Statut', 'Priorité']],
      body: model.plan.map((a) => [a.title + (a.indicator ? `\nIndicateur : ${a.indicator}` : ''), a.criterionCodes.join(', '), a.owner, a.dueDate ? frenchDate(a.dueDate) : '—', ACTION_STATUS_LABELS[a.status], PRIORITY_LABELS[a.priority]]),
      columnStyles: { 0: { cellWidth: 70 }, 1: { cellWidth: 22 } },
    });
  w.heading(`Index des preuves (${model.evidenceIndex.length})`);
  if (model.evidenceIndex.length === 0) w.paragraph('Aucune preuve enregistrée.');
  else
    w.table({
      head: [['Critère', 'Preuve', 'Nature', 'Fichier ou lien', 'SHA-256']],
      body: model.evidenceIndex.map((e) => [e.criterionCode, e.title, e.kind, e.fileName, e.sha256]),
      columnStyles: { 0: { cellWidth: 16 }, 1: { cellWidth: 50 }, 2: { cellWidth: 22 }, 3: { cellWidth: 42 }, 4: { cellWidth: 50, fontSize: 6 } },
    });
  w.heading('Annexe : méthode de calcul');
  w.bullets(METHOD_TEXT, 9);
  w.heading('Signatures');
  w.paragraph('Rapport établi par la direction et présenté à la gouvernance.', { size: 9, gap: 4 });
  w.ensure(40);
  const boxes = ['La direction', 'Pour le conseil d’administration'];
  boxes.forEach((label, i) => {
    const x = PAGE.margin + i * (WIDTH / 2 + 2);
    doc.setDrawColor(120).rect(x, w.y, WIDTH / 2 - 2, 32);
    doc.setFontSize(9).text(`${label} — nom, date et signature`, x + 2, w.y + 5);
  });
  w.y += 36;

  contents(doc, w, tocPage);
  footers(doc, footerLine(model));
  return finishDocument(doc);
}

/** One page for the general assembly (ESS good-practice report): where we stand, what is done, what is planned. */
export async function buildAssemblySummaryPdf(model: ReportModel): Promise<jsPDF> {
  const doc = await newDocument(`Démarche de progrès — synthèse pour l'assemblée générale — ${model.structure.name}`);
  const w = new Writer(doc);
  doc.setFont(FONT, 'bold').setFontSize(16).setTextColor(...ACCENT);
  doc.text('Notre démarche de progrès', PAGE.margin, w.y + 2);
  doc.setFontSize(10).setFont(FONT, 'normal').setTextColor(0, 0, 0);
  w.y += 9;
  w.paragraph(`${model.structure.name} — synthèse pour l'assemblée générale (bonnes pratiques de l'ESS), ${model.campaign.name}, ${frenchDate(model.campaign.date)}.`, { size: 9, gap: 4 });
  const short = (text: string, max = 95) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

  w.heading('Où nous en sommes', 2);
  w.paragraph(
    `Auto-évaluation CAP conduite sur ${model.scores.global.applicable} critères (${model.scores.global.rated} évalués) : score global ${formatScoreWithStatus(model.scores.global)}. ` +
      model.scores.themes.map((t) => `${t.theme.title} ${formatScore(t.score.value)}`).join(' ; ') + '.',
    { size: 9.5 },
  );
  if (model.scores.alerts.length > 0) w.paragraph(`${model.scores.alerts.length} exigence(s) réglementaire(s) à consolider en priorité.`, { size: 9.5 });
  w.heading('Ce qui est fait', 2);
  w.bullets(model.done.length === 0 ? ['Première campagne : les actions réalisées figureront dans la prochaine synthèse.'] : model.done.slice(0, 6).map((a) => short(a.title)), 9.5);
  if (model.done.length > 6) w.paragraph(`… et ${model.done.length - 6} autre(s) action(s) réalisée(s).`, { size: 9 });
  w.heading("Ce qui est prévu pour l'année à venir", 2);
  w.bullets(
    model.planned.length === 0 ? ['Le plan de progrès est en cours de construction.'] : model.planned.slice(0, 8).map((a) => short(`${a.title}${a.dueDate ? ` (échéance ${frenchDate(a.dueDate)})` : ''}${a.owner ? `, ${a.owner}` : ''}`)),
    9.5,
  );
  if (model.planned.length > 8) w.paragraph(`… et ${model.planned.length - 8} autre(s) action(s) au plan de progrès.`, { size: 9 });
  w.heading('Points forts reconnus', 2);
  w.bullets(model.strengths.length === 0 ? ['À identifier lors de la prochaine campagne.'] : model.strengths.slice(0, 4).map((s) => short(`${s.criterion.code} ${s.criterion.title}`)), 9.5);
  footers(doc, footerLine(model));
  return finishDocument(doc);
}

/**
 * The audit report PDF, in the order an AFNOR auditor's report reads: scope and dates, team, independence,
 * synthesis (with what blocks a certification audit), findings, rating gaps, conclusion, signatures. It renders
 * the audit report model with the shared PDF kit; loaded only when the user asks for it.
 */
import type { jsPDF } from 'jspdf';
import type { CellHookData } from 'jspdf-autotable';
import type { AuditReportModel, LayerLine } from '../../domain/report/audit-report';
import { formatGap } from '../../domain/audit/layers';
import { frenchDate } from '../../domain/french-date';
import { formatScoreWithStatus } from '../../domain/scoring/score';
import { ACCENT, FONT, footers, finishDocument, newDocument, PAGE, WIDTH, Writer, type FontFiles } from './pdf-kit';

const ALERT: [number, number, number] = [176, 0, 32];
const ALERT_BACKGROUND: [number, number, number] = [253, 236, 238];

export interface AuditPdfOptions {
  /** DejaVu Sans regular and bold, when the PDF is built outside the browser (tests); otherwise fetched from /fonts. */
  fonts?: FontFiles;
}

export async function buildAuditReportPdf(model: AuditReportModel, options: AuditPdfOptions = {}): Promise<jsPDF> {
  const doc = await newDocument(`${model.title} — ${model.audited.structureName}`, {
    subject: 'Audit CAP (COORACE) — préparation ISO 9001',
    fonts: options.fonts,
  });
  const w = new Writer(doc);
  cover(w, model);
  scopeAndDates(w, model);
  team(w, model);
  independence(w, model);
  synthesis(w, model);
  findings(w, model);
  divergences(w, model);
  w.heading('Conclusion');
  w.paragraph(model.conclusion || "Conclusion à rédiger par le responsable d'audit.");
  signatures(w, model);
  footers(doc, `CAP Progrès · ${model.audited.structureName} · ${model.title} · ${model.documentId}`);
  return finishDocument(doc);
}

function cover(w: Writer, model: AuditReportModel) {
  const { doc } = w;
  doc.setFillColor(...ACCENT).rect(0, 0, PAGE.width, 48, 'F');
  doc.setFont(FONT, 'bold').setFontSize(22).setTextColor(255, 255, 255);
  doc.text(model.title, PAGE.margin, 24);
  doc.setFont(FONT, 'normal').setFontSize(12);
  doc.text(`Coorace Ambition Progrès — référentiel CAP ${model.audited.referentialVersion}`, PAGE.margin, 36);
  doc.setTextColor(0, 0, 0);
  w.y = 62;
  w.paragraph(model.audited.structureName, { size: 17, bold: true, gap: 3 });
  w.paragraph(`Campagne auditée : ${model.audited.campaignName}${model.audited.campaignDate ? ` — ${model.audited.campaignDate}` : ''}`, { size: 12, gap: 4 });
  w.table({
    theme: 'plain',
    styles: { font: FONT, fontSize: 10, cellPadding: 1.4 },
    columnStyles: { 0: { fontStyle: 'bold', cellWidth: 50 } },
    body: [
      ['Profil', model.audited.structureProfile || '—'],
      ...(model.audited.siret ? [['SIRET', model.audited.siret]] : []),
      ...(model.audited.region ? [['Région', model.audited.region]] : []),
      ['Parcours', model.audited.tracks.join(', ')],
      ['Structure auditrice', model.auditingStructure || '—'],
      ["Dates de l'audit", model.dates.text],
      ['Document', model.documentId],
      ['Édité le', frenchDate(model.generatedAt)],
    ],
  });
}

function scopeAndDates(w: Writer, model: AuditReportModel) {
  w.heading('Périmètre et dates');
  w.paragraph(`Audit conduit ${model.dates.text}${model.auditingStructure ? ` par ${model.auditingStructure}` : ''}.`);
  w.paragraph(
    `Référentiel CAP ${model.audited.referentialVersion}, parcours ${model.audited.tracks.join(', ')} : ${model.audited.criteriaInScope} critère(s) dans le périmètre de la campagne « ${model.audited.campaignName} ».`,
  );
  w.paragraph(`Sites, activités et processus audités : ${model.audited.scopeNote || 'non précisés.'}`);
}

function team(w: Writer, model: AuditReportModel) {
  w.heading("Équipe d'audit");
  if (model.auditors.length === 0) {
    w.paragraph('Aucun auditeur renseigné.', { bold: true });
    return;
  }
  w.table({
    head: [['Nom', 'Rôle', 'Organisation']],
    body: model.auditors.map((a) => [a.name, a.role, a.organisation]),
    styles: { font: FONT, fontSize: 9.5 },
  });
}

function independence(w: Writer, model: AuditReportModel) {
  w.heading("Déclaration d'indépendance");
  w.paragraph(model.independence.statement || 'Aucune déclaration rédigée.');
  if (model.independence.declared) w.paragraph("Déclaration signée par l'équipe d'audit.", { bold: true });
  else
    alertBox(w, 'Déclaration non signée', [
      "L'objectivité et l'impartialité des auditeurs (ISO 9001 § 9.2.2) ne sont pas attestées : faites signer la déclaration avant de diffuser ce rapport.",
    ]);
}

function synthesis(w: Writer, model: AuditReportModel) {
  w.heading('Synthèse');
  if (model.blockers.length > 0) alertBox(w, model.verdict, model.blockers.map((b) => `• ${b.message}`));
  else w.paragraph(model.verdict, { bold: true });

  w.heading('Constats par type', 2);
  const total = model.counts.reduce((sum, c) => sum + c.count, 0);
  w.table({
    head: [['Type de constat', 'Nombre']],
    body: [...model.counts.map((c) => [c.label, String(c.count)]), ['Total', String(total)]],
    styles: { font: FONT, fontSize: 9.5 },
    columnStyles: { 1: { cellWidth: 30, halign: 'right' } },
    didParseCell: ({ section, row, cell }) => {
      if (section === 'body' && row.index === model.counts.length) cell.styles.fontStyle = 'bold';
    },
  });

  w.heading("Auto-évaluation et appréciation de l'auditeur", 2);
  const lines: LayerLine[] = [model.comparison.global, ...model.comparison.themes];
  // The global score leads the table, in bold.
  const boldFirstRow = (data: CellHookData) => {
    if (data.section === 'body' && data.row.index === 0) data.cell.styles.fontStyle = 'bold';
  };
  if (model.comparison.selfShared) {
    w.paragraph("Écart : score de l'auditeur moins score de l'équipe, en points ; les deux sont calculés selon la même méthode.", { size: 8.5 });
    w.table({
      head: [['Thème', 'Auto-évaluation', 'Auditeur', 'Écart']],
      body: lines.map((l) => [l.label, l.self ? formatScoreWithStatus(l.self) : '—', formatScoreWithStatus(l.auditor), formatGap(l.gap, ' pts')]),
      styles: { font: FONT, fontSize: 9.5 },
      columnStyles: { 1: { cellWidth: 36 }, 2: { cellWidth: 36 }, 3: { cellWidth: 22, halign: 'right' } },
      didParseCell: boldFirstRow,
    });
  } else {
    w.paragraph("La structure auditée n'a pas communiqué ses propres niveaux : seule l'appréciation de l'auditeur figure ici.", { size: 9 });
    w.table({
      head: [['Thème', 'Auditeur', 'Critères évalués']],
      body: lines.map((l) => [l.label, formatScoreWithStatus(l.auditor), `${l.auditor.rated} / ${l.auditor.applicable}`]),
      styles: { font: FONT, fontSize: 9.5 },
      columnStyles: { 1: { cellWidth: 36 }, 2: { cellWidth: 36 } },
      didParseCell: boldFirstRow,
    });
  }
}

function findings(w: Writer, model: AuditReportModel) {
  w.heading(`Constats (${model.findings.length})`);
  if (model.findings.length === 0) {
    w.paragraph('Aucun constat enregistré.');
    return;
  }
  const labelled = (label: string, text: string) => (text.trim() ? `${label} : ${text.trim()}` : '');
  w.table({
    head: [['Type', 'Référence', 'Constat et preuves', 'Exigence / cause / action corrective']],
    body: model.findings.map(({ finding: f, kindLabel, references }) => [
      kindLabel,
      references.join('\n') || '—',
      [f.statement, labelled('Preuves vues', f.evidenceSeen)].filter(Boolean).join('\n'),
      [labelled('Exigence', f.requirement), labelled('Cause', f.rootCause), labelled('Action corrective', f.correctiveAction)].filter(Boolean).join('\n') || '—',
    ]),
    columnStyles: { 0: { cellWidth: 31 }, 1: { cellWidth: 37 }, 2: { cellWidth: 57 }, 3: { cellWidth: 55 } },
    // Non-conformities stand out in the Type column.
    didParseCell: ({ section, row, column, cell }) => {
      if (section === 'body' && column.index === 0 && model.findings[row.index]?.nonConformity) {
        cell.styles.fontStyle = 'bold';
        cell.styles.textColor = ALERT;
      }
    },
  });
}

function divergences(w: Writer, model: AuditReportModel) {
  w.heading("Écarts d'appréciation");
  if (!model.comparison.selfShared) {
    w.paragraph("Sans les niveaux de l'équipe, les écarts d'appréciation ne peuvent pas être établis.");
    return;
  }
  if (model.divergences.length === 0) {
    w.paragraph("Aucun critère où l'équipe et l'auditeur diffèrent de deux niveaux ou plus.");
    return;
  }
  w.paragraph("Critères où l'équipe et l'auditeur diffèrent de deux niveaux ou plus : à discuter lors de la réunion de clôture.", { size: 9 });
  w.table({
    head: [['Critère', 'Auto-évaluation', 'Auditeur', 'Écart', "Commentaire de l'auditeur"]],
    body: model.divergences.map((d) => [`${d.criterion.code} ${d.criterion.title}`, d.selfLabel, d.auditorLabel, formatGap(d.gap), d.auditorComment]),
    columnStyles: { 0: { cellWidth: 48 }, 1: { cellWidth: 31 }, 2: { cellWidth: 27 }, 3: { cellWidth: 14, halign: 'right' } },
  });
}

function signatures(w: Writer, model: AuditReportModel) {
  w.heading('Signatures');
  w.ensure(40);
  model.signatures.forEach((label, i) => {
    const x = PAGE.margin + i * (WIDTH / 2 + 2);
    w.doc.setDrawColor(120).rect(x, w.y, WIDTH / 2 - 2, 32);
    w.doc.setFont(FONT, 'normal').setFontSize(9).text(`${label} — nom, date et signature`, x + 2, w.y + 5, { maxWidth: WIDTH / 2 - 6 });
  });
  w.y += 36;
}

/** A red-bordered box: a bold title bar and its lines; autoTable carries it over a page break if needed. */
function alertBox(w: Writer, title: string, lines: string[]) {
  w.table({
    theme: 'plain',
    head: [[title]],
    body: lines.map((line) => [line]),
    tableLineColor: ALERT,
    tableLineWidth: 0.8,
    headStyles: { font: FONT, fontStyle: 'bold', fontSize: 10.5, fillColor: ALERT, textColor: 255, cellPadding: 2.5 },
    bodyStyles: { fontSize: 9.5, fillColor: ALERT_BACKGROUND, textColor: [80, 0, 16], cellPadding: { top: 1.6, bottom: 1.6, left: 3, right: 3 } },
  });
}

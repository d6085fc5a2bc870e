// Import figures for `npm run bench`, in Node: how long reading (judging) a backup takes, beside its floor —
// JSON.parse of the same text plus the SHA-256 of its canonical content, which no reader can skip.
import { runnerImport } from 'vite';
import { resolve } from 'node:path';

const load = async (path) => (await runnerImport(resolve(path))).module;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function runImportBench() {
  const { loadReferential } = await load('src/loaders/referential.ts');
  const { buildExchangeFile, readExchangeFile, readContextOf } = await load('src/domain/evaluation/exchange.ts');
  const { canonicalJson, sha256Hex } = await load('src/domain/evaluation/canonical.ts');
  const referential = loadReferential();
  const context = readContextOf(referential);
  const at = '2026-03-01T10:00:00.000Z';
  const hex = (n) => n.toString(16).padStart(32, '0');
  const comment = 'Entretien de suivi mené avec le salarié ; objectifs revus, <b>prochaine</b> étape fixée. '.repeat(6);

  /** A whole structure's history: `campaigns` campaigns, every criterion rated and commented. */
  const backup = (campaigns) => {
    const structure = { id: hex(1), name: 'Régie <b>Nord</b>', legalForm: 'ASSOCIATION', conventionnements: ['AI', 'ACI'], ensemblier: true, essCompany: false, group: null, headcount: 35, siret: '', region: 'Normandie', staff: { permanents: 5, inPathway: 30, volunteers: null }, createdAt: at, updatedAt: at };
    const content = { structures: [structure], campaigns: [], ratings: [], evidence: [], actions: [], dismissals: [], files: [], views: [], audits: [], auditRatings: [], findings: [] };
    for (let c = 0; c < campaigns; c++) {
      const id = hex(100 + c);
      content.campaigns.push({ id, structureId: structure.id, name: `CAP ${2000 + c}`, date: '2026-03-01', tracks: ['CAP'], participants: [], referentialVersion: referential.version, previousCampaignId: null, createdAt: at, updatedAt: at });
      referential.criteria.forEach((criterion, i) =>
        content.ratings.push({ campaignId: id, criterionCode: criterion.code, level: i % 5, notApplicable: null, comment, toReview: false, carriedOver: false, updatedAt: at }),
      );
    }
    return buildExchangeFile(content, { scope: 'all', referentialVersion: referential.version, now: at }).then((file) => JSON.stringify(file, null, 1));
  };

  const figures = [];
  for (const campaigns of [12, 50]) {
    const json = await backup(campaigns);
    const judge = [];
    const floor = [];
    for (let i = 0; i < 5; i++) {
      let start = performance.now();
      const read = await readExchangeFile(json, context);
      judge.push(performance.now() - start);
      if (!read.ok) throw new Error(read.message);
      start = performance.now();
      await sha256Hex(canonicalJson(JSON.parse(json).content));
      floor.push(performance.now() - start);
    }
    figures.push({ bytes: Buffer.byteLength(json), ratings: campaigns * referential.criteria.length, judge: median(judge), floor: median(floor) });
  }
  return figures;
}

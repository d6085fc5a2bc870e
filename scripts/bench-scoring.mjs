// Scoring figures for `npm run bench`, in Node, on the real referential (loaded through Vite's module runner).
import { runnerImport } from 'vite';
import { resolve } from 'node:path';

const load = async (path) => (await runnerImport(resolve(path))).module;

export async function runScoringBench() {
  const { loadReferential } = await load('src/loaders/referential.ts');
  const { scoreCampaign } = await load('src/domain/scoring/score.ts');
  const { iso9001Readiness, iso26000Readiness } = await load('src/domain/scoring/readiness.ts');
  const referential = loadReferential();
  const scope = referential.criteria;
  const campaign = (seed) =>
    new Map(scope.map((c, i) => [c.code, { campaignId: `c${seed}`, criterionCode: c.code, level: (i + seed) % 7 === 0 ? null : (i * 7 + seed) % 5, notApplicable: (i + seed) % 11 === 0 ? { justification: 'Sans objet ici.' } : null, comment: '', toReview: false, carriedOver: false, updatedAt: '' }]));

  const one = campaign(1);
  for (let i = 0; i < 200; i++) scoreCampaign(referential, scope, one); // warm-up
  const times = [];
  for (let i = 0; i < 1000; i++) {
    const start = performance.now();
    scoreCampaign(referential, scope, one);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);

  const many = Array.from({ length: 1000 }, (_, i) => campaign(i));
  const start = performance.now();
  let sum = 0;
  for (const ratings of many) sum += scoreCampaign(referential, scope, ratings).global.value ?? 0;
  const aggregate = performance.now() - start;

  const readinessStart = performance.now();
  for (let i = 0; i < 100; i++) {
    iso9001Readiness(referential, scope, one);
    iso26000Readiness(referential, scope, one);
  }
  const readiness = (performance.now() - readinessStart) / 100;
  return { criteria: scope.length, median: times[500], p95: times[950], aggregate, readiness, checksum: sum };
}

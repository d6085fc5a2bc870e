#!/usr/bin/env node
// Compares two built sites on one workspace screen, by loads alternated between them on the same machine at the
// same time: what a change gains or costs is often smaller than what the machine varies from one quarter of an
// hour to the next, so two bench runs cannot tell (docs/performance.md, « Comment mesurer »).
//
//   cp -r dist /tmp/avant && npm run build          # the site before the change, then after it
//   node scripts/compare-builds.mjs /tmp/avant dist campagne 16
//
// Screens: espace, campagne, tableau, regards, audit (seeded as the bench seeds them). For each site it prints:
// - the screen painted after its island started, and after navigation (HTTP cache warm, as in the bench);
// - the same screen loaded with the cache cleared under Lighthouse's instrumentation (debugger, async stacks 8 deep,
//   code coverage), traced: the island's module-evaluation task, and the main-thread time beyond 12.5 ms per task
//   after the first paint, which Lighthouse multiplies by 4 and counts beyond 50 ms as blocking time.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { screenTimer, seed, spreadOf } from './bench-browser.mjs';
import { startPreview } from './preview-server.mjs';

const SCREENS = {
  espace: ['/espace/', 'home'],
  campagne: ['/espace/campagne/?id={campaign}', 'campaign'],
  tableau: ['/espace/tableau-de-bord/?id={campaign}', 'dashboard'],
  regards: ['/espace/regards/?id={campaign}', 'regards'],
  audit: ['/espace/audit/?audit={audit}', 'audit'],
};
/** Lighthouse simulates a phone by multiplying task durations by 4 and counts each beyond 50 ms: 12.5 ms real. */
const BLOCKING_FROM_MS = 12.5;

/** Mean of the middle half: one load slowed by the machine does not move it, as it moves a mean. */
function middleMean(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const quarter = Math.floor(sorted.length / 4);
  const middle = sorted.slice(quarter, sorted.length - quarter);
  return middle.reduce((sum, v) => sum + v, 0) / middle.length;
}
function figure(values) {
  const [fastest, slowest] = spreadOf(values);
  return `${middleMean(values).toFixed(1)} ms (${fastest.toFixed(0)} – ${slowest.toFixed(0)})`;
}

/** Lighthouse's settings before each page: its debugger (for stack traces) and its code coverage. */
async function instrumentLikeLighthouse(cdp) {
  await cdp.send('Debugger.enable');
  await cdp.send('Debugger.setSkipAllPauses', { skip: true });
  await cdp.send('Debugger.setAsyncCallStackDepth', { maxDepth: 8 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.startPreciseCoverage', { detailed: false });
}

/** From a trace of one load: the island's module-evaluation task and the time beyond 12.5 ms per task after FCP. */
function mainThreadTasks(events) {
  const navigation = events.filter((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith('http')).at(-1);
  const onMain = (e) => e.pid === navigation.pid && e.tid === navigation.tid && e.ph === 'X';
  const main = events.filter(onMain);
  const firstPaint = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === navigation.pid)?.ts ?? navigation.ts;
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ts >= navigation.ts);
  const evaluation = main.filter((e) => e.name === 'v8.evaluateModule').sort((a, b) => b.dur - a.dur)[0];
  const evaluationTask = evaluation && tasks.find((t) => t.ts <= evaluation.ts && t.ts + t.dur >= evaluation.ts + evaluation.dur);
  const beyond = tasks.filter((t) => t.ts >= firstPaint).reduce((sum, t) => sum + Math.max(0, t.dur / 1000 - BLOCKING_FROM_MS), 0);
  return { evaluation: (evaluationTask?.dur ?? 0) / 1000, beyond };
}

const [dirA, dirB, screen = 'campagne', loadsArg = '12'] = process.argv.slice(2);
const loads = Number(loadsArg);
if (!dirA || !dirB || !(screen in SCREENS) || !(loads >= 2)) {
  console.error(`Usage : node scripts/compare-builds.mjs <site A> <site B> [${Object.keys(SCREENS).join('|')}] [chargements ≥ 2]`);
  process.exit(2);
}
for (const dir of [dirA, dirB]) {
  if (!existsSync(join(dir, 'espace', 'index.html'))) {
    console.error(`${dir} n'est pas un site construit (pas de espace/index.html) : lancez npm run build, puis copiez dist/.`);
    process.exit(2);
  }
}

const sites = [];
const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined });
try {
  for (const dir of [dirA, dirB]) {
    const server = await startPreview(resolve(dir));
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const timeScreen = await screenTimer(context);
    const page = await context.newPage();
    const { campaignId, auditId } = await seed(page, server.base);
    const url = server.base + SCREENS[screen][0].replace('{campaign}', campaignId).replace('{audit}', auditId);
    sites.push({ dir, server, context, page, url, timeScreen, timed: [], traced: [] });
  }
  const key = SCREENS[screen][1];
  // A, B then B, A: neither site always loads right after the other.
  const inTurn = (i) => (i % 2 === 0 ? sites : [...sites].reverse());
  for (let i = 0; i < loads; i++) {
    for (const site of inTurn(i)) site.timed.push(await site.timeScreen(site.page, site.url, key));
  }
  for (let i = 0; i < loads; i++) {
    for (const site of inTurn(i)) {
      const { page, context } = site;
      await page.goto('about:blank');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.clearBrowserCache');
      await instrumentLikeLighthouse(cdp);
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'] });
      await site.timeScreen(page, site.url, key);
      // The tasks that follow the first paint of the screen count as well (the next stages of a long list).
      await page.waitForTimeout(1000);
      const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
      await cdp.detach();
      site.traced.push(mainThreadTasks(events));
    }
  }
} finally {
  await browser.close();
  for (const site of sites) site.server.stop();
}

const width = Math.max(...sites.map((s) => s.dir.length)) + 4;
console.log(`« ${screen} », ${loads} chargements alternés par site ; moyenne de la moitié centrale (étendue)`);
console.log(`${'site'.padEnd(width)}${"peint après l'îlot".padEnd(28)}après la navigation`);
for (const [i, site] of sites.entries()) {
  const label = `${'AB'[i]} ${site.dir}`.padEnd(width);
  console.log(`${label}${figure(site.timed.map((t) => t.fromIsland)).padEnd(28)}${figure(site.timed.map((t) => t.fromNavigation))}`);
}
console.log(`\nCache vidé, sous l'instrumentation de Lighthouse (tracé) :`);
console.log(`${'site'.padEnd(width)}${'évaluation des modules'.padEnd(28)}au-delà de ${BLOCKING_FROM_MS} ms par tâche, après le premier affichage`);
for (const [i, site] of sites.entries()) {
  const label = `${'AB'[i]} ${site.dir}`.padEnd(width);
  console.log(`${label}${figure(site.traced.map((t) => t.evaluation)).padEnd(28)}${figure(site.traced.map((t) => t.beyond))}`);
}

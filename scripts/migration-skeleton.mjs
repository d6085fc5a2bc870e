#!/usr/bin/env node
// Prints the skeleton of the migration table from the newest frozen version to the current one (content/), for an
// editor to complete: codes present in both are « kept », codes only in the older version must be decided (merged,
// split, renamed or removed with a reason), codes only in the newer one are « new ». Usage: npm run referentiel:table
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const content = process.argv[2] ?? 'content';
const codesOf = (dir) =>
  readdirSync(join(dir, 'criteria'), { recursive: true, encoding: 'utf8' })
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => parse(readFileSync(join(dir, 'criteria', n), 'utf8')).code)
    .sort();
const versionOf = (dir) => parse(readFileSync(join(dir, 'referential.yaml'), 'utf8')).version;
const compare = (a, b) => { const [x, y] = [a, b].map((v) => v.split('.').map(Number)); return x[0] - y[0] || x[1] - y[1]; };

const versionsDir = join(content, 'versions');
const frozen = existsSync(versionsDir) ? readdirSync(versionsDir).sort(compare) : [];
if (frozen.length === 0) {
  console.error('Aucune version figée dans content/versions/ : figez d’abord la version publiée (npm run referentiel:figer).');
  process.exit(1);
}
const olderDir = join(versionsDir, frozen.at(-1));
const [from, to] = [versionOf(olderDir), versionOf(content)];
const older = codesOf(olderDir);
const newer = new Set(codesOf(content));
const kept = older.filter((c) => newer.has(c));
const gone = older.filter((c) => !newer.has(c));
const added = [...newer].filter((c) => !older.includes(c));
console.log(`# Table de migration du référentiel ${from} vers ${to} : ce que devient chaque critère de ${from}.
# À enregistrer dans content/migrations/${from}-${to}.yaml, puis à compléter (voir content/README.md).
from: "${from}"
to: "${to}"
kept: [${kept.join(', ')}]
renamed: []   # - { from: SU.4.3, to: SR.2.7, note: "…" }
merged: []    # - { from: [SR.2.5, SU.4.2], to: SU.4.2, note: "…" }
split: []     # - { from: SR.4.2, to: [SR.4.2, SR.4.8], note: "…" }
removed:      # à décider : fusionné, scindé, renommé ou retiré (avec sa raison)
${gone.map((c) => `  - { from: ${c}, reason: "À COMPLÉTER" }`).join('\n') || '  []'}
new: [${added.join(', ')}]`);

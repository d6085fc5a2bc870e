#!/usr/bin/env node
// Freezes the published version of the referential before anyone edits it: copies content/ (referential.yaml,
// scale.yaml, themes.yaml, criteria/, reference/) into content/versions/<version>/, where the build keeps checking it
// and the site keeps serving it to the campaigns pinned to it. Usage: npm run referentiel:figer
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const content = process.argv[2] ?? 'content';
const { version } = parse(readFileSync(join(content, 'referential.yaml'), 'utf8'));
const target = join(content, 'versions', version);
if (existsSync(target)) {
  console.error(`La version ${version} est déjà figée dans ${target} : changez « version » dans ${content}/referential.yaml avant de modifier le référentiel.`);
  process.exit(1);
}
mkdirSync(target, { recursive: true });
for (const entry of ['referential.yaml', 'scale.yaml', 'themes.yaml', 'criteria', 'reference']) {
  cpSync(join(content, entry), join(target, entry), { recursive: true });
}
console.log(`Version ${version} figée dans ${target}.
Ensuite : 1. changez « version » et « publishedOn » dans ${content}/referential.yaml ;
          2. modifiez les critères ;
          3. écrivez la table de migration : npm run referentiel:table > ${content}/migrations/${version}-<nouvelle>.yaml, puis complétez-la.`);

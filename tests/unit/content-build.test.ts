/** The real build refuses a broken referential and prints what to fix (runs `astro sync` on a broken copy). */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'cap-content-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `astro sync` on the copy: its exit status and everything it printed. */
function sync(): { status: number; output: string } {
  try {
    execFileSync('npx', ['astro', 'sync'], { env: { ...process.env, CAP_CONTENT_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, output: '' };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: `${e.stdout}\n${e.stderr}` };
  }
}

it('fails the build with a clear French message naming each broken file', () => {
  cpSync('content', dir, { recursive: true });
  const sr42 = join(dir, 'criteria', 'SR', 'SR.4.2.yaml');
  const original = readFileSync(sr42, 'utf8');
  writeFileSync(join(dir, 'criteria', 'SR', 'SR.4.2-copie.yaml'), original);
  writeFileSync(sr42, original.replace('iso9001: ["8.1", "8.2.2"]', 'iso9001: ["8.1", "8.9"]'));
  const id11 = join(dir, 'criteria', 'ID', 'ID.1.1.yaml');
  writeFileSync(id11, readFileSync(id11, 'utf8').replace(/^ {2}3: .*\n/m, ''));
  // The migration table forgets a criterion of 2026.1 and names one 2026.2 does not have.
  const table = join(dir, 'migrations', '2026.1-2026.2.yaml');
  writeFileSync(table, readFileSync(table, 'utf8').replace('kept: [AC.1.1, ', 'kept: [').replace('new: [', 'new: [SR.9.9, '));

  let { status, output } = sync();
  expect(status).not.toBe(0);
  expect(output).toContain('Le référentiel CAP contient');
  expect(output).toContain("SR.4.2.yaml : l'article ISO 9001 « 8.9 » n'existe pas");
  expect(output).toMatch(/SR\.4\.2(-copie)?\.yaml : le code SR\.4\.2 est déjà utilisé par/);
  expect(output).toContain('ID.1.1.yaml : le descripteur du niveau 3 manque');
  // The build reads the table once the versions are sound: with the criteria fixed, the table's problems are said.
  writeFileSync(sr42, original);
  rmSync(join(dir, 'criteria', 'SR', 'SR.4.2-copie.yaml'));
  writeFileSync(id11, readFileSync('content/criteria/ID/ID.1.1.yaml', 'utf8'));
  ({ status, output } = sync());
  expect(status).not.toBe(0);
  expect(output).toContain('La table de migration 2026.1 → 2026.2 ne dit pas ce que devient le critère AC.1.1 de 2026.1.');
  expect(output).toContain('La table de migration 2026.1 → 2026.2 nomme le critère SR.9.9, absent du référentiel 2026.2.');
}, 180_000);

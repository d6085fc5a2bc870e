/** Versions side by side: the library of content/, its checks in French, and what changes from one version to the next. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffWords, versionChanges } from '../../src/domain/referential/changes';
import { compareVersions, migrationPath } from '../../src/domain/referential/library';
import { carryThroughPath, codesAfter, type MigrationTable } from '../../src/domain/referential/migration';
import { loadLibrary } from '../../src/loaders/referential';

const library = loadLibrary();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of content/ with one change, and the French problems loading it gives. */
function problemsAfter(change: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'cap-library-'));
  dirs.push(dir);
  cpSync('content', dir, { recursive: true });
  change(dir);
  try {
    loadLibrary(dir);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}
const table = (dir: string) => join(dir, 'migrations', '2026.1-2026.2.yaml');

describe('the library of referential versions', () => {
  it('holds 2026.1 frozen and 2026.2 current, with the table between them', () => {
    expect(library.current.version).toBe('2026.2');
    expect(library.versions.map((v) => v.version)).toEqual(['2026.1', '2026.2']);
    expect(library.migrations.map((t) => `${t.from}-${t.to}`)).toEqual(['2026.1-2026.2']);
    // The frozen copy is 2026.1 as published: 101 criteria, ENSEMBLIER still a type of structure.
    const frozen = library.versions[0]!;
    expect(frozen.criteria).toHaveLength(101);
    expect(frozen.structureTypes.map((t) => t.id)).toContain('ENSEMBLIER');
  });

  it('orders versions as numbers, not text', () => {
    expect(['2026.10', '2027.1', '2026.2'].sort(compareVersions)).toEqual(['2026.2', '2026.10', '2027.1']);
  });

  it('fails, in French, when the table forgets a criterion of the older version or names an unknown one', () => {
    const forgets = problemsAfter((dir) => writeFileSync(table(dir), readFileSync(table(dir), 'utf8').replace('kept: [AC.1.1, ', 'kept: [')));
    expect(forgets).toContain('Le référentiel CAP contient 2 erreurs');
    expect(forgets).toMatch(/migrations\/2026\.1-2026\.2\.yaml : La table de migration 2026\.1 → 2026\.2 ne dit pas ce que devient le critère AC\.1\.1 de 2026\.1\./);
    expect(forgets).toContain("ne dit pas d'où vient le critère AC.1.1 de 2026.2");
    const unknown = problemsAfter((dir) => writeFileSync(table(dir), readFileSync(table(dir), 'utf8').replace('new: [', 'new: [SR.9.9, ')));
    expect(unknown).toContain('nomme le critère SR.9.9, absent du référentiel 2026.2.');
  });

  it('fails when a table is missing, misnamed, or the current version is not the newest', () => {
    expect(problemsAfter((dir) => unlinkSync(table(dir)))).toContain('la table de migration 2026.1 → 2026.2 manque');
    expect(
      problemsAfter((dir) => {
        writeFileSync(join(dir, 'migrations', '2026.1-2026.3.yaml'), readFileSync(table(dir), 'utf8'));
        unlinkSync(table(dir));
      }),
    ).toContain("le fichier doit s'appeler 2026.1-2026.2.yaml");
    const stale = problemsAfter((dir) => {
      const meta = join(dir, 'referential.yaml');
      writeFileSync(meta, readFileSync(meta, 'utf8').replace('version: "2026.2"', 'version: "2026.1"'));
    });
    expect(stale).toContain('la version 2026.1 doit être postérieure à toutes les versions publiées');
  });

  it('checks a frozen version by the same rules as the current one', () => {
    const broken = problemsAfter((dir) => {
      const file = join(dir, 'versions', '2026.1', 'criteria', 'SR', 'SR.4.2.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('iso9001: ["8.1", "8.2.2"]', 'iso9001: ["8.1", "8.9"]'));
    });
    expect(broken).toMatch(/versions\/2026\.1\/criteria\/SR\/SR\.4\.2\.yaml : l'article ISO 9001 « 8\.9 » n'existe pas/);
  });
});

describe('publishing a new version (content/README.md)', () => {
  it('freezes the current version, then takes a new one once its table is written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cap-publish-'));
    dirs.push(dir);
    cpSync('content', dir, { recursive: true });
    const run = (script: string) => execFileSync('node', [`scripts/${script}`, dir], { encoding: 'utf8' });
    run('freeze-referential.mjs');
    // Frozen but not yet bumped: the build says what to do.
    expect(problemsAfter((copy) => cpSync(dir, copy, { recursive: true }))).toContain('la version 2026.2 doit être postérieure à toutes les versions publiées');
    expect(() => run('freeze-referential.mjs')).toThrow();
    const meta = join(dir, 'referential.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('version: "2026.2"', 'version: "2026.3"'));
    expect(problemsAfter((copy) => cpSync(dir, copy, { recursive: true }))).toContain('la table de migration 2026.2 → 2026.3 manque');
    writeFileSync(join(dir, 'migrations', '2026.2-2026.3.yaml'), run('migration-skeleton.mjs'));
    const published = loadLibrary(dir);
    expect(published.versions.map((v) => v.version)).toEqual(['2026.1', '2026.2', '2026.3']);
    expect(migrationPath(published.migrations, '2026.1', '2026.3')).toHaveLength(2);
  });
});

describe('migration paths', () => {
  const a: MigrationTable = { from: '2026.1', to: '2026.2', entries: [{ kind: 'kept', from: 'ID.1.1', to: 'ID.1.1' }, { kind: 'merged', from: ['SR.2.5', 'SU.4.2'], to: 'SU.4.2' }, { kind: 'removed', from: 'SR.9.1', reason: 'Abrogé.' }] };
  const b: MigrationTable = { from: '2026.2', to: '2027.1', entries: [{ kind: 'renamed', from: 'ID.1.1', to: 'ID.1.7' }, { kind: 'split', from: 'SU.4.2', to: ['SU.4.2', 'SU.4.5'] }, { kind: 'new', to: 'AC.7.1' }] };

  it('chains the tables from an older version to a newer one', () => {
    expect(migrationPath([a, b], '2026.1', '2027.1')).toEqual([a, b]);
    expect(migrationPath([a, b], '2026.2', '2026.2')).toEqual([]);
    expect(migrationPath([b], '2026.1', '2027.1')).toBeNull();
  });

  it('carries answers across several tables, keeping the oldest answers as sources and the first change as origin', () => {
    const carried = carryThroughPath([a, b], [
      { criterionCode: 'ID.1.1', level: 3, notApplicable: null, comment: 'Projet écrit' },
      { criterionCode: 'SR.2.5', level: 2, notApplicable: null, comment: '' },
      { criterionCode: 'SU.4.2', level: 1, notApplicable: null, comment: 'Registre absent' },
    ]);
    const byCode = new Map(carried.map((c) => [c.criterionCode, c]));
    expect(byCode.get('ID.1.7')).toMatchObject({ origin: 'renamed', level: 3, sources: [{ criterionCode: 'ID.1.1' }] });
    for (const code of ['SU.4.2', 'SU.4.5']) {
      expect(byCode.get(code)?.level).toBe(1);
      expect(byCode.get(code)?.sources.map((s) => s.criterionCode)).toEqual(['SR.2.5', 'SU.4.2']);
    }
    expect(byCode.get('AC.7.1')).toMatchObject({ origin: 'new', level: null, sources: [] });
    expect(codesAfter([a, b], 'SR.2.5')).toEqual(['SU.4.2', 'SU.4.5']);
    expect(codesAfter([a, b], 'SR.9.1')).toEqual([]);
  });
});

describe('what changes between 2026.1 and 2026.2', () => {
  const [older, newer] = library.versions as [typeof library.current, typeof library.current];
  const changes = versionChanges(older, newer, library.migrations[0]!);

  it('accounts for every criterion of both versions', () => {
    const fromOlder = changes.removed.length + changes.merged.reduce((n, m) => n + m.sources.length, 0) + changes.split.length + changes.renamed.length + changes.reworded.length + changes.unchanged;
    expect(fromOlder).toBe(older.criteria.length);
    const inNewer = changes.added.length + changes.merged.length + changes.split.reduce((n, s) => n + s.targets.length, 0) + changes.renamed.length + changes.reworded.length + changes.unchanged;
    expect(inNewer).toBe(newer.criteria.length);
  });

  it('lists the merges of the duplicated topics and the new criteria, and compares reworded levels field by field', () => {
    expect(changes.merged.map((m) => m.target.code).sort()).toEqual(['AC.2.4', 'SU.1.5', 'SU.3.1', 'SU.4.2']);
    expect(changes.added.length).toBeGreaterThanOrEqual(10);
    const sr42 = changes.reworded.find((r) => r.after.code === 'SR.4.2')!;
    expect(sr42.fields.map((f) => f.label)).toEqual(expect.arrayContaining(['Niveau 3', 'S’applique à']));
  });

  it('compares two texts word by word, keeping both texts whole', () => {
    const parts = diffWords('Un contrôle tracé avant chaque mission.', 'Un contrôle tracé et daté avant chaque mission.');
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe('Un contrôle tracé avant chaque mission.');
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe('Un contrôle tracé et daté avant chaque mission.');
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['et daté']);
  });
});

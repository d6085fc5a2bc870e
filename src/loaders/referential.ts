/**
 * Reads the referential from content/ (YAML), validates it with the domain rules and feeds the content
 * collections. An invalid referential stops the build with the French list of files to fix.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { parse, YAMLParseError } from 'yaml';
import {
  formatProblems,
  parseReferential,
  type ContentProblem,
  type Referential,
  type ReferentialSources,
  type SourceFile,
} from '../domain/referential';
import { libraryProblems, type LocatedReferential, type LocatedTable, type ReferentialLibrary, compareVersions } from '../domain/referential/library';
import { migrationFileSchema, tableOfFile } from '../domain/referential/migration-file';

/** CAP_CONTENT_DIR lets the content tests build a deliberately broken copy of the referential. */
export const contentDir = resolve(process.env.CAP_CONTENT_DIR ?? 'content');

export class InvalidReferentialError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(formatProblems(problems));
    this.name = 'InvalidReferentialError';
  }
}

/** A file's path as messages give it: from the repository root, with forward slashes. */
const pathOf = (file: string) => relative(process.cwd(), file).split('\\').join('/');

export function readReferentialSources(dir: string): { sources: ReferentialSources; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const read = (file: string): SourceFile => {
    const path = pathOf(file);
    try {
      return { path, data: parse(readFileSync(file, 'utf8')) };
    } catch (error) {
      const message =
        error instanceof YAMLParseError
          ? `le YAML est illisible (ligne ${error.linePos?.[0].line ?? '?'}) : ${error.message.split('\n')[0]}`
          : `le fichier est introuvable ou illisible (${(error as Error).message})`;
      problems.push({ path, message });
      return { path, data: undefined };
    }
  };
  const criteriaDir = join(dir, 'criteria');
  const criterionFiles = readdirSync(criteriaDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => read(join(criteriaDir, name)));
  const sources: ReferentialSources = {
    meta: read(join(dir, 'referential.yaml')),
    scale: read(join(dir, 'scale.yaml')),
    themes: read(join(dir, 'themes.yaml')),
    iso9001: read(join(dir, 'reference', 'iso9001.yaml')),
    iso26000: read(join(dir, 'reference', 'iso26000.yaml')),
    criteria: criterionFiles,
  };
  return { sources, problems };
}

/** One version of the referential from its folder, or the French list of its problems. */
function readVersion(dir: string): { referential?: Referential; problems: ContentProblem[] } {
  const { sources, problems } = readReferentialSources(dir);
  const result = parseReferential(sources);
  // A file that could not be read also shows up as "empty" in the parse: report the read error only.
  const unreadable = new Set(problems.map((p) => p.path));
  const all = [...problems, ...(result.ok ? [] : result.problems.filter((p) => !unreadable.has(p.path)))];
  return all.length > 0 || !result.ok ? { problems: all } : { referential: result.referential, problems: [] };
}

export function loadReferential(dir: string = contentDir): Referential {
  const { referential, problems } = readVersion(dir);
  if (!referential) throw new InvalidReferentialError(problems);
  return referential;
}

/**
 * The current version (content/), every frozen one (content/versions/<version>/) and the migration tables
 * (content/migrations/<from>-<to>.yaml), each checked by the same rules; any problem stops the build.
 */
export function loadLibrary(dir: string = contentDir): ReferentialLibrary {
  const problems: ContentProblem[] = [];
  const current = readVersion(dir);
  problems.push(...current.problems);

  const frozen: LocatedReferential[] = [];
  const versionsDir = join(dir, 'versions');
  for (const name of existsSync(versionsDir) ? readdirSync(versionsDir).sort(compareVersions) : []) {
    const versionDir = join(versionsDir, name);
    const { referential, problems: own } = readVersion(versionDir);
    problems.push(...own);
    if (!referential) continue;
    const path = pathOf(join(versionDir, 'referential.yaml'));
    if (referential.version !== name) problems.push({ path, message: `ce dossier fige la version ${name}, mais le fichier dit ${referential.version}` });
    frozen.push({ path, referential });
  }

  const tables: LocatedTable[] = [];
  const migrationsDir = join(dir, 'migrations');
  for (const name of existsSync(migrationsDir) ? readdirSync(migrationsDir).filter((n) => /\.ya?ml$/.test(n)).sort() : []) {
    const path = pathOf(join(migrationsDir, name));
    let data: unknown;
    try {
      data = parse(readFileSync(join(migrationsDir, name), 'utf8'));
    } catch (error) {
      problems.push({ path, message: `le YAML est illisible : ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    const file = migrationFileSchema.safeParse(data);
    if (!file.success) {
      for (const issue of file.error.issues) problems.push({ path, message: `${issue.path.join('.') || 'table'} : ${issue.message}` });
      continue;
    }
    if (name.replace(/\.ya?ml$/, '') !== `${file.data.from}-${file.data.to}`) {
      problems.push({ path, message: `le fichier doit s'appeler ${file.data.from}-${file.data.to}.yaml, d'après les versions qu'il relie` });
    }
    tables.push({ path, table: tableOfFile(file.data) });
  }

  if (problems.length > 0 || !current.referential) throw new InvalidReferentialError(problems);
  const located = { path: pathOf(join(dir, 'referential.yaml')), referential: current.referential };
  const libraryWide = libraryProblems(located, frozen, tables, pathOf(migrationsDir));
  if (libraryWide.length > 0) throw new InvalidReferentialError(libraryWide);
  const versions = [...frozen.map((f) => f.referential), current.referential].sort((a, b) => compareVersions(a.version, b.version));
  const migrations = tables.map((t) => t.table).sort((a, b) => compareVersions(a.from, b.from));
  return { current: current.referential, versions, migrations };
}

type Entry = { id: string; data: Record<string, unknown> };

/**
 * The library as content/ stands: read and checked once for all the collections of a build (seven of them), and
 * again only when a file of content/ changes (`astro dev`). The key is every file's path, size and modification time.
 */
let cached: { key: string; library: ReferentialLibrary } | undefined;
function currentLibrary(): ReferentialLibrary {
  const key = (readdirSync(contentDir, { recursive: true, encoding: 'utf8' }) as string[])
    .sort()
    .map((name) => {
      const stat = statSync(join(contentDir, name));
      return `${name}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('|');
  if (cached?.key !== key) cached = { key, library: loadLibrary() };
  return cached.library;
}

/** One content collection fed from the validated library (every version, every table); reloads in `astro dev` when content/ changes. */
export function referentialLoader(entries: (library: ReferentialLibrary) => Entry[]): Loader {
  return {
    name: 'cap-referential',
    load: async ({ store, parseData, generateDigest, watcher, logger }) => {
      const sync = async () => {
        const library = currentLibrary();
        store.clear();
        for (const { id, data } of entries(library)) {
          store.set({ id, data: await parseData({ id, data }), digest: generateDigest(data) });
        }
      };
      await sync();
      const onChange = async (file: string) => {
        if (!resolve(file).startsWith(contentDir)) return;
        try {
          await sync();
        } catch (error) {
          logger.error((error as Error).message);
        }
      };
      watcher?.add(contentDir);
      for (const event of ['change', 'add', 'unlink'] as const) watcher?.on(event, onChange);
    },
  };
}

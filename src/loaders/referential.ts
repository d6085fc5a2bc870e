/**
 * Reads the referential from content/ (YAML), validates it with the domain rules and feeds the content
 * collections. An invalid referential stops the build with the French list of files to fix.
 */
import { readdirSync, readFileSync } from 'node:fs';
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

/** CAP_CONTENT_DIR lets the content tests build a deliberately broken copy of the referential. */
export const contentDir = resolve(process.env.CAP_CONTENT_DIR ?? 'content');

export class InvalidReferentialError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(formatProblems(problems));
    this.name = 'InvalidReferentialError';
  }
}

export function readReferentialSources(dir: string): { sources: ReferentialSources; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const read = (file: string): SourceFile => {
    const path = relative(process.cwd(), file).split('\\').join('/');
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

export function loadReferential(dir: string = contentDir): Referential {
  const { sources, problems } = readReferentialSources(dir);
  const result = parseReferential(sources);
  // A file that could not be read also shows up as "empty" in the parse: report the read error only.
  const unreadable = new Set(problems.map((p) => p.path));
  const all = [...problems, ...(result.ok ? [] : result.problems.filter((p) => !unreadable.has(p.path)))];
  if (all.length > 0 || !result.ok) throw new InvalidReferentialError(all);
  return result.referential;
}

type Entry = { id: string; data: Record<string, unknown> };

/** One content collection fed from the validated referential; reloads in `astro dev` when content/ changes. */
export function referentialLoader(entries: (referential: Referential) => Entry[]): Loader {
  return {
    name: 'cap-referential',
    load: async ({ store, parseData, generateDigest, watcher, logger }) => {
      const sync = async () => {
        const referential = loadReferential();
        store.clear();
        for (const { id, data } of entries(referential)) {
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

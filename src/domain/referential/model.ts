/** The assembled referential that pages, exports and (later) scoring work from. */
import type { CriterionData, ReferenceItem, ReferentialMeta, ScaleData, ThemeData } from './schema';

export type Criterion = CriterionData;
export type Theme = ThemeData;
export type SubTheme = ThemeData['subThemes'][number];

export interface Referential extends ReferentialMeta {
  scale: ScaleData;
  /** In reading order, each with its sub-themes. */
  themes: Theme[];
  /** In code order (ID.1.1 … AC.5.2). */
  criteria: Criterion[];
  iso9001: { edition: string; clauses: ReferenceItem[] };
  iso26000: { edition: string; subjects: ReferenceItem[] };
}

/** One file as read from content/: its path from the repository root and its parsed YAML. */
export interface SourceFile {
  path: string;
  data: unknown;
}

export interface ReferentialSources {
  meta: SourceFile;
  scale: SourceFile;
  themes: SourceFile;
  iso9001: SourceFile;
  iso26000: SourceFile;
  criteria: SourceFile[];
}

/** Something an editor must fix, in French, tied to the file that holds it. */
export interface ContentProblem {
  path: string;
  message: string;
}

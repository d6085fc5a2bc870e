/** Codes of the referential: themes "SR", sub-themes "SR.4", criteria "SR.4.2", clauses "8.2.2". */

export const THEME_CODE = /^[A-Z]{2,3}$/;
export const SUB_THEME_CODE = /^[A-Z]{2,3}\.[1-9]\d*$/;
export const CRITERION_CODE = /^[A-Z]{2,3}\.[1-9]\d*\.[1-9]\d*$/;

/** Orders codes the way a reader expects: SR.2 before SR.10, 8.2 before 10.1. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = Number(x);
    const ny = Number(y);
    const diff = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny;
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The parent of a code: "SR.4.2" → "SR.4", "8.2.2" → "8.2", "8" → undefined. */
export function parentCode(code: string): string | undefined {
  const i = code.lastIndexOf('.');
  return i === -1 ? undefined : code.slice(0, i);
}

/** True when `code` is `ancestor` or lies below it: "8.2.2" is within "8.2" and "8". */
export function isWithin(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(`${ancestor}.`);
}

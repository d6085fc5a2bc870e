/**
 * What `work` gives, or undefined once `ms` have passed: a wait that must not hold the user, or another tab, for
 * ever (a write on a database that no longer answers).
 */
export function atMost<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([work, new Promise<undefined>((resolve) => setTimeout(resolve, ms))]);
}

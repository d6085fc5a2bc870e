/**
 * The sync servers a deployment of CAP Progrès allows. The site is static and its Content-Security-Policy is
 * written at build time, so the network that deploys the app names its CouchDB there (CAP_SYNC_SERVERS, read by
 * astro.config.mjs): the CSP's connect-src lets the app reach those servers and no other, and a user can only
 * choose among them. With none, the app stays entirely local.
 */

/** A server address as the app stores and compares it: no credentials, no query, one trailing slash. */
export function normaliseServer(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  // Plain http only on this machine (tests, a local CouchDB): passwords must not cross a network in clear.
  if (url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return null;
  return `${url.origin}${url.pathname.replace(/\/*$/, '/')}`;
}

/** The servers named at build time (comma or space separated); an invalid one stops the build with its reason. */
export function parseAllowedServers(list: string | undefined): string[] {
  const servers: string[] = [];
  for (const address of (list ?? '').split(/[\s,]+/).filter(Boolean)) {
    const server = normaliseServer(address);
    if (!server) throw new Error(`CAP_SYNC_SERVERS : « ${address} » n'est pas une adresse de serveur valable (https://…, ou http:// sur cette machine seulement, sans identifiant).`);
    if (!servers.includes(server)) servers.push(server);
  }
  return servers;
}

/** The CSP connect-src sources for these servers (a path ending in / allows everything below it). */
export const connectSources = (servers: readonly string[]): string[] => servers.map((server) => (new URL(server).pathname === '/' ? new URL(server).origin : server));

/** A French problem when the address typed is not one this deployment allows; null when it is. */
export function serverProblem(address: string, allowed: readonly string[]): string | null {
  const server = normaliseServer(address);
  if (!server) return 'Indiquez l’adresse complète du serveur, par exemple https://couchdb.exemple.org (https obligatoire).';
  if (!allowed.includes(server)) {
    return allowed.length === 0
      ? 'Cette installation de CAP Progrès ne permet aucune synchronisation : elle reste entièrement locale.'
      : `Ce serveur n’est pas celui de votre réseau pour cette installation (autorisé : ${allowed.join(', ')}). Demandez l’adresse à votre réseau.`;
  }
  return null;
}

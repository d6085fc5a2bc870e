/**
 * Signing in to the network's CouchDB with the session it issues (POST /_session sets its AuthSession cookie,
 * sent back by the browser with credentials: 'include'). The password goes to the server once and is never
 * stored; when the session expires the user signs in again. The account's roles say which structures (and
 * which group, for a central function) it may sync.
 */
import { UserFacingError } from '../../domain/user-error';
import { statusOf } from './replication';

declare const __CAP_SYNC_SERVERS__: string[] | undefined;
/** The servers this deployment allows (domain/sync/servers.ts); none under the unit tests' build. */
export const allowedServers: readonly string[] = typeof __CAP_SYNC_SERVERS__ === 'undefined' ? [] : __CAP_SYNC_SERVERS__;

export interface ServerSession {
  name: string;
  roles: string[];
}

/** The server's refusal or silence, in French. */
export function serverErrorMessage(error: unknown, server: string): string {
  const status = statusOf(error);
  if (status === 401) return 'Session expirée ou identifiants refusés : reconnectez-vous au serveur du réseau.';
  if (status === 403) return 'Le serveur refuse l’accès : ce compte n’est pas membre de cette structure. Vérifiez auprès de votre réseau.';
  if (status === 404) return 'Cette structure n’existe pas sur le serveur du réseau : transmettez son identifiant à votre réseau pour qu’il la crée.';
  if (error instanceof UserFacingError) return error.message;
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'Hors ligne : le serveur du réseau sera contacté au retour de la connexion.';
  return `Le serveur ${server} ne répond pas (réseau coupé, adresse erronée ou serveur arrêté).`;
}

async function call(server: string, method: 'GET' | 'POST' | 'DELETE', body?: object): Promise<Response> {
  try {
    return await fetch(new URL('_session', server), {
      method,
      credentials: 'include',
      headers: body ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    throw new UserFacingError(serverErrorMessage(error, server));
  }
}

/** Opens a session; the password is not kept anywhere. */
export async function signIn(server: string, name: string, password: string): Promise<ServerSession> {
  if (name.trim() === '' || password === '') throw new UserFacingError('Indiquez votre identifiant et votre mot de passe sur le serveur du réseau.');
  const response = await call(server, 'POST', { name: name.trim(), password });
  if (response.status === 401) throw new UserFacingError('Identifiant ou mot de passe incorrect.');
  if (!response.ok) throw new UserFacingError(`Le serveur a refusé la connexion (erreur ${response.status}).`);
  const body = (await response.json()) as { name?: string; roles?: string[] };
  return { name: body.name ?? name.trim(), roles: body.roles ?? [] };
}

/** The session the browser holds for this server, or null when there is none (or it expired). */
export async function currentSession(server: string): Promise<ServerSession | null> {
  const response = await call(server, 'GET');
  if (!response.ok) return null;
  const body = (await response.json()) as { userCtx?: { name?: string | null; roles?: string[] } };
  return body.userCtx?.name ? { name: body.userCtx.name, roles: body.userCtx.roles ?? [] } : null;
}

/** Ends the session on the server (the cookie is dropped). */
export async function signOut(server: string): Promise<void> {
  await call(server, 'DELETE').catch(() => undefined);
}

/** A structure's name as its database on the server holds it, to offer it by name; null if unreadable. */
export async function structureNameOnServer(server: string, database: string): Promise<string | null> {
  try {
    const response = await fetch(new URL(`${database}/structure`, server), { credentials: 'include', headers: { accept: 'application/json' } });
    if (!response.ok) return null;
    const doc = (await response.json()) as { record?: { name?: unknown } };
    return typeof doc.record?.name === 'string' ? doc.record.name : null;
  } catch {
    return null;
  }
}

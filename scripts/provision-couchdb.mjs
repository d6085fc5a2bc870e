#!/usr/bin/env node
// npm run sync:provision -- --server https://couchdb.exemple.org --admin admin --config reseau.json
//
// Sets up a network's CouchDB 3 for CAP Progrès from the network's description (docs/sync.md): one database per
// structure readable only by its members, for a group member a share database its central function reads and a
// database of the actions it imposes, for a group the directory of its members that its central function reads,
// the validation documents that make each of those read-only for one side,
// the users and their roles, CORS for the app's origins. Running it again brings the server back to the
// description (idempotent); users keep their passwords unless the description gives new ones.
// The administrator's password comes from COUCHDB_ADMIN_PASSWORD, never from the command line (shell history).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The plan and the validation function, from src/domain/sync/provisioning.ts (TypeScript, loaded through Vite). */
async function loadPlanner() {
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport(resolve(fileURLToPath(new URL('..', import.meta.url)), 'src/domain/sync/provisioning.ts'));
  return module;
}

/** A CouchDB HTTP client for one server and one identity. */
export function couch(server, auth) {
  const base = server.replace(/\/+$/, '');
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.name}:${auth.password}`).toString('base64')}`;
  return async (method, path, body) => {
    let response;
    try {
      response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new Error(`Le serveur ${base} ne répond pas (${error.cause?.code ?? error.message}).`);
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {}
    return { status: response.status, body: json };
  };
}

const ok = (status) => status >= 200 && status < 300;
const docPath = (db, id) => `/${encodeURIComponent(db)}/${id.startsWith('_design/') ? `_design/${encodeURIComponent(id.slice(8))}` : encodeURIComponent(id)}`;

/** PUT a document, with the revision it has on the server if any (an update, not a conflict). */
async function putDocument(request, db, id, doc) {
  const current = await request('GET', docPath(db, id));
  const body = current.status === 200 ? { ...doc, _rev: current.body._rev } : doc;
  const written = await request('PUT', docPath(db, id), body);
  if (!ok(written.status)) throw new Error(`Écriture de ${db}/${id} refusée (${written.status} ${written.body?.reason ?? ''}).`);
}

/** JSON with sorted keys: a document read back from the server compares equal to the one planned. */
const canonical = (value) =>
  value === null || typeof value !== 'object'
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? `[${value.map(canonical).join(',')}]`
      : `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;

/** Writes a planned document only when it differs from the server's: a second run adds no revision. */
async function writeDocument(request, { database, id, content }) {
  const current = await request('GET', docPath(database, id));
  if (current.status === 200) {
    const { _id, _rev, ...held } = current.body;
    if (canonical(held) === canonical(content)) return false;
  }
  await putDocument(request, database, id, content);
  return true;
}

/** The CouchDB 3 configuration API, or CouchDB 1's (pouchdb-server, used by the tests). */
async function setConfig(request, section, key, value) {
  for (const prefix of ['/_node/_local/_config', '/_config']) {
    const response = await request('PUT', `${prefix}/${section}/${key}`, value);
    if (ok(response.status)) return true;
    if (response.status !== 404 && response.status !== 400) throw new Error(`Configuration ${section}/${key} refusée (${response.status} ${response.body?.reason ?? ''}).`);
  }
  return false;
}

/**
 * Applies a plan (planProvisioning) with a server administrator's identity. Returns the passwords it generated,
 * to hand to their users once: they are not kept anywhere.
 */
export async function applyPlan(server, admin, plan, validationFunction, log = console.log) {
  const request = couch(server, admin);
  const welcome = await request('GET', '/_session');
  if (welcome.status === 401) throw new Error("L'identifiant ou le mot de passe de l'administrateur du serveur est refusé.");
  if (!welcome.body?.userCtx?.roles?.includes('_admin')) throw new Error(`« ${admin.name} » n'est pas administrateur du serveur.`);

  // A fresh CouchDB 3 has no user database until it is created.
  const users = await request('PUT', '/_users');
  if (!ok(users.status) && users.status !== 412) throw new Error(`Création de la base des utilisateurs refusée (${users.status}).`);

  for (const database of plan.databases) {
    const created = await request('PUT', `/${encodeURIComponent(database.name)}`);
    if (!ok(created.status) && created.status !== 412) throw new Error(`Création de ${database.name} refusée (${created.status} ${created.body?.reason ?? ''}).`);
    const secured = await request('PUT', `/${encodeURIComponent(database.name)}/_security`, database.security);
    if (!ok(secured.status)) throw new Error(`Droits de ${database.name} refusés (${secured.status}).`);
    if (database.writers) {
      await putDocument(request, database.name, '_design/cap-acces', { validate_doc_update: validationFunction(database.writers) });
    } else {
      const old = await request('GET', docPath(database.name, '_design/cap-acces'));
      if (old.status === 200) await request('DELETE', `${docPath(database.name, '_design/cap-acces')}?rev=${encodeURIComponent(old.body._rev)}`);
    }
    log(`${created.status === 412 ? 'mise à jour' : 'créée'} : ${database.name} (${database.purpose})`);
  }

  for (const document of plan.documents ?? []) {
    if (await writeDocument(request, document)) log(`écrit : ${document.database}/${document.id}`);
  }

  const generated = [];
  for (const user of plan.users) {
    const id = `org.couchdb.user:${user.name}`;
    const current = await request('GET', docPath('_users', id));
    const exists = current.status === 200;
    // Roles this script does not manage (the operator's own) stay.
    const kept = exists ? (current.body.roles ?? []).filter((role) => !role.startsWith('cap-')) : [];
    const doc = { ...(exists ? current.body : {}), _id: id, name: user.name, type: 'user', roles: [...kept, ...user.roles] };
    if (user.password) doc.password = user.password;
    else if (!exists) {
      doc.password = randomBytes(15).toString('base64url');
      generated.push({ name: user.name, password: doc.password });
    }
    const written = await request('PUT', docPath('_users', id), doc);
    if (!ok(written.status)) throw new Error(`Utilisateur ${user.name} refusé (${written.status} ${written.body?.reason ?? ''}).`);
    log(`${exists ? 'mis à jour' : 'créé'} : utilisateur ${user.name} (${user.roles.join(', ')})`);
  }

  if (plan.origins.length > 0) {
    // CouchDB 3 reads enable_cors from [chttpd]; older servers (and pouchdb-server) from [httpd].
    const applied =
      (await setConfig(request, 'chttpd', 'enable_cors', 'true')) &&
      (await setConfig(request, 'httpd', 'enable_cors', 'true')) &&
      (await setConfig(request, 'cors', 'origins', plan.origins.join(', '))) &&
      (await setConfig(request, 'cors', 'credentials', 'true')) &&
      (await setConfig(request, 'cors', 'methods', 'GET, PUT, POST, HEAD, DELETE')) &&
      (await setConfig(request, 'cors', 'headers', 'accept, authorization, content-type, origin, referer'));
    log(applied ? `CORS : ${plan.origins.join(', ')}` : "CORS : ce serveur n'expose pas sa configuration ; à régler à la main (docs/sync.md).");
  }
  return generated;
}

function argument(name) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = argument('server');
  const config = argument('config');
  const adminName = argument('admin') ?? 'admin';
  const password = process.env.COUCHDB_ADMIN_PASSWORD;
  if (!server || !config || !password) {
    console.error(
      'Usage : COUCHDB_ADMIN_PASSWORD=… npm run sync:provision -- --server https://couchdb.exemple.org --admin admin --config reseau.json\n' +
        'La description du réseau (structures, groupes, membres, origines de l’application) est expliquée dans docs/sync.md.',
    );
    process.exit(2);
  }
  try {
    const { planProvisioning, validationFunction } = await loadPlanner();
    const plan = planProvisioning(JSON.parse(await readFile(config, 'utf8')));
    const generated = await applyPlan(server, { name: adminName, password }, plan, validationFunction);
    if (generated.length > 0) {
      console.log('\nMots de passe créés, à transmettre à chacun par un canal sûr (ils ne sont conservés nulle part) :');
      for (const { name, password: secret } of generated) console.log(`  ${name} : ${secret}`);
    }
  } catch (error) {
    console.error(error instanceof SyntaxError ? `${config} n'est pas un fichier JSON valable : ${error.message}` : error.message);
    process.exit(1);
  }
}

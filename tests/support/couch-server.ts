/**
 * A CouchDB-protocol server for the tests: pouchdb-server (npm), in memory, on a free loopback port, its files
 * in a temporary folder, stopped by its PID. It differs from CouchDB 3 on some points: docs/sync.md lists what
 * must still be checked against a real CouchDB before a release.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface CouchServer {
  url: string;
  admin: { name: string; password: string };
  /** Stops the server and resolves once it has exited (its port is free again). */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** The end-to-end tests' server: a fixed port, because the built app's CSP names it (CAP_SYNC_SERVERS in package.json). */
export const E2E_COUCH_PORT = 5990;

export async function startCouchServer(options: { port?: number } = {}): Promise<CouchServer> {
  const port = options.port ?? (await freePort());
  if (options.port && (await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false))) {
    throw new Error(`Le port ${port} est déjà occupé : un autre serveur de test tourne-t-il encore ?`);
  }
  const folder = mkdtempSync(join(tmpdir(), 'cap-couch-'));
  const bin = resolve('node_modules/pouchdb-server/bin/pouchdb-server');
  // With a fix for replicated updates into a database that has a validation function (pouchdb-server-fix.cjs).
  const child = spawn(process.execPath, ['--require', resolve('tests/support/pouchdb-server-fix.cjs'), bin, '--in-memory', '--port', String(port), '--host', '127.0.0.1', '--no-stdout-logs', '--config', join(folder, 'config.json')], {
    cwd: folder,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
    rmSync(folder, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {}
    if (child.exitCode !== null || i > 200) {
      await stop();
      throw new Error(`pouchdb-server n'a pas démarré sur ${url} : ${errors}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // Out of « admin party »: one server administrator, as on a real CouchDB 3.
  const admin = { name: 'admin', password: 'mot-de-passe-admin' };
  const created = await fetch(`${url}/_config/admins/${admin.name}`, { method: 'PUT', body: JSON.stringify(admin.password) });
  if (!created.ok) {
    await stop();
    throw new Error(`Création de l'administrateur refusée (${created.status})`);
  }
  return { url, admin, stop };
}

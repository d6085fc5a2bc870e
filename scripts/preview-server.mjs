// Starts `astro preview` of the built site on a free loopback port, for the bench. Astro refuses a second
// preview of the same folder unless told --ignore-lock; a developer's own preview (or the tests') may be running.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Resolves once the site answers; rejects with what astro printed if it exits or stays silent for 20 s.
 * `outDir`: another built site than `dist/` (scripts/compare-builds.mjs serves two side by side).
 */
export async function startPreview(outDir) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const args = ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock', ...(outDir ? ['--outDir', outDir] : [])];
  const server = spawn('npx', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  let exited = null;
  server.on('exit', (code) => (exited = code));
  const stop = () => {
    try {
      process.kill(-server.pid);
    } catch {}
  };
  for (let i = 0; i < 100 && exited === null; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) return { base, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  const why = exited !== null ? `astro preview s'est arrêté (code ${exited})` : `astro preview ne répond pas sur ${base} après 20 s`;
  throw new Error(`${why}. Ce qu'il a affiché :\n${output.trim() || '(rien)'}`);
}

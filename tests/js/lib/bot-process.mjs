// Starts and stops the real bot (the built NatoBriefBot.dll) as a child process for the JS suites.
// Generic: any suite can ask for a bot on a free port with its own temporary database, optionally with the seeds ingested.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const botDll = process.env.NATOBRIEFBOT_DLL ?? join(repoRoot, 'src', 'NatoBriefBot', 'bin', 'Debug', 'net10.0', 'NatoBriefBot.dll');

let built = false;

/** Builds the bot once per test process unless NATOBRIEFBOT_SKIP_BUILD=1 (run.sh builds before the suites). */
export function ensureBuilt() {
  if (built || (process.env.NATOBRIEFBOT_SKIP_BUILD === '1' && existsSync(botDll))) {
    built = true;
    return;
  }
  const result = spawnSync('dotnet', ['build', join(repoRoot, 'src', 'NatoBriefBot'), '-c', 'Debug', '-v', 'q', '--nologo'], { stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`dotnet build failed with exit code ${result.status}`);
  }
  built = true;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/**
 * Starts the bot on a free port with a temporary database and waits for /healthz.
 * @param {{ ingestSeeds?: boolean, args?: string[], timeoutMs?: number }} [options]
 * @returns {Promise<{ url: string, dbPath: string, output: () => string, stop: () => Promise<void> }>}
 */
export async function startBot({ ingestSeeds = false, args = [], timeoutMs = 60_000 } = {}) {
  ensureBuilt();
  const folder = mkdtempSync(join(tmpdir(), 'natobriefbot-js-'));
  const dbPath = join(folder, 'bot.db');
  if (ingestSeeds) {
    const ingest = spawnSync('dotnet', [botDll, 'ingest', '--db', dbPath], { cwd: repoRoot, encoding: 'utf8' });
    if (ingest.status !== 0) {
      throw new Error(`ingest failed (${ingest.status}): ${ingest.stderr}`);
    }
  }

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('dotnet', [botDll, '--urls', url, `--Storage:DatabasePath=${dbPath}`, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', chunk => (output += chunk));
  child.stderr.on('data', chunk => (output += chunk));
  const exited = new Promise(ok => child.once('exit', code => ok(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the bot exited with code ${child.exitCode} before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) {
        return { url, dbPath, output: () => output, stop };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise(ok => setTimeout(ok, 200));
  }

  await stop();
  throw new Error(`the bot did not answer ${url}/healthz within ${timeoutMs} ms:\n${output}`);
}

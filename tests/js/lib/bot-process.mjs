// Starts the built NatoBriefBot as a child process on a free loopback port with its own temporary database,
// waits until /healthz answers, and stops it again. Shared by the JS suites.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const botDll = join(repoRoot, 'src/NatoBriefBot/bin/Debug/net10.0/NatoBriefBot.dll');

/** Builds the bot when its dll is missing (run.sh builds it once before the suites). */
export function ensureBuilt() {
  if (existsSync(botDll)) {
    return;
  }
  const build = spawnSync('dotnet', ['build', join(repoRoot, 'src/NatoBriefBot'), '--nologo', '-v', 'q'], { stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(botDll)) {
    throw new Error(`The bot is not built and 'dotnet build src/NatoBriefBot' failed (exit ${build.status}).`);
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the bot. `args` are extra configuration overrides such as '--DirectLine:TokenMinutes=5';
 * `env` adds environment variables. Resolves to { baseUrl, port, databasePath, output(), stop() }.
 */
export async function startBot({ args = [], env = {}, readyTimeoutMs = 120_000 } = {}) {
  ensureBuilt();
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), 'natobriefbot-js-'));
  const databasePath = join(folder, 'bot.db');
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn('dotnet', [botDll, '--urls', baseUrl, `--Storage:DatabasePath=${databasePath}`, ...args], {
    cwd: repoRoot,
    env: { ...process.env, DOTNET_NOLOGO: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(folder, { recursive: true, force: true });
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The bot exited with code ${child.exitCode} before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) {
        return { baseUrl, port, databasePath, output: () => output, stop };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`The bot did not answer ${baseUrl}/healthz in time:\n${output}`);
}

/** Ingests the shipped seeds into the running bot's database with the real `ingest` verb. */
export function ingestSeeds(bot) {
  const ingest = spawnSync('dotnet', [botDll, 'ingest', '--db', bot.databasePath], { cwd: repoRoot, encoding: 'utf8' });
  if (ingest.status !== 0) {
    throw new Error(`ingest failed (exit ${ingest.status}): ${ingest.stderr}`);
  }
}

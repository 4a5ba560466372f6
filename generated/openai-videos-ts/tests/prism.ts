/** A Prism mock server of this SDK's spec copy (tests/openapi.*) on a free port, for the Prism tests. */

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface MockServer {
  url: string;
  /** The clients' fetch: a request that fails to connect makes running() wait for Prism to exit (it may be dying). */
  fetch(url: string, init: RequestInit): Promise<Response>;
  /** Starts Prism again when a request made it exit (a crash is that test's failure, not every later test's). */
  running(): Promise<void>;
  stop(): Promise<void>;
}

// a wait limit: Prism unfolds a large spec's references first (the copy keeps that to ~20 s)
const STARTUP_MS = 300_000;

/** The running server, or undefined when Prism is not installed (a failure under CI) or SDKFORGE_NO_PRISM is set. */
export async function startPrism(): Promise<MockServer | undefined> {
  if (process.env['SDKFORGE_NO_PRISM']) return undefined;
  const prism = findPrism();
  const spec = findSpec();
  if (!prism || !spec) {
    if (process.env['CI']) throw new Error('Prism or the spec copy is missing: run `npm ci` at the repository root');
    return undefined;
  }
  let [child, port] = await launch(prism, spec);
  let broken: unknown; // why Prism did not start again: not tried again for every later test
  let failed = false;
  const server: MockServer = {
    url: `http://127.0.0.1:${port}`,
    fetch: async (url, init) => {
      try {
        return await fetch(url, init);
      } catch (error) {
        failed = true;
        throw error;
      }
    },
    running: async () => {
      if (broken) throw broken;
      if (failed) await exited(child, 2_000);
      failed = false;
      if (child.exitCode === null && child.signalCode === null && (await answers(port))) return;
      await stop(child);
      try {
        [child, port] = await launch(prism, spec);
      } catch (error) {
        broken = error;
        throw error;
      }
      server.url = `http://127.0.0.1:${port}`;
    },
    stop: () => stop(child),
  };
  return server;
}

async function launch(prism: string, spec: string): Promise<[ChildProcess, number]> {
  const port = await freePort();
  // started directly (not through npx) so that the process we hold is the server itself
  const child = spawn(prism, ['mock', '--host', '127.0.0.1', '--port', String(port), spec], { stdio: 'pipe' });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  try {
    const deadline = Date.now() + STARTUP_MS;
    while (!(await answers(port))) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`Prism did not start:\n${log.slice(-2000)}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  } catch (error) {
    await stop(child);
    throw error;
  }
  return [child, port];
}

function findPrism(): string | undefined {
  if (process.env['SDKFORGE_PRISM']) return process.env['SDKFORGE_PRISM'];
  for (const start of [process.cwd(), dirname(fileURLToPath(import.meta.url))]) {
    for (let folder = resolve(start); ; folder = dirname(folder)) {
      const candidate = join(folder, 'node_modules', '.bin', 'prism');
      if (existsSync(candidate)) return candidate;
      if (dirname(folder) === folder) break;
    }
  }
  return undefined;
}

function findSpec(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const folders = [here, join(here, '..', '..', 'tests')];
  const names = ['openapi.yaml', 'openapi.json'];
  return folders.flatMap((folder) => names.map((name) => join(folder, name))).find((path) => existsSync(path));
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

function exited(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

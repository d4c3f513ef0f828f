import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const NODE = resolve(__dirname, '../../node_modules/.bin/node');

export interface HubProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves once the process printed `marker` (bounded). */
  waitForOutput(marker: string, timeoutMs?: number): Promise<void>;
  /** Sends the signal and resolves with how the process ended. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts a compiled script (from dist/ or test/fixtures) on the project's Node 24 with extra env. */
export function startProcess(script: string, env: Record<string, string>): HubProcess {
  const child = spawn(NODE, [resolve(__dirname, '../..', script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('close', (code, signal) => done({ code, signal })));
  return {
    child,
    output: () => out,
    async waitForOutput(marker, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!out.includes(marker)) {
        if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before printing ${marker}:\n${out}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${marker}:\n${out}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

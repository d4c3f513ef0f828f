/**
 * The XUI.one simulator in a process of its own, as a real panel is another machine: the hub under
 * benchmark does not pay for the panel's CPU. Reports each `create_line` it receives (with the
 * line's notes and the wall-clock instant it arrived) to the parent over IPC.
 */
import { fork } from 'node:child_process';
import { XuiAdminSimulator } from '../../src/plugins/panels/xui-admin/xui-admin.simulator';
import { wallClock } from './load';

export interface CreateSeen {
  notes: string;
  /** Epoch milliseconds with sub-millisecond precision (`performance.timeOrigin + performance.now()`). */
  at: number;
}

type Message = { type: 'ready'; url: string; credentials: Record<string, string> } | { type: 'creates'; creates: CreateSeen[] };

export interface SimulatorProcess {
  url: string;
  credentials: Record<string, string>;
  creates: CreateSeen[];
  close(): Promise<void>;
}

export { wallClock };

export async function startSimulatorProcess(): Promise<SimulatorProcess> {
  const child = fork(__filename, ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const creates: CreateSeen[] = [];
  const ready = await new Promise<Extract<Message, { type: 'ready' }>>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the simulator process exited (${code})`)));
    child.on('message', (message: Message) => {
      if (message.type === 'ready') resolve(message);
      else creates.push(...message.creates);
    });
  });
  return {
    url: ready.url,
    credentials: ready.credentials,
    creates,
    close: async () => {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function child(): Promise<void> {
  const sim = await XuiAdminSimulator.start();
  let scanned = 0;
  setInterval(() => {
    const seen: CreateSeen[] = [];
    for (; scanned < sim.requests.length; scanned++) {
      const request = sim.requests[scanned];
      if (request.action === 'create_line') seen.push({ notes: (request.params.admin_notes ?? []).join('\n'), at: wallClock() });
    }
    if (seen.length > 0) process.send?.({ type: 'creates', creates: seen });
  }, 1);
  process.send?.({ type: 'ready', url: sim.url, credentials: sim.credentials });
  process.on('SIGTERM', () => void sim.close().finally(() => process.exit(0)));
}

if (process.argv.includes('--child')) {
  child().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

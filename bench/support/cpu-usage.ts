import { existsSync, readFileSync } from 'node:fs';

/** CPU time spent while a phase ran: by this process, and by the whole machine where Linux tells it. */
export interface CpuSpent {
  /** This process (every thread: the event loop, the garbage collector, libuv's pool). */
  processMs: number;
  /** Every process of the machine (PostgreSQL, Redis, simulators, load generators too); null off Linux. */
  machineMs: number | null;
}

/** Starts counting; the returned function stops and tells what was spent. */
export function cpuMeter(): () => CpuSpent {
  const process0 = process.cpuUsage();
  const machine0 = machineBusyMs();
  return () => {
    const spent = process.cpuUsage(process0);
    const machine1 = machineBusyMs();
    return { processMs: (spent.user + spent.system) / 1000, machineMs: machine0 === null || machine1 === null ? null : machine1 - machine0 };
  };
}

/** Busy time of all cores (user, nice, system, irq, softirq, steal) from /proc/stat, in ms. */
function machineBusyMs(): number | null {
  if (!existsSync('/proc/stat')) return null;
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  // USER_HZ is 100 on every Linux build Node runs on.
  return (user + nice + system + irq + softirq + (steal ?? 0)) * 10;
}

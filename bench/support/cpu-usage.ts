import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** CPU time spent while a phase ran: by this process, and by the whole machine where Linux tells it. */
export interface CpuSpent {
  /** This process (every thread: the event loop, the garbage collector, libuv's pool). */
  processMs: number;
  /** Every process of the machine (PostgreSQL, Redis, simulators, load generators too); null off Linux. */
  machineMs: number | null;
  /** PostgreSQL's processes on this machine (its backends, and those that ended); null off Linux or when it does not run here. */
  postgresMs: number | null;
}

/** Starts counting; the returned function stops and tells what was spent. */
export function cpuMeter(): () => CpuSpent {
  const process0 = process.cpuUsage();
  const machine0 = machineBusyMs();
  const postgres0 = postgresBusyMs();
  return () => {
    const spent = process.cpuUsage(process0);
    const machine1 = machineBusyMs();
    const postgres1 = postgresBusyMs();
    return {
      processMs: (spent.user + spent.system) / 1000,
      machineMs: machine0 === null || machine1 === null ? null : machine1 - machine0,
      postgresMs: postgres0 === null || postgres1 === null ? null : postgres1 - postgres0,
    };
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

/**
 * CPU time of the processes named `postgres` (user and system, with that of their children that
 * ended: a backend that exits is counted by the postmaster), from /proc, in ms.
 */
function postgresBusyMs(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  let total = 0;
  let found = false;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
    // Fields after the command: state is the 3rd field of the line; utime, stime, cutime, cstime the 14th to 17th.
    const [utime, stime, cutime, cstime] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 15).map(Number);
    total += (utime + stime + cutime + cstime) * 10;
    found = true;
  }
  return found ? total : null;
}

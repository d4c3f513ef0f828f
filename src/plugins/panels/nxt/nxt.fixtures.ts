/** Test fixtures shared by this plugin's specs and the hub's cross-plugin suites. */
import type { ConformanceSimulator } from '../../../core/plugins/sdk';
import { NxtSimulator, NxtSimulatorOptions } from './nxt.simulator';

export async function nxtConformanceSimulator(options: NxtSimulatorOptions = {}): Promise<ConformanceSimulator & { sim: NxtSimulator }> {
  const sim = await NxtSimulator.start({ credits: 10_000, ...options });
  const config = { username: sim.options.username, password: sim.options.password, minLoginIntervalMs: 0 };
  return {
    sim,
    url: sim.url,
    config,
    badConfig: { ...config, password: 'WRONG-pass-0000' },
    packageId: '11',
    setFaults: (faults) => sim.setFaults(faults),
    resetFaults: () => sim.resetFaults(),
    countLines: (username) => sim.lines().filter((row) => row.username === username).length,
    close: () => sim.close(),
  };
}

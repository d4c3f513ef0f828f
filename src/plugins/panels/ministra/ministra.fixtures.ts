/** Test fixtures shared by this plugin's specs and the hub's cross-plugin suites. */
import type { ConformanceSimulator } from '../../../core/plugins/sdk';
import { MinistraSimulator, MinistraSimulatorOptions } from './ministra.simulator';

export async function ministraConformanceSimulator(options: MinistraSimulatorOptions = {}): Promise<ConformanceSimulator & { sim: MinistraSimulator }> {
  const sim = await MinistraSimulator.start(options);
  const config = { login: sim.options.authLogin, password: sim.options.authPassword };
  return {
    sim,
    url: sim.url,
    config,
    badConfig: { ...config, password: 'WRONG-pass-0000' },
    packageId: 'premium',
    setFaults: (faults) => sim.setFaults(faults),
    resetFaults: () => sim.resetFaults(),
    countLines: (username) => sim.accounts().filter((row) => row.login === username).length,
    close: () => sim.close(),
  };
}

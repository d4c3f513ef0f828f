/** Test fixtures shared by this plugin's specs and the hub's cross-plugin suites. */
import type { ConformanceSimulator } from '../../../core/plugins/sdk';
import { OneStreamSimulator, OneStreamSimulatorOptions } from './onestream.simulator';

export async function oneStreamConformanceSimulator(options: OneStreamSimulatorOptions = {}): Promise<ConformanceSimulator & { sim: OneStreamSimulator }> {
  const sim = await OneStreamSimulator.start({ credits: 10_000, ...options });
  // The cloud API has no per-panel base URL: the simulator's origin is given as apiUrl.
  const config = { apiKey: sim.apiKey, apiToken: sim.apiToken, apiUrl: sim.url };
  return {
    sim,
    url: sim.url,
    config,
    badConfig: { ...config, apiToken: 'tok_WRONG_0000' },
    packageId: '108',
    setFaults: (faults) => sim.setFaults(faults),
    resetFaults: () => sim.resetFaults(),
    countLines: (username) => sim.lines().filter((row) => row.username === username).length,
    close: () => sim.close(),
  };
}

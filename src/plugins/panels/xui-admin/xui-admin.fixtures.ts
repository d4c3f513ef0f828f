/** Test fixtures shared by this plugin's specs and the hub's cross-plugin suites. */
import type { ConformanceSimulator } from '../../../core/plugins/sdk';
import { XuiAdminSimulator } from './xui-admin.simulator';

/** Adapts the simulator to what the SDK's conformance kit needs. */
export async function xuiAdminConformanceSimulator(): Promise<ConformanceSimulator> {
  const sim = await XuiAdminSimulator.start();
  return {
    url: sim.url,
    config: { ...sim.credentials },
    badConfig: { ...sim.credentials, apiKey: 'WRONG-KEY-0000' },
    packageId: '1',
    setFaults: (faults) => sim.setFaults(faults),
    resetFaults: () => sim.resetFaults(),
    countLines: (username) => sim.lines().filter((line) => line.username.toLowerCase() === username.toLowerCase()).length,
    close: () => sim.close(),
  };
}

/** Test fixtures shared by this plugin's specs and the hub's cross-plugin suites. */
import type { ConformanceSimulator } from '../../../core/plugins/sdk';
import { XtreamCodesSimulator } from './xtream-codes.simulator';

export const XC_TEST_PACKAGES = [
  { id: 'full', name: 'Full', bouquets: [1, 2, 3], maxConnections: 1, durationDays: 30 },
  { id: 'news', name: 'News', bouquets: [3] },
];

export async function xtreamCodesConformanceSimulator(): Promise<ConformanceSimulator> {
  const sim = await XtreamCodesSimulator.start();
  return {
    url: sim.url,
    config: { apiPass: sim.apiPass, packages: XC_TEST_PACKAGES },
    badConfig: { apiPass: 'wrong-api-pass', packages: XC_TEST_PACKAGES },
    packageId: 'full',
    setFaults: (faults) => sim.setFaults(faults),
    resetFaults: () => sim.resetFaults(),
    countLines: (username) => sim.lines().filter((line) => line.username === username).length,
    close: () => sim.close(),
  };
}

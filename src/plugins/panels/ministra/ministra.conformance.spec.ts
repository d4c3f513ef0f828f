import { panelConformanceSuite } from '../../../core/plugins/sdk';
import { ministraConformanceSimulator } from './ministra.fixtures';
import { ministraPlugin } from './ministra.plugin';

// Both portal set-ups: end_date hidden (shipped default; the hub remembers the expiry) and internal billing on.
describe.each([false, true])('ministra conformance (internal billing %s)', (internalBilling) => {
  const suite = panelConformanceSuite({ plugin: ministraPlugin, startSimulator: () => ministraConformanceSimulator({ internalBilling }) });
  beforeAll(() => suite.setup());
  afterAll(() => suite.teardown());
  for (const check of suite.checks) it(check.name, () => check.run());
});

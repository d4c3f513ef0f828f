import { panelConformanceSuite } from '../../../core/plugins/sdk';
import { nxtConformanceSimulator } from './nxt.fixtures';
import { nxtPlugin } from './nxt.plugin';

// Both ways the dashboard answers an expired session on XHR calls.
describe.each(['redirect', 'unauthenticated'] as const)('nxt conformance (expired session: %s)', (expiredAnswer) => {
  const suite = panelConformanceSuite({ plugin: nxtPlugin, startSimulator: () => nxtConformanceSimulator({ expiredAnswer }) });
  beforeAll(() => suite.setup());
  afterAll(() => suite.teardown());
  for (const check of suite.checks) it(check.name, () => check.run());
});

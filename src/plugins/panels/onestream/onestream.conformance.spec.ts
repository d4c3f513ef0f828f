import { panelConformanceSuite } from '../../../core/plugins/sdk';
import { oneStreamConformanceSimulator } from './onestream.fixtures';
import { oneStreamPlugin } from './onestream.plugin';

// Both assumed error formats must be read the same way.
describe.each(['laravel', 'envelope'] as const)('onestream conformance (%s errors)', (errorFormat) => {
  const suite = panelConformanceSuite({ plugin: oneStreamPlugin, startSimulator: () => oneStreamConformanceSimulator({ errorFormat }) });
  beforeAll(() => suite.setup());
  afterAll(() => suite.teardown());
  for (const check of suite.checks) it(check.name, () => check.run());
});

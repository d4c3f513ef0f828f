import { panelConformanceSuite } from '../../../core/plugins/sdk';
import { xuiResellerConformanceSimulator } from './xui-reseller.fixtures';
import { xuiResellerPlugin } from './xui-reseller.plugin';

describe('xui-reseller conformance', () => {
  const suite = panelConformanceSuite({ plugin: xuiResellerPlugin, startSimulator: xuiResellerConformanceSimulator });
  beforeAll(() => suite.setup());
  afterAll(() => suite.teardown());
  for (const check of suite.checks) it(check.name, () => check.run());
});

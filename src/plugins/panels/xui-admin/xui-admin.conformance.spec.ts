import { panelConformanceSuite } from '../../../core/plugins/sdk';
import { xuiAdminConformanceSimulator } from './xui-admin.fixtures';
import { xuiAdminPlugin } from './xui-admin.plugin';

describe('xui-admin conformance', () => {
  const suite = panelConformanceSuite({ plugin: xuiAdminPlugin, startSimulator: xuiAdminConformanceSimulator });
  beforeAll(() => suite.setup());
  afterAll(() => suite.teardown());
  for (const check of suite.checks) it(check.name, () => check.run());
});

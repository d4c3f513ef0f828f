import { panelConformanceSuite } from '../../../core/plugins/sdk';
import { xtreamCodesConformanceSimulator } from './xtream-codes.fixtures';
import { xtreamCodesPlugin } from './xtream-codes.plugin';

describe('xtream-codes conformance', () => {
  const suite = panelConformanceSuite({ plugin: xtreamCodesPlugin, startSimulator: xtreamCodesConformanceSimulator });
  beforeAll(() => suite.setup());
  afterAll(() => suite.teardown());
  for (const check of suite.checks) it(check.name, () => check.run());
});

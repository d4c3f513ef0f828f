import { xtreamCodesConformanceSimulator } from '../../src/plugins/panels/xtream-codes/xtream-codes.fixtures';
import { xuiAdminConformanceSimulator } from '../../src/plugins/panels/xui-admin/xui-admin.fixtures';
import { xuiResellerConformanceSimulator } from '../../src/plugins/panels/xui-reseller/xui-reseller.fixtures';
import { describeHubClientConformance } from '../helpers/hub-client-conformance';

/** The conformance kit again for every Xtream-family plugin, with the hub's own HTTP client. */
describeHubClientConformance({
  'xui-admin': xuiAdminConformanceSimulator,
  'xui-reseller': xuiResellerConformanceSimulator,
  'xtream-codes': xtreamCodesConformanceSimulator,
});

import { ministraConformanceSimulator } from '../../src/plugins/panels/ministra/ministra.fixtures';
import { nxtConformanceSimulator } from '../../src/plugins/panels/nxt/nxt.fixtures';
import { oneStreamConformanceSimulator } from '../../src/plugins/panels/onestream/onestream.fixtures';
import { describeHubClientConformance } from '../helpers/hub-client-conformance';

/** The conformance kit for Ministra, 1-Stream and NXT with the hub's own HTTP client (joined Set-Cookie headers included). */
describeHubClientConformance({
  ministra: () => ministraConformanceSimulator({ internalBilling: true }),
  onestream: () => oneStreamConformanceSimulator(),
  nxt: () => nxtConformanceSimulator({ expiredAnswer: 'unauthenticated' }),
});

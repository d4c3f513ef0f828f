/**
 * Tells a drift repair whether something else is changing the subscription's line right now (a
 * workflow run that is about to call, or is calling, its panel). Core cannot see the workflow
 * engine, so the composition root provides the implementation (`DriftModule.forRoot`); without
 * one, repairs rely on the state check inside their transaction alone.
 */
export abstract class SubscriptionActivity {
  /** The ids of runs that are busy with the subscription's line, empty when none. */
  abstract busyWith(subscriptionId: string): Promise<string[]>;
}

/** No workflow engine (tools, tests of core alone): nothing else is ever busy. */
export class NoSubscriptionActivity extends SubscriptionActivity {
  async busyWith(): Promise<string[]> {
    return [];
  }
}

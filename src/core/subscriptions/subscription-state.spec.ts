import { assertTransition, canTransition, InvalidTransitionError, SUBSCRIPTION_STATUSES } from './subscription-state';

describe('subscription state machine', () => {
  it('follows the lifecycle of SPEC §4.4', () => {
    expect(canTransition('pending', 'provisioning')).toBe(true);
    expect(canTransition('provisioning', 'active')).toBe(true);
    expect(canTransition('active', 'grace')).toBe(true);
    expect(canTransition('grace', 'expired')).toBe(true);
    expect(canTransition('expired', 'active')).toBe(true);
    expect(canTransition('suspended', 'active')).toBe(true);
  });

  it('rejects invalid transitions with a conflict naming both states', () => {
    expect(canTransition('pending', 'grace')).toBe(false);
    expect(canTransition('provisioning', 'suspended')).toBe(false);
    expect(() => assertTransition('cancelled', 'active', 'sub-1')).toThrow(InvalidTransitionError);
    try {
      assertTransition('expired', 'grace', 'sub-1');
    } catch (error) {
      expect((error as InvalidTransitionError).status).toBe(409);
      expect((error as InvalidTransitionError).code).toBe('INVALID_SUBSCRIPTION_TRANSITION');
    }
  });

  it('makes cancelled final and lets review (failed) lead back anywhere but itself', () => {
    for (const to of SUBSCRIPTION_STATUSES) expect(canTransition('cancelled', to)).toBe(false);
    for (const to of SUBSCRIPTION_STATUSES) expect(canTransition('failed', to)).toBe(to !== 'failed');
    for (const from of SUBSCRIPTION_STATUSES) expect(canTransition(from, from)).toBe(false);
  });
});

import fc from 'fast-check';
import { canLogIn, effectiveExpiry, stateOf } from './access-code-state';
import type { ExpiryMode } from './access-code.entity';

const NOW = new Date('2026-06-01T00:00:00Z');
const instant = fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true });

describe('access code state', () => {
  it('lifetime never expires, whatever dates are around', () => {
    fc.assert(
      fc.property(fc.option(instant), fc.option(instant), (expiresAt, subscriptionExpiresAt) => {
        const effective = effectiveExpiry({ expiryMode: 'lifetime', expiresAt, subscriptionId: 's', subscriptionExpiresAt });
        expect(effective).toBeNull();
        expect(stateOf({ status: 'active', expiryMode: 'lifetime', effectiveExpiresAt: effective }, NOW)).toBe('lifetime');
      }),
    );
  });

  it('default follows the subscription only while linked; date uses its own instant', () => {
    fc.assert(
      fc.property(instant, instant, (own, subscription) => {
        expect(effectiveExpiry({ expiryMode: 'default', expiresAt: own, subscriptionId: 's', subscriptionExpiresAt: subscription })).toEqual(subscription);
        expect(effectiveExpiry({ expiryMode: 'default', subscriptionId: null, subscriptionExpiresAt: subscription })).toBeNull();
        expect(effectiveExpiry({ expiryMode: 'date', expiresAt: own, subscriptionId: 's', subscriptionExpiresAt: subscription })).toEqual(own);
      }),
    );
  });

  it('a code logs in exactly when it is active and not past its effective expiry; inactive wins the display', () => {
    fc.assert(
      fc.property(fc.constantFrom<'active' | 'inactive'>('active', 'inactive'), fc.constantFrom<ExpiryMode>('date', 'default', 'lifetime'), fc.option(instant), (status, expiryMode, effectiveExpiresAt) => {
        const code = { status, expiryMode, effectiveExpiresAt: expiryMode === 'lifetime' ? null : effectiveExpiresAt };
        const past = !!code.effectiveExpiresAt && code.effectiveExpiresAt <= NOW;
        expect(canLogIn(code, NOW)).toBe(status === 'active' && !past);
        const state = stateOf(code, NOW);
        if (status === 'inactive') expect(state).toBe('inactive');
        else expect(state).toBe(past ? 'expired' : expiryMode === 'lifetime' ? 'lifetime' : 'active');
      }),
    );
  });
});

import { PluginLogger } from '../../../core/plugins/sdk';
import { storedExpiry, XuiExpiryClock } from './xui-admin.expiry-clock';

describe('XuiExpiryClock', () => {
  const warnings: string[] = [];
  const logger: PluginLogger = { debug: () => undefined, info: () => undefined, warn: (message) => void warnings.push(message), error: () => undefined };
  const noon = Date.parse('2031-01-10T12:00:00Z') / 1000;

  it('learns a time-zone-shaped gap once, whatever the number of writes answered with it', () => {
    const clock = new XuiExpiryClock('UTC', logger);
    const first = clock.write(noon);
    const second = clock.write(noon);
    expect(first.text).toBe('2031-01-10 12:00:00');
    // Two writes made before the gap was known both see it: the skew is not doubled.
    expect(clock.learn(first, noon - 3600)).toBe(true);
    expect(clock.learn(second, noon - 3600)).toBe(true);
    expect(clock.write(noon).text).toBe('2031-01-10 13:00:00');
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('leaves other gaps alone and drops a skew that did not make the expiry land', () => {
    const clock = new XuiExpiryClock('UTC', logger);
    const written = clock.write(noon);
    expect(clock.learn(written, noon + 17)).toBe(false);
    expect(clock.learn(written, noon + 3 * 86_400)).toBe(false);
    expect(clock.learn(written, noon)).toBe(false);
    expect(clock.learn(written, null)).toBe(false);
    // A panel that keeps only the date looks like a −12 h zone; the second write shows it is not.
    expect(clock.learn(written, noon - 12 * 3600)).toBe(true);
    const again = clock.write(noon);
    clock.confirm(written, again, noon - 12 * 3600);
    expect(clock.write(noon).text).toBe('2031-01-10 12:00:00');
  });

  it('reads a stored exp_date: a unix timestamp, null for never; refuses anything else', () => {
    expect(storedExpiry('1926000000')).toBe(1926000000);
    expect(storedExpiry(1926000000)).toBe(1926000000);
    expect(storedExpiry(null)).toBeNull();
    expect(storedExpiry('0')).toBeNull();
    expect(() => storedExpiry('2031-01-10')).toThrow(/not a timestamp/);
  });
});

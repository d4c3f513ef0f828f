import { clientBucket } from './client-bucket';

describe('clientBucket', () => {
  it('keeps an IPv4 address and unwraps an IPv4-mapped one', () => {
    expect(clientBucket('198.51.100.7')).toBe('198.51.100.7');
    expect(clientBucket('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(clientBucket('::FFFF:c633:6407')).toBe('198.51.100.7');
    expect(clientBucket('0:0:0:0:0:ffff:198.51.100.7')).toBe('198.51.100.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    expect(clientBucket('2001:db8:aa:bb::1')).toBe('2001:db8:aa:bb::/64');
    expect(clientBucket('2001:0DB8:00aa:00bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(clientBucket('2001:db8:aa:bb:ffff::9%eth0')).toBe('2001:db8:aa:bb::/64');
    expect(clientBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientBucket('::1')).toBe('0:0:0:0::/64');
    expect(clientBucket('2001:db8:aa:bc::1')).not.toBe(clientBucket('2001:db8:aa:bb::1'));
  });

  it('passes anything else through', () => {
    expect(clientBucket('unknown')).toBe('unknown');
  });
});

import type { LookupAddress } from 'node:dns';
import { embeddedIpv4, SsrfGuard, SsrfRefusal } from './ssrf-guard';

const closed = { categories: [], cidrs: [] };

function fixedResolver(map: Record<string, string[]>) {
  return async (host: string): Promise<LookupAddress[]> => {
    const addresses = map[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

async function refusal(promise: Promise<unknown>): Promise<SsrfRefusal> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SsrfRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('SsrfGuard', () => {
  it('classifies addresses, metadata before link-local, including IPv6 forms that embed IPv4', () => {
    const guard = new SsrfGuard(closed);
    expect(guard.classify('127.0.0.1')).toBe('loopback');
    expect(guard.classify('::1')).toBe('loopback');
    expect(guard.classify('169.254.169.254')).toBe('metadata');
    expect(guard.classify('fd00:ec2::254')).toBe('metadata');
    expect(guard.classify('169.254.10.1')).toBe('link-local');
    expect(guard.classify('fe80::1')).toBe('link-local');
    expect(guard.classify('10.0.0.1')).toBe('private');
    expect(guard.classify('172.31.255.255')).toBe('private');
    expect(guard.classify('192.168.1.1')).toBe('private');
    expect(guard.classify('fd12::1')).toBe('private');
    expect(guard.classify('0.0.0.0')).toBe('reserved');
    expect(guard.classify('::')).toBe('reserved');
    expect(guard.classify('::ffff:127.0.0.1')).toBe('loopback');
    expect(guard.classify('::ffff:a9fe:a9fe')).toBe('metadata');
    expect(guard.classify('64:ff9b::a00:1')).toBe('private');
    expect(guard.classify('2002:7f00:1::')).toBe('loopback');
    expect(guard.classify('93.184.216.34')).toBe('public');
    expect(guard.classify('2606:4700::1111')).toBe('public');
    expect(guard.classify('172.32.0.1')).toBe('public');
  });

  it('extracts embedded IPv4 only from the forms that carry one', () => {
    expect(embeddedIpv4('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(embeddedIpv4('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(embeddedIpv4('::1')).toBeUndefined();
    expect(embeddedIpv4('2606:4700::1111')).toBeUndefined();
  });

  it('refuses literal loopback, metadata and private URLs by default and names the class', async () => {
    const guard = new SsrfGuard(closed, fixedResolver({}));
    for (const [url, cls] of [
      ['http://127.0.0.1/', 'loopback'],
      ['http://169.254.169.254/latest/meta-data/', 'metadata'],
      ['http://10.0.0.1/', 'private'],
      ['http://[::1]:8080/', 'loopback'],
      ['http://2130706433/', 'loopback'],
      ['http://0x7f.1/', 'loopback'],
      ['http://[::ffff:169.254.169.254]/', 'metadata'],
    ] as const) {
      const error = await refusal(guard.vetUrl(url));
      expect({ url, code: error.code, cls: error.addressClass }).toEqual({ url, code: 'WEBHOOK_URL_FORBIDDEN', cls });
    }
  });

  it('refuses a host name when any of its addresses is forbidden, and unresolvable names', async () => {
    const guard = new SsrfGuard(closed, fixedResolver({ 'meta.evil.test': ['169.254.169.254'], 'mixed.evil.test': ['93.184.216.34', '10.0.0.1'], 'ok.test': ['93.184.216.34'] }));
    expect((await refusal(guard.vetUrl('https://meta.evil.test/x'))).message).toContain('meta.evil.test resolves to it');
    expect((await refusal(guard.vetUrl('https://mixed.evil.test/x'))).addressClass).toBe('private');
    expect((await refusal(guard.vetUrl('https://nowhere.test/'))).code).toBe('WEBHOOK_URL_UNRESOLVABLE');
    await expect(guard.vetUrl('https://ok.test/hook')).resolves.toEqual([{ address: '93.184.216.34', family: 4 }]);
  });

  it('rejects non-http schemes and URLs with credentials', async () => {
    const guard = new SsrfGuard(closed, fixedResolver({ 'ok.test': ['93.184.216.34'] }));
    expect((await refusal(guard.vetUrl('file:///etc/passwd'))).code).toBe('WEBHOOK_URL_INVALID');
    expect((await refusal(guard.vetUrl('https://user:pw@ok.test/'))).code).toBe('WEBHOOK_URL_INVALID');
    expect((await refusal(guard.vetUrl('not a url'))).code).toBe('WEBHOOK_URL_INVALID');
  });

  it('opens categories and CIDRs from configuration, never the reserved ranges', async () => {
    const guard = new SsrfGuard({ categories: ['loopback'], cidrs: ['10.1.0.0/16'] });
    expect(guard.isAllowed('127.0.0.1')).toBe(true);
    expect(guard.isAllowed('10.1.2.3')).toBe(true);
    expect(guard.isAllowed('10.2.0.1')).toBe(false);
    expect(guard.isAllowed('169.254.169.254')).toBe(false);
    expect(guard.isAllowed('0.0.0.0')).toBe(false);
    expect(new SsrfGuard({ categories: ['link-local'], cidrs: [] }).isAllowed('169.254.169.254')).toBe(false);
  });

  it('vets the addresses the socket connects to, so a name that rebinds after the check is refused', async () => {
    let calls = 0;
    const guard = new SsrfGuard(closed, async () => [{ address: calls++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 }]);
    await expect(guard.vetUrl('http://rebind.test/')).resolves.toHaveLength(1);
    const result = await new Promise<{ error: unknown; address: unknown }>((resolve) => guard.lookup('rebind.test', { all: true }, (error, address) => resolve({ error, address })));
    expect(result.error).toBeInstanceOf(SsrfRefusal);
    expect(result.address).toBeUndefined();
  });

  it('hands vetted addresses to the socket in both lookup shapes', async () => {
    const guard = new SsrfGuard(closed, fixedResolver({ 'ok.test': ['93.184.216.34', '2606:4700::1111'] }));
    const all = await new Promise<unknown[]>((resolve) => guard.lookup('ok.test', { all: true }, (...args) => resolve(args)));
    expect(all).toEqual([null, [{ address: '93.184.216.34', family: 4 }, { address: '2606:4700::1111', family: 6 }]]);
    const one = await new Promise<unknown[]>((resolve) => guard.lookup('ok.test', { family: 6 }, (...args) => resolve(args)));
    expect(one).toEqual([null, '2606:4700::1111', 6]);
  });
});

import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import type { NetworkCategory, WebhookConfig } from './webhook-config';

export type AddressClass = NetworkCategory | 'reserved' | 'public';

/** Resolves a host name to every address it has (tests inject their own). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Why a URL or address may not be called; `code` is stable, shown in the API and the delivery log. */
export class SsrfRefusal extends Error {
  constructor(
    readonly code: 'WEBHOOK_URL_FORBIDDEN' | 'WEBHOOK_URL_UNRESOLVABLE' | 'WEBHOOK_URL_INVALID',
    message: string,
    readonly address?: string,
    readonly addressClass?: AddressClass,
  ) {
    super(message);
    this.name = 'SsrfRefusal';
  }
}

// Most specific first: the metadata addresses sit inside link-local and private ranges.
const RANGES: [Exclude<AddressClass, 'public'>, string, number, 'ipv4' | 'ipv6'][] = [
  ['metadata', '169.254.169.254', 32, 'ipv4'], // AWS, GCP, Azure, OpenStack, DigitalOcean…
  ['metadata', '169.254.170.2', 32, 'ipv4'], // AWS ECS task metadata
  ['metadata', '100.100.100.200', 32, 'ipv4'], // Alibaba Cloud
  ['metadata', 'fd00:ec2::254', 128, 'ipv6'], // AWS over IPv6
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['loopback', '::1', 128, 'ipv6'],
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['link-local', 'fe80::', 10, 'ipv6'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['private', '100.64.0.0', 10, 'ipv4'], // carrier-grade NAT, often internal in clouds
  ['private', 'fc00::', 7, 'ipv6'],
  ['reserved', '0.0.0.0', 8, 'ipv4'], // "this network": 0.0.0.0 reaches the local host
  ['reserved', '192.0.0.0', 24, 'ipv4'],
  ['reserved', '198.18.0.0', 15, 'ipv4'],
  ['reserved', '224.0.0.0', 4, 'ipv4'], // multicast
  ['reserved', '240.0.0.0', 4, 'ipv4'], // reserved + broadcast
  ['reserved', '::', 128, 'ipv6'],
  ['reserved', 'ff00::', 8, 'ipv6'],
];

const BLOCKS = RANGES.map(([category, network, prefix, family]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { category, list };
});

/**
 * Refuses webhook targets that resolve to the hub's own network: loopback, private, link-local
 * and cloud-metadata addresses, unless the operator opened a category or CIDR. The HTTP client
 * connects through `lookup`, which vets the very addresses it connects to, so a name that
 * resolves to a public address when checked and to 127.0.0.1 when called (DNS rebinding) is
 * still refused.
 */
export class SsrfGuard {
  private readonly allowedCategories: Set<NetworkCategory>;
  private readonly allowedCidrs = new BlockList();

  constructor(
    allowed: WebhookConfig['allowedNetworks'],
    private resolver: Resolver = systemResolver,
  ) {
    this.allowedCategories = new Set(allowed.categories);
    for (const cidr of allowed.cidrs) {
      const [network, bits] = cidr.split('/');
      this.allowedCidrs.addSubnet(network, Number(bits), isIP(network) === 6 ? 'ipv6' : 'ipv4');
    }
  }

  /** Replaces the DNS resolver (tests; hosts with split-horizon DNS could plug theirs in here). */
  useResolver(resolver: Resolver): void {
    this.resolver = resolver;
  }

  classify(address: string): AddressClass {
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    const embedded = family === 'ipv6' ? embeddedIpv4(address) : undefined;
    if (embedded) return this.classify(embedded);
    for (const block of BLOCKS) if (block.list.check(address, family)) return block.category;
    return 'public';
  }

  isAllowed(address: string): boolean {
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (this.allowedCidrs.check(address, family)) return true;
    const category = this.classify(address);
    return category === 'public' || (category !== 'reserved' && this.allowedCategories.has(category));
  }

  /** Throws when any address of the URL's host may not be called; returns the vetted addresses. */
  async vetUrl(raw: string): Promise<LookupAddress[]> {
    const url = parseUrl(raw);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    return this.vetHost(host);
  }

  async vetHost(host: string): Promise<LookupAddress[]> {
    const family = isIP(host);
    const addresses = family ? [{ address: host, family }] : await this.resolve(host);
    for (const entry of addresses) this.assertAllowed(host, entry.address);
    return addresses;
  }

  /** A `lookup` for net/tls connect: the socket connects only to addresses vetted here. */
  readonly lookup = (hostname: string, options: LookupOptions, callback: (...args: unknown[]) => void): void => {
    this.vetHost(hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((entry) => entry.family === options.family) : addresses;
        if (wanted.length === 0) return callback(Object.assign(new Error(`No IPv${options.family} address for ${hostname}`), { code: 'ENOTFOUND' }));
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0].address, wanted[0].family);
      },
      (error: unknown) => callback(error),
    );
  };

  private async resolve(host: string): Promise<LookupAddress[]> {
    try {
      const addresses = await this.resolver(host);
      if (addresses.length === 0) throw new Error('no addresses');
      return addresses;
    } catch (error) {
      throw new SsrfRefusal('WEBHOOK_URL_UNRESOLVABLE', `The host ${host} does not resolve (${(error as Error).message})`);
    }
  }

  private assertAllowed(host: string, address: string): void {
    if (this.isAllowed(address)) return;
    const category = this.classify(address);
    const via = host === address ? '' : ` (${host} resolves to it)`;
    throw new SsrfRefusal(
      'WEBHOOK_URL_FORBIDDEN',
      `Webhook endpoints may not target ${category} address ${address}${via}; an operator can allow it with HUB_WEBHOOK_ALLOWED_NETWORKS`,
      address,
      category,
    );
  }
}

export function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SsrfRefusal('WEBHOOK_URL_INVALID', `"${raw}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SsrfRefusal('WEBHOOK_URL_INVALID', 'Webhook URLs must use http or https');
  if (url.username || url.password) throw new SsrfRefusal('WEBHOOK_URL_INVALID', 'Webhook URLs may not carry credentials; use a custom header instead');
  return url;
}

/** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
export function embeddedIpv4(address: string): string | undefined {
  const groups = expandIpv6(address);
  if (!groups) return undefined;
  const v4 = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  if (zeros(0, 5) && groups[5] === 0xffff) return v4(groups[6], groups[7]);
  if (zeros(0, 6) && (groups[6] !== 0 || groups[7] > 1)) return v4(groups[6], groups[7]);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return v4(groups[6], groups[7]);
  if (groups[0] === 0x2002) return v4(groups[1], groups[2]);
  return undefined;
}

function expandIpv6(address: string): number[] | undefined {
  let text = address.split('%')[0].toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const groups = tail === undefined ? left : [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : undefined;
}

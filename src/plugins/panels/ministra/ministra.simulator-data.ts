import { createHash } from 'node:crypto';

/** The rows a Ministra simulator keeps (the parts of the portal's DB the REST API reads and writes). */
export interface MinistraUserRow {
  id: number;
  login: string;
  /** md5(md5(password) . id), as the portal stores it: passwords cannot be read back. */
  password: string;
  full_name: string;
  phone: string;
  /** The account number (`users.ls`); several users may share one. */
  ls: string;
  /** 0 = the default plan. */
  tariff_plan_id: number;
  stb_mac: string;
  /** DB meaning: 0 = active, 1 = disabled (the API shows the inverse). */
  status: number;
  comment: string;
  end_date: string;
  account_balance: string;
  online: number;
  last_active: string;
  /** Optional service packages the account subscribed to (package ids). */
  subscribed: number[];
}

export interface MinistraTariffRow {
  id: number;
  external_id: string;
  name: string;
  user_default: boolean;
  /** Service package ids, and which of them are optional. */
  packages: { id: number; optional: boolean }[];
}

export interface MinistraPackageRow {
  id: number;
  external_id: string;
  name: string;
  description: string;
  type: string;
  all_services: number;
  service_type: 'periodic' | 'single';
  rent_duration: number;
  price: string;
  services: 'all' | { id: number; name: string }[];
}

export const NO_DATE = '0000-00-00 00:00:00';

export function hashPassword(password: string, id: number): string {
  const md5 = (text: string) => createHash('md5').update(text).digest('hex');
  return md5(md5(password) + String(id));
}

export function seedTariffs(): MinistraTariffRow[] {
  return [
    { id: 1, external_id: 'basic', name: 'Basic', user_default: true, packages: [{ id: 1, optional: false }, { id: 3, optional: true }] },
    { id: 2, external_id: 'premium', name: 'Premium', user_default: false, packages: [{ id: 1, optional: false }, { id: 2, optional: false }, { id: 3, optional: true }] },
    // A plan without an external id: it exists in the portal, but accounts cannot be given it through the API.
    { id: 3, external_id: '', name: 'Staff', user_default: false, packages: [{ id: 1, optional: false }] },
  ];
}

export function seedServicePackages(): MinistraPackageRow[] {
  return [
    { id: 1, external_id: 'tv-base', name: 'Base TV', description: 'All base channels', type: 'tv', all_services: 1, service_type: 'periodic', rent_duration: 0, price: '0', services: 'all' },
    { id: 2, external_id: 'vod', name: 'Video club', description: 'Films', type: 'video', all_services: 0, service_type: 'periodic', rent_duration: 0, price: '0', services: [{ id: 10, name: 'Films A' }, { id: 11, name: 'Films B' }] },
    { id: 3, external_id: 'sport', name: 'Sport', description: 'Optional sport channels', type: 'tv', all_services: 0, service_type: 'periodic', rent_duration: 0, price: '2.50', services: [{ id: 20, name: 'Sport 1' }] },
  ];
}

/** The portal's date format; a date without time means midnight. */
export function normaliseEndDate(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?$/.exec(value.trim());
  if (!match) return undefined;
  const time = match[2] ? (match[2].length === 5 ? `${match[2]}:00` : match[2]) : '00:00:00';
  return `${match[1]} ${time}`;
}

/** Form fields as PHP's parse_str sees them (`a[]` collects into a list). */
export function parseForm(raw: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(raw)) out.set(key, [...(out.get(key) ?? []), value]);
  return out;
}

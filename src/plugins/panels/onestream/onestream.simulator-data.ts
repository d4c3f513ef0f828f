/** Rows and seeds of the 1-Stream simulator. */
export type OneStreamPermission =
  | 'showUserProfile'
  | 'indexPackages'
  | 'indexLines'
  | 'createLinesWithPackage'
  | 'createLines'
  | 'editLines'
  | 'destroyLines'
  | 'statusLineToggle'
  | 'indexSubresellers'
  | 'editSubresellers';

export interface SimPackage {
  id: number;
  name: string;
  credits: number;
  duration: number;
  duration_in: 'hours' | 'days' | 'months' | 'years';
  max_connections: number;
  bouquets: number[];
  is_trial: boolean;
}

export interface SimLine {
  line_id: string;
  username: string;
  password: string;
  mac_addr: string | null;
  owner: string;
  type: 'regular' | 'device';
  /** Epoch seconds; null = unlimited. */
  expire_at: number | null;
  is_enabled: boolean;
  is_restreamer: boolean;
  is_trial: boolean;
  package_id: number | null;
  bouquets: number[];
  max_connections: number;
  reseller_notes: string;
}

/** Permissions a reseller token typically has (createLines and editLines are "not typical for resellers"). */
export const RESELLER_PERMISSIONS: OneStreamPermission[] = ['showUserProfile', 'indexPackages', 'indexLines', 'createLinesWithPackage', 'destroyLines', 'statusLineToggle'];

export function seedPackages(): SimPackage[] {
  return [
    { id: 108, name: '1 Month', credits: 1, duration: 1, duration_in: 'months', max_connections: 1, bouquets: [1, 2, 3], is_trial: false },
    { id: 109, name: '12 Months', credits: 10, duration: 1, duration_in: 'years', max_connections: 2, bouquets: [1, 2, 3, 4], is_trial: false },
    { id: 110, name: '24h Trial', credits: 0, duration: 24, duration_in: 'hours', max_connections: 1, bouquets: [1], is_trial: true },
  ];
}

export function addDuration(fromSeconds: number, amount: number, unit: SimPackage['duration_in']): number {
  const date = new Date(fromSeconds * 1000);
  if (unit === 'hours') date.setUTCHours(date.getUTCHours() + amount);
  if (unit === 'days') date.setUTCDate(date.getUTCDate() + amount);
  if (unit === 'months') date.setUTCMonth(date.getUTCMonth() + amount);
  if (unit === 'years') date.setUTCFullYear(date.getUTCFullYear() + amount);
  return Math.floor(date.getTime() / 1000);
}

/** `2024-09-12T15:19:21+00:00`, as the API prints it. */
export function isoWithOffset(seconds: number | null): string | null {
  return seconds === null ? null : new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export function lineToWire(line: SimLine): Record<string, unknown> {
  return { ...line, expire_at: isoWithOffset(line.expire_at) };
}

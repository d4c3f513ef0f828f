export type DurationUnit = 'hours' | 'days' | 'months' | 'years';

export interface ResellerPackage {
  id: number;
  package_name: string;
  is_line: number;
  is_trial: number;
  is_official: number;
  trial_credits: number;
  official_credits: number;
  trial_duration: number;
  trial_duration_in: DurationUnit;
  official_duration: number;
  official_duration_in: DurationUnit;
  groups: number[];
  bouquets: number[];
  max_connections: number;
  is_restreamer: number;
  check_compatible: number;
}

export interface ResellerLine {
  id: number;
  member_id: number;
  username: string;
  password: string;
  exp_date: number | null;
  admin_enabled: number;
  enabled: number;
  reseller_notes: string;
  bouquet: number[];
  max_connections: number;
  is_trial: number;
  is_restreamer: number;
  package_id: number;
  created_at: number;
  contact: string;
}

export interface ResellerAccount {
  id: number;
  username: string;
  api_key: string;
  member_group_id: number;
  credits: number;
  status: number;
  trials_used: number;
  total_allowed_gen_trials: number;
  permissions: { create_line: boolean; allow_change_bouquets: boolean; allow_change_password: boolean; minimum_username_length: number; minimum_password_length: number };
  /** Override prices per package id. */
  overrides: Record<number, number>;
}

export function seedResellerPackages(): ResellerPackage[] {
  const base = { is_line: 1, trial_credits: 0, trial_duration: 24, trial_duration_in: 'hours' as const, is_restreamer: 0, check_compatible: 1 };
  return [
    { ...base, id: 1, package_name: '1 month', is_trial: 1, is_official: 1, official_credits: 1, official_duration: 1, official_duration_in: 'months', groups: [2], bouquets: [1, 2, 3], max_connections: 1 },
    { ...base, id: 2, package_name: '12 months', is_trial: 0, is_official: 1, official_credits: 10, official_duration: 1, official_duration_in: 'years', groups: [2], bouquets: [1, 2, 3], max_connections: 2 },
    { ...base, id: 3, package_name: 'Admins only', is_trial: 0, is_official: 1, official_credits: 5, official_duration: 30, official_duration_in: 'days', groups: [1], bouquets: [1], max_connections: 1 },
    { ...base, id: 4, package_name: 'MAG only', is_line: 0, is_trial: 0, is_official: 1, official_credits: 1, official_duration: 30, official_duration_in: 'days', groups: [2], bouquets: [1], max_connections: 1 },
  ];
}

/** now + a package duration, with PHP's calendar arithmetic for months and years. */
export function addDuration(fromSeconds: number, amount: number, unit: DurationUnit): number {
  const date = new Date(fromSeconds * 1000);
  if (unit === 'hours') date.setUTCHours(date.getUTCHours() + amount);
  if (unit === 'days') date.setUTCDate(date.getUTCDate() + amount);
  if (unit === 'months') date.setUTCMonth(date.getUTCMonth() + amount);
  if (unit === 'years') date.setUTCFullYear(date.getUTCFullYear() + amount);
  return Math.floor(date.getTime() / 1000);
}

export function lineToWire(row: ResellerLine): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(row)) out[key] = value === null ? null : Array.isArray(value) ? JSON.stringify(value) : String(value);
  return out;
}

export function packageToWire(row: ResellerPackage, price: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...row, official_credits: price })) out[key] = Array.isArray(value) ? JSON.stringify(value) : String(value);
  return out;
}

/** Data and HTML of the NXT dashboard simulator (the pages clients scrape). */

export interface NxtSimPackage {
  id: number;
  name: string;
  trial: boolean;
  credits: number;
  duration: number;
  durationIn: 'days' | 'months' | 'hours';
  connections: number;
  bouquets: { id: number; bouquet_name: string }[];
}

export interface NxtSimLine {
  id: number;
  username: string;
  password: string;
  /** Epoch seconds; null = unlimited. */
  expiresAt: number | null;
  connections: number;
  packageId: number;
  bouquets: number[];
  description: string;
  enabled: boolean;
  trial: boolean;
}

export function seedPackages(): NxtSimPackage[] {
  const bouquets = [
    { id: 1, bouquet_name: 'Sports' },
    { id: 2, bouquet_name: 'Movies' },
    { id: 3, bouquet_name: 'News' },
  ];
  return [
    { id: 11, name: '1 Month - 1 Connection', trial: false, credits: 1, duration: 1, durationIn: 'months', connections: 1, bouquets },
    { id: 12, name: '3 Months - 2 Connections', trial: false, credits: 3, duration: 3, durationIn: 'months', connections: 2, bouquets },
    { id: 21, name: 'Trial 24 Hours', trial: true, credits: 0, duration: 24, durationIn: 'hours', connections: 1, bouquets: bouquets.slice(0, 1) },
  ];
}

export function addDuration(fromSeconds: number, amount: number, unit: NxtSimPackage['durationIn']): number {
  const date = new Date(fromSeconds * 1000);
  if (unit === 'hours') date.setUTCHours(date.getUTCHours() + amount);
  if (unit === 'days') date.setUTCDate(date.getUTCDate() + amount);
  if (unit === 'months') date.setUTCMonth(date.getUTCMonth() + amount);
  return Math.floor(date.getTime() / 1000);
}

/** `DD-MM-YYYY HH:mm` in the panel's time zone (UTC here). */
export function nxtDate(seconds: number | null): string {
  if (seconds === null) return '';
  const iso = new Date(seconds * 1000).toISOString();
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function layout(title: string, csrf: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="csrf-token" content="${csrf}">\n<title>${title} | NXT Dashboard</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

export function loginPage(csrf: string, error?: string): string {
  return layout(
    'Login',
    csrf,
    `<div class="login-box">${error ? `<div class="alert alert-danger">${escape(error)}</div>` : ''}\n<form method="POST" action="/login">\n<input type="hidden" name="_token" value="${csrf}">\n<input type="text" name="username" placeholder="Username">\n<input type="password" name="password" placeholder="Password">\n<button type="submit">Sign in</button>\n</form></div>`,
  );
}

export function dashboardPage(csrf: string, user: string, credits: number): string {
  return layout('Dashboard', csrf, `<div id="nxt-dashboard"><h1>Welcome ${escape(user)}</h1><span class="credits">Credits: ${credits}</span></div>`);
}

function options(packages: NxtSimPackage[], selected?: number): string {
  return packages
    .map((pkg) => `<option value="${pkg.id}" data-credits="${pkg.credits}" data-duration="${pkg.duration}" data-duration-in="${pkg.durationIn}" data-connections="${pkg.connections}"${pkg.id === selected ? ' selected' : ''}>${escape(pkg.name)}</option>`)
    .join('\n');
}

/** The create-line page: its package `<select>` (and a line form with its own password field). */
export function createPage(csrf: string, packages: NxtSimPackage[], trial: boolean): string {
  return layout(
    trial ? 'Create trial line' : 'Create line',
    csrf,
    `<form id="create-line" method="POST" action="/lines/create/${trial ? 1 : 0}">\n<select name="package" class="form-select">\n<option value="">Select a package</option>\n${options(packages)}\n</select>\n<input type="text" name="username"><input type="text" name="password">\n</form>`,
  );
}

export function extendPage(csrf: string, packages: NxtSimPackage[], line: NxtSimLine): string {
  return layout('Extend line', csrf, `<h2>Extend ${escape(line.username)}</h2>\n<form id="extend-line" method="POST" action="/lines/extend/${line.id}">\n<select name="package">\n${options(packages, line.packageId)}\n</select>\n</form>`);
}

export function creditsPage(csrf: string, credits: number): string {
  return layout('Credit logs', csrf, `<div class="card"><div class="card-header">Credits: ${credits}</div><table class="table"></table></div>`);
}

export function statusBadge(line: NxtSimLine, now: number): string {
  if (!line.enabled) return '<span class="badge bg-secondary">Disabled</span>';
  if (line.expiresAt !== null && line.expiresAt <= now) return '<span class="badge bg-danger">Expired</span>';
  return '<span class="badge bg-success">Active</span>';
}

export function laravelErrorPage(status: number, title: string): string {
  return `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><div class="flex-center"><div class="code">${status}</div><div class="message">${title}</div></div></body></html>\n`;
}

/**
 * Scopes: `admin` (everything), `operator` (everything but API keys), `read-only` (every GET but
 * API keys), or per resource: `<resource>:read` / `<resource>:write` (write implies read), where
 * the resource is the first path segment (`panels`, `access-codes`, …).
 */
const SCOPE = /^(admin|operator|read-only|[a-z][a-z0-9-]*:(read|write))$/;

export function isValidScope(scope: string): boolean {
  return SCOPE.test(scope);
}

const ADMIN_ONLY_RESOURCES = new Set(['api-keys']);

export function allows(scopes: string[], resource: string, access: 'read' | 'write'): boolean {
  if (scopes.includes('admin')) return true;
  if (scopes.includes(`${resource}:write`) || (access === 'read' && scopes.includes(`${resource}:read`))) return true;
  if (ADMIN_ONLY_RESOURCES.has(resource)) return false;
  if (scopes.includes('operator')) return true;
  return access === 'read' && scopes.includes('read-only');
}

/** Whether a key holding `holder` may hand `scope` to another key (never more than it has itself). */
export function grants(holder: string[], scope: string): boolean {
  if (holder.includes('admin')) return true;
  if (scope === 'admin') return false;
  if (scope === 'operator') return holder.includes('operator');
  if (scope === 'read-only') return holder.includes('operator') || holder.includes('read-only');
  const [resource, access] = scope.split(':') as [string, 'read' | 'write'];
  return allows(holder, resource, access);
}

import type { Request } from 'express';

/**
 * What a request reached, from the route that matched, never from its raw path: routes match
 * case-insensitively, so `/API-KEYS` reaches the API keys controller while its path would name a
 * resource no rule knows (scopes, audit actions, idempotency keys all go by what is here).
 */
export function matchedRoute(req: Request): string {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  return (typeof route === 'string' ? route : req.path).toLowerCase();
}

/** The first segment of the matched route: the resource (`api-keys`, `panels`…). */
export function matchedResource(req: Request): string {
  return matchedRoute(req).split('/').filter(Boolean)[0] ?? '';
}

/** The matched route with the request's path parameters: the same resource however the path was cased. */
export function matchedTarget(req: Request): string {
  const params = Object.entries((req.params ?? {}) as Record<string, string>).sort(([a], [b]) => a.localeCompare(b));
  return params.length ? `${matchedRoute(req)} ${JSON.stringify(params)}` : matchedRoute(req);
}

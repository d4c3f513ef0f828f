import { isAlert } from '../events/event-catalogue';
import { matches } from '../events/events.service';

/** The filter preset that selects every alert event (see the catalogue's `alert` marks). */
export const ALERTS_PRESET = '@alerts';

/** `*`, an exact type, a prefix ending in `.*`, or the `@alerts` preset. */
export const EVENT_PATTERN = /^(\*|@alerts|[a-z0-9_]+(\.[a-z0-9_]+)*(\.\*)?)$/;

/** Whether an endpoint with these patterns receives an event of this type and payload. */
export function filterAccepts(patterns: string[], type: string, payload: Record<string, unknown>): boolean {
  for (const pattern of patterns) {
    if (pattern === ALERTS_PRESET ? isAlert(type, payload) : matches(pattern, type)) return true;
  }
  return false;
}

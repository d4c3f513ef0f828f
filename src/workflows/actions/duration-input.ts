import type { DurationSpec } from '../../core/subscriptions/subscription-payload';

/** The inputs by which an action may give a duration; the first one set wins (months, days, hours). */
export interface DurationInput {
  months?: number;
  days?: number;
  hours?: number;
}

export function durationFromInput(input: DurationInput): DurationSpec | null {
  if (input.months) return { unit: 'months', value: input.months };
  if (input.days) return { unit: 'days', value: input.days };
  if (input.hours) return { unit: 'hours', value: input.hours };
  return null;
}

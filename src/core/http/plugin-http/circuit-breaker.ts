import { PluginError } from '../../plugins/sdk';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Consecutive transport-level failures (timeouts, refused connections, 5xx) that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through. */
  openMs: number;
}

/**
 * Stops hammering a panel that is down: after N consecutive transient failures calls fail fast
 * (PANEL_UNAVAILABLE) for a while, then one trial call decides. State changes feed panel health.
 */
export class CircuitBreaker {
  private state: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(
    private readonly options: BreakerOptions,
    private readonly onChange: (state: BreakerState) => void = () => undefined,
  ) {}

  get current(): BreakerState {
    return this.state;
  }

  /** Throws when the circuit is open; otherwise the call may go ahead. */
  check(): void {
    if (this.state === 'closed') return;
    if (this.state === 'open' && Date.now() - this.openedAt >= this.options.openMs) this.set('half-open');
    if (this.state === 'half-open' && !this.trialInFlight) {
      this.trialInFlight = true;
      return;
    }
    const retryInMs = Math.max(0, this.options.openMs - (Date.now() - this.openedAt));
    throw new PluginError('PANEL_UNAVAILABLE', `The panel failed ${this.options.failureThreshold} calls in a row; calls are paused (circuit open, next trial in ${Math.ceil(retryInMs / 1000)} s)`, {
      hint: 'The panel looks down (timeouts, refused connections or server errors). Check that it is running and reachable; the hub tries again automatically.',
    });
  }

  success(): void {
    this.failures = 0;
    this.trialInFlight = false;
    if (this.state !== 'closed') this.set('closed');
  }

  failure(): void {
    this.failures += 1;
    this.trialInFlight = false;
    if (this.state === 'half-open' || (this.state === 'closed' && this.failures >= this.options.failureThreshold)) {
      this.openedAt = Date.now();
      this.set('open');
    }
  }

  private set(state: BreakerState): void {
    if (state === this.state) return;
    this.state = state;
    this.onChange(state);
  }
}

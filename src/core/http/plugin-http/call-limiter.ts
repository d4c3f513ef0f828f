/** Per-panel limits on calls in flight and call starts per second. */
export interface CallLimits {
  maxConcurrent: number;
  maxPerSecond: number;
  /** How long a slot may be held before it is considered abandoned (a crashed process). */
  leaseMs: number;
}

/** Returns a release function once a call may start. */
export interface CallLimiter {
  acquire(key: string, limits: CallLimits): Promise<() => void>;
  /** Takes a slot at once when one is free (no waiting, no promise); undefined otherwise. */
  tryAcquire?(key: string, limits: CallLimits): (() => void) | undefined;
  close?(): Promise<void>;
}

const WINDOW_MS = 1000;

interface PanelState {
  active: number;
  /** Start times in the window, from index `head` on (a queue without O(n) shifts). */
  starts: number[];
  head: number;
  waiters: (() => void)[];
  timer?: NodeJS.Timeout;
}

/**
 * The embedded-mode limiter: a semaphore plus a sliding one-second window of call starts, so no
 * one-second window ever holds more than `maxPerSecond` starts (a token bucket would allow twice
 * that at a window edge). Waiters are served first come, first served.
 */
export class MemoryCallLimiter implements CallLimiter {
  private readonly panels = new Map<string, PanelState>();

  tryAcquire(key: string, limits: CallLimits): (() => void) | undefined {
    const state = this.state(key);
    if (state.waiters.length > 0 || state.active >= limits.maxConcurrent) return undefined;
    const now = Date.now();
    while (state.head < state.starts.length && state.starts[state.head] <= now - WINDOW_MS) state.head += 1;
    if (state.starts.length - state.head >= limits.maxPerSecond) return undefined;
    state.active += 1;
    state.starts.push(now);
    return this.releaser(key, limits);
  }

  acquire(key: string, limits: CallLimits): Promise<() => void> {
    const state = this.state(key);
    return new Promise((resolve) => {
      state.waiters.push(() => resolve(this.releaser(key, limits)));
      this.pump(key, limits);
    });
  }

  private state(key: string): PanelState {
    let state = this.panels.get(key);
    if (!state) {
      state = { active: 0, starts: [], head: 0, waiters: [] };
      this.panels.set(key, state);
    }
    return state;
  }

  private releaser(key: string, limits: CallLimits): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.state(key).active -= 1;
      this.pump(key, limits);
    };
  }

  private pump(key: string, limits: CallLimits): void {
    const state = this.state(key);
    while (state.waiters.length > 0 && state.active < limits.maxConcurrent) {
      const now = Date.now();
      while (state.head < state.starts.length && state.starts[state.head] <= now - WINDOW_MS) state.head += 1;
      if (state.head > 1024 && state.head * 2 > state.starts.length) {
        state.starts = state.starts.slice(state.head);
        state.head = 0;
      }
      if (state.starts.length - state.head >= limits.maxPerSecond) {
        if (!state.timer) {
          state.timer = setTimeout(() => {
            state.timer = undefined;
            this.pump(key, limits);
          }, state.starts[state.head] + WINDOW_MS - now + 1);
        }
        return;
      }
      state.active += 1;
      state.starts.push(now);
      (state.waiters.shift() as () => void)();
    }
  }
}

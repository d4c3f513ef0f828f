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
  close?(): Promise<void>;
}

const WINDOW_MS = 1000;

interface PanelState {
  active: number;
  starts: number[];
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
      state = { active: 0, starts: [], waiters: [] };
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
      while (state.starts.length > 0 && state.starts[0] <= now - WINDOW_MS) state.starts.shift();
      if (state.starts.length >= limits.maxPerSecond) {
        if (!state.timer) {
          state.timer = setTimeout(() => {
            state.timer = undefined;
            this.pump(key, limits);
          }, state.starts[0] + WINDOW_MS - now + 1);
        }
        return;
      }
      state.active += 1;
      state.starts.push(now);
      (state.waiters.shift() as () => void)();
    }
  }
}

import { memoryStateStore, PluginStateStore, toSecondPrecision } from '../../../core/plugins/sdk';

/**
 * The expiry the hub set on each account, by login. The portal shows `end_date` only with its
 * internal billing on; otherwise this is the only expiry there is (the hub enforces it itself).
 * Kept in the panel's durable plugin state when the hub gives one, else in memory.
 */
export class MinistraExpiryMemory {
  private readonly store: PluginStateStore;

  constructor(state: PluginStateStore | undefined) {
    this.store = state ?? memoryStateStore();
  }

  async remember(login: string, expiresAt: string | null): Promise<void> {
    await this.store.set(key(login), expiresAt === null ? 'null' : toSecondPrecision(expiresAt));
  }

  /** The remembered expiry: null = never expires, undefined = nothing remembered. */
  async recall(login: string): Promise<string | null | undefined> {
    const value = await this.store.get(key(login));
    if (value === null) return undefined;
    return value === 'null' ? null : value;
  }
}

function key(login: string): string {
  return `ministra:expiry:${login}`;
}

import { createHash } from 'node:crypto';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Agent } from 'undici';
import { HUB_CONFIG } from '../../config/config.module';
import type { HubConfig } from '../../config/hub-config';
import type { PluginLogger } from '../../plugins/sdk';
import { CallLimiter, MemoryCallLimiter } from './call-limiter';
import { BreakerState, CircuitBreaker } from './circuit-breaker';
import { PanelCallAuditWriter } from './panel-call-audit';
import { createPanelDispatcher, HubPluginHttpClient } from './plugin-http-client';
import { RedisCallLimiter } from './redis-call-limiter';

/** What the factory needs to know of a panel (kept structural so this folder does not depend on the panel entity). */
export interface PanelHttpTarget {
  id: string;
  baseUrl?: string | null;
  options: {
    timeoutMs: number;
    maxConcurrent: number;
    maxPerSecond: number;
    retry: { attempts: number; baseDelayMs: number };
    tls?: { caCert?: string; allowSelfSigned?: boolean };
    breaker?: { failureThreshold: number; openMs: number };
  };
}

export type BreakerListener = (panelId: string, state: BreakerState) => void;

interface PanelTransport {
  tlsKey: string;
  dispatcher: Agent;
  /** Shared with the dispatcher's connector, which fills it in. */
  address: { value?: string };
  breaker: CircuitBreaker;
  breakerKey: string;
}

export const DEFAULT_BREAKER = { failureThreshold: 10, openMs: 15_000 };

/**
 * Builds the `ctx.http` of each panel. Connection pools and circuit breakers live per panel for
 * the life of the process; limits are per panel across the whole deployment (Redis in scale-out
 * mode, memory in embedded mode).
 */
@Injectable()
export class PanelHttpFactory implements OnApplicationShutdown {
  readonly limiter: CallLimiter;
  private readonly transports = new Map<string, PanelTransport>();
  private readonly breakerListeners: BreakerListener[] = [];

  constructor(
    @Inject(HUB_CONFIG) config: HubConfig,
    private readonly audit: PanelCallAuditWriter,
  ) {
    this.limiter = config.redisUrl ? new RedisCallLimiter(config.redisUrl, config.jobs.queuePrefix) : new MemoryCallLimiter();
  }

  onBreakerChange(listener: BreakerListener): void {
    this.breakerListeners.push(listener);
  }

  breakerState(panelId: string): BreakerState {
    return this.transports.get(panelId)?.breaker.current ?? 'closed';
  }

  /** A client for one panel; `secrets` are the panel's secret configuration values (never shown). */
  clientFor(panel: PanelHttpTarget, secrets: string[], logger?: PluginLogger): HubPluginHttpClient {
    const transport = this.transport(panel);
    const client: HubPluginHttpClient = new HubPluginHttpClient({
      key: panel.id,
      baseUrl: panel.baseUrl ?? undefined,
      timeoutMs: panel.options.timeoutMs,
      retry: panel.options.retry,
      limits: { maxConcurrent: panel.options.maxConcurrent, maxPerSecond: panel.options.maxPerSecond, leaseMs: panel.options.timeoutMs + 5_000 },
      limiter: this.limiter,
      breaker: transport.breaker,
      secrets,
      dispatcher: transport.dispatcher,
      logger,
      onCall: (record) => {
        if (transport.address.value) client.noteLocalAddress(transport.address.value);
        this.audit.record(panel.id, record);
      },
    });
    if (transport.address.value) client.noteLocalAddress(transport.address.value);
    return client;
  }

  private transport(panel: PanelHttpTarget): PanelTransport {
    const tls = panel.options.tls;
    const tlsKey = createHash('sha256').update(JSON.stringify([tls?.caCert ?? '', tls?.allowSelfSigned ?? false])).digest('hex');
    const breakerOptions = panel.options.breaker ?? DEFAULT_BREAKER;
    const breakerKey = `${breakerOptions.failureThreshold}/${breakerOptions.openMs}`;
    const existing = this.transports.get(panel.id);
    if (existing && existing.tlsKey === tlsKey && existing.breakerKey === breakerKey) return existing;
    const sameTls = existing?.tlsKey === tlsKey;
    if (existing && !sameTls) void existing.dispatcher.close().catch(() => undefined);
    const address = sameTls && existing ? existing.address : {};
    const transport: PanelTransport = {
      tlsKey,
      breakerKey,
      address,
      dispatcher: sameTls && existing ? existing.dispatcher : createPanelDispatcher(tls, (value) => (address.value = value)),
      breaker: new CircuitBreaker(breakerOptions, (state) => this.breakerListeners.forEach((listener) => listener(panel.id, state))),
    };
    this.transports.set(panel.id, transport);
    return transport;
  }

  /** Drops a deleted panel's pool and breaker. */
  forget(panelId: string): void {
    const transport = this.transports.get(panelId);
    this.transports.delete(panelId);
    void transport?.dispatcher.close().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.transports.values()].map((transport) => transport.dispatcher.close().catch(() => undefined)));
    this.transports.clear();
    await this.limiter.close?.();
  }
}

import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AuditEntry } from '../../audit/audit-entry.entity';
import { AuditService } from '../../audit/audit.service';
import type { PanelCallRecord } from './plugin-http-client';

const FLUSH_EVERY_MS = 50;
const FLUSH_AT = 200;

/**
 * Writes one audit entry per panel call (`panel.call`). Entries are created at call time (so they
 * carry that moment's correlation id and actor) and written in small batches, so auditing every
 * call does not add a database round trip to each one. Pending entries are written on shutdown;
 * once shutdown has begun, each call's entry is written at once (calls still finishing, such as a
 * scheduled health check the scheduler waits for), and once the database is closing, a late entry
 * is logged as lost rather than reopening the connection.
 */
@Injectable()
export class PanelCallAuditWriter implements BeforeApplicationShutdown, OnApplicationShutdown {
  private batch: AuditEntry[] = [];
  private stage: 'running' | 'stopping' | 'stopped' = 'running';
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  private readonly logger = new Logger('PanelCalls');

  constructor(private readonly audit: AuditService) {}

  record(panelId: string, call: PanelCallRecord): void {
    if (this.stage === 'stopped') {
      this.logger.warn({ panelId, operation: call.operation }, 'A panel call finished after shutdown; its audit entry is lost');
      return;
    }
    this.batch.push(
      this.audit.entryOf({
        action: 'panel.call',
        outcome: call.code ? 'failure' : 'success',
        target: { type: 'panel', id: panelId },
        details: { ...call },
      }),
    );
    if (this.stage === 'stopping' || this.batch.length >= FLUSH_AT) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS);
  }

  /** Writes what is pending; resolves once everything recorded before the call is stored. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.batch;
    this.batch = [];
    if (batch.length > 0) {
      this.flushing = this.flushing.then(() =>
        this.audit.write(batch).catch((error: unknown) => this.logger.error({ err: error }, 'Writing panel call audit entries failed')),
      );
    }
    return this.flushing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stage = 'stopping';
    await this.flush();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stage = 'stopped';
    await this.flush();
  }
}

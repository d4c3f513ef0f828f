import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import type { PanelCallRecord } from './plugin-http-client';

/**
 * Writes one audit entry per panel call (`panel.call`). Entries are created at call time (so they
 * carry that moment's correlation id and actor) and written at once: the writes of calls that end
 * together share a statement (`AuditService.write` outside a transaction), so auditing every call
 * does not add a database round trip to each, and no entry waits in memory for a batch to fill.
 * Shutdown waits for the writes under way; once the database is closing, a late entry (a call
 * still finishing) is logged as lost rather than reopening the connection.
 */
@Injectable()
export class PanelCallAuditWriter implements BeforeApplicationShutdown, OnApplicationShutdown {
  private stopped = false;
  private readonly writing = new Set<Promise<void>>();
  private readonly logger = new Logger('PanelCalls');

  constructor(private readonly audit: AuditService) {}

  record(panelId: string, call: PanelCallRecord): void {
    if (this.stopped) {
      this.logger.warn({ panelId, operation: call.operation }, 'A panel call finished after shutdown; its audit entry is lost');
      return;
    }
    const entry = this.audit.entryOf({ action: 'panel.call', outcome: call.code ? 'failure' : 'success', target: { type: 'panel', id: panelId }, details: { ...call } });
    const write: Promise<void> = this.audit
      .write([entry])
      .catch((error: unknown) => this.logger.error({ err: error }, 'Writing a panel call audit entry failed'))
      .finally(() => this.writing.delete(write));
    this.writing.add(write);
  }

  /** Resolves once every entry recorded before the call is stored. */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.writing]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.flush();
  }
}

import { Readable } from 'node:stream';
import { MikroORM } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { AuditService } from '../../audit/audit.service';
import { SecretBox } from '../../crypto/secret-box';
import { AccessCodeFilterDto } from '../access-code.dto';
import { AccessCode } from '../access-code.entity';
import { filterWhere } from '../access-code-query';
import { stateOf } from '../access-code-state';

const PAGE = 1000;
const COLUMNS = ['code', 'portal', 'portal_id', 'username', 'password', 'expiry', 'notes', 'status', 'subscription', 'state', 'effective_expires_at', 'id', 'created_at'];

/**
 * Streams codes as CSV in the import's format (so an export can be imported elsewhere), page by
 * page from the database: memory stays flat whatever the number of codes. Passwords are only
 * written when asked for explicitly, and that request is audited before the first byte.
 */
@Injectable()
export class AccessCodeExportService {
  constructor(
    private readonly orm: MikroORM,
    private readonly secrets: SecretBox,
    private readonly audit: AuditService,
  ) {}

  async export(filter: AccessCodeFilterDto, includeCredentials: boolean): Promise<Readable> {
    await this.audit.record({ action: 'access_code.export', target: { type: 'access_code', id: 'export' }, details: { sensitiveColumns: includeCredentials ? ['password'] : [], filter: { ...filter } } });
    const columns = includeCredentials ? COLUMNS : COLUMNS.filter((column) => column !== 'password');
    const rows = Readable.from(this.rows(filter, includeCredentials));
    const csv = stringify({ header: true, columns });
    rows.on('error', (error) => csv.destroy(error));
    return rows.pipe(csv);
  }

  private async *rows(filter: AccessCodeFilterDto, includeCredentials: boolean): AsyncGenerator<Record<string, string>> {
    const now = new Date();
    let after: string | undefined;
    for (;;) {
      const em = this.orm.em.fork();
      const where = filterWhere(em, filter, now);
      const page = await em.find(AccessCode, after ? { $and: [where, { id: { $gt: after } }] } : where, {
        orderBy: { id: 'asc' },
        limit: PAGE,
        populate: includeCredentials ? ['portal', 'passwordSealed'] : ['portal'],
      });
      for (const code of page) yield this.record(code, includeCredentials, now);
      if (page.length < PAGE) return;
      after = page[page.length - 1].id;
    }
  }

  private record(code: AccessCode, includeCredentials: boolean, now: Date): Record<string, string> {
    return {
      code: code.code,
      portal: code.portal.name,
      portal_id: code.portal.id,
      username: code.username,
      ...(includeCredentials ? { password: this.secrets.decrypt(code.passwordSealed) } : {}),
      expiry: code.expiryMode === 'lifetime' ? 'lifetime' : code.expiryMode === 'date' ? (code.expiresAt?.toISOString() ?? '') : '',
      notes: code.notes ?? '',
      status: code.status,
      subscription: code.subscriptionId ?? '',
      state: stateOf(code, now),
      effective_expires_at: code.effectiveExpiresAt?.toISOString() ?? '',
      id: code.id,
      created_at: code.createdAt.toISOString(),
    };
  }
}

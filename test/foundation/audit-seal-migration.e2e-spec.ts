import { MikroORM } from '@mikro-orm/core';
import { ALL_ENTITIES } from '../../src/app.module';
import { entryHash, GENESIS_HASH } from '../../src/core/audit/audit-chain';
import { AuditEntry } from '../../src/core/audit/audit-entry.entity';
import { AuditService } from '../../src/core/audit/audit.service';
import { loadConfig } from '../../src/core/config/hub-config';
import { ormOptions } from '../../src/core/database/orm-options';
import type { HubScheduler } from '../../src/core/scheduler/scheduler.service';
import { createTestDatabase, TestDatabase, testMode } from '../helpers/test-app';

/** The migration before this one has a different name per dialect. */
const BEFORE = testMode === 'scale-out' ? 'Migration20261123184940_drift-findings' : 'Migration20261123184939_drift-findings';
const SEALS = 'Migration20261124123049_audit-seals';

/**
 * The migration that moved the chain out of the entries: a database sealed the old way keeps a
 * valid chain, its unsealed entries are queued, new entries are queued by the trigger, and the
 * way back restores the columns.
 */
describe('audit seal migration', () => {
  let database: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(loadConfig(database.env), ALL_ENTITIES));
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  const entry = (action: string) => Object.assign(new AuditEntry(), { actorType: 'system', actorId: 'system', action, targetType: null, targetId: null, correlationId: 'c-1', outcome: 'success' as const, ip: null, details: { n: action } });
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await orm.em.getConnection().execute(sql, params)) as T[];

  it('moves sealed entries to seal rows, queues the others, and goes back', async () => {
    await orm.migrator.up({ to: BEFORE });
    const entries = [entry('old.one'), entry('old.two'), entry('old.three')];
    let prev = GENESIS_HASH;
    for (const [index, item] of entries.entries()) {
      const sealed = index < 2;
      const hash = sealed ? entryHash(item, index + 1, prev) : null;
      await orm.em.getConnection().execute(
        'insert into hub_audit_entry (id, at, actor_type, actor_id, action, target_type, target_id, correlation_id, outcome, ip, details, chain_seq, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [item.id, item.at, item.actorType, item.actorId, item.action, null, null, item.correlationId, item.outcome, null, JSON.stringify(item.details), sealed ? index + 1 : null, sealed ? prev : null, hash],
      );
      if (hash) prev = hash;
    }

    await orm.migrator.up({ to: SEALS });
    const seals = await rows<{ chain_seq: number | string; entry_id: string; prev_hash: string; hash: string }>('select chain_seq, entry_id, prev_hash, hash from hub_audit_seal order by chain_seq');
    expect(seals.map((seal) => [Number(seal.chain_seq), seal.entry_id])).toEqual([
      [1, entries[0].id],
      [2, entries[1].id],
    ]);
    expect((await rows<{ entry_id: string }>('select entry_id from hub_audit_pending')).map((row) => row.entry_id)).toEqual([entries[2].id]);

    const audit = new AuditService(orm, { every: () => undefined } as unknown as HubScheduler);
    expect(await audit.verify()).toMatchObject({ valid: true, sealed: 2, unsealed: 1 });
    const added = entry('new.one');
    await audit.write([added]);
    expect((await rows<{ entry_id: string }>('select entry_id from hub_audit_pending order by entry_id')).map((row) => row.entry_id)).toEqual([entries[2].id, added.id].sort());
    expect(await audit.seal()).toBe(2);
    expect(await audit.verify()).toMatchObject({ valid: true, sealed: 4, unsealed: 0 });

    await orm.migrator.down({ to: BEFORE });
    const restored = await rows<{ id: string; chain_seq: number | string | null; hash: string | null }>('select id, chain_seq, hash from hub_audit_entry order by chain_seq');
    expect(restored.map((row) => [row.id, Number(row.chain_seq)])).toEqual(expect.arrayContaining([[entries[0].id, 1], [entries[1].id, 2], [entries[2].id, 3], [added.id, 4]]));
    expect(restored.find((row) => row.id === entries[1].id)?.hash).toBe(seals[1].hash);
    await orm.migrator.up();
  });
});

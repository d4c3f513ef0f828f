import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { AuditEntry } from '../audit/audit-entry.entity';
import { findRows, insertRows, updateRow } from './raw-rows';
import { BoundSqliteDriver } from './sqlite-bound-connection';

describe('raw row statements', () => {
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await MikroORM.init({ driver: BoundSqliteDriver, dbName: ':memory:', entities: [AuditEntry], allowGlobalContext: true } as never);
    await orm.schema.create();
  });
  afterAll(() => orm.close());

  const entry = (action: string) => Object.assign(new AuditEntry(), { actorType: 'system', actorId: 'system', action, correlationId: 'c-1', outcome: 'success', details: { nested: { list: [1, 'two'] } } });

  it('inserts whole rows that the ORM reads back as it wrote them (JSON, dates, nulls)', async () => {
    const rows = [entry('raw.one'), entry('raw.two')];
    await orm.em.fork().transactional((tx) => insertRows(tx, AuditEntry, rows));
    const read = await orm.em.fork().find(AuditEntry, { action: { $like: 'raw.%' } }, { orderBy: { id: 'asc' } });
    expect(read.map((row) => ({ id: row.id, at: row.at.getTime(), details: row.details, targetId: row.targetId, ip: row.ip }))).toEqual(
      rows.map((row) => ({ id: row.id, at: row.at.getTime(), details: { nested: { list: [1, 'two'] } }, targetId: null, ip: null })),
    );
  });

  it('updates the columns of a patch where the conditions hold (null meaning IS NULL) and counts the rows', async () => {
    const row = entry('raw.update');
    await insertRows(orm.em.fork(), AuditEntry, [row]);
    const em = orm.em.fork();
    expect(await updateRow<AuditEntry>(em, AuditEntry, { id: row.id, targetId: '7' }, { ip: 'x' })).toBe(0);
    expect(await updateRow<AuditEntry>(em, AuditEntry, { id: row.id, targetId: null }, { targetId: '7', details: { changed: true }, ip: undefined })).toBe(1);
    const read = await orm.em.fork().findOneOrFail(AuditEntry, { id: row.id });
    expect({ targetId: read.targetId, ip: read.ip, details: read.details, action: read.action }).toEqual({ targetId: '7', ip: null, details: { changed: true }, action: 'raw.update' });
    expect(await updateRow<AuditEntry>(em, AuditEntry, { id: [row.id, 'other'] }, { ip: 'y' })).toBe(1);
    expect(await updateRow<AuditEntry>(em, AuditEntry, { id: [] }, { ip: 'z' })).toBe(0);
    expect((await orm.em.fork().findOneOrFail(AuditEntry, { id: row.id })).ip).toBe('y');
  });

  it('finds rows by a list of values (an empty list matching nothing), with the JSON and dates as written', async () => {
    const rows = [entry('raw.list'), entry('raw.list'), entry('raw.list')];
    await insertRows(orm.em.fork(), AuditEntry, rows);
    const em = orm.em.fork();
    const found = await findRows<AuditEntry>(em, AuditEntry, { id: [rows[2].id, rows[0].id, 'missing'] }, { orderBy: 'id' });
    expect(found.map((row) => ({ id: row.id, at: row.at.getTime(), details: row.details }))).toEqual([rows[0], rows[2]].map((row) => ({ id: row.id, at: row.at.getTime(), details: row.details })));
    expect(await findRows<AuditEntry>(em, AuditEntry, { id: [] })).toEqual([]);
    expect((await findRows<AuditEntry>(em, AuditEntry, { action: 'raw.list', id: [rows[1].id] })).map((row) => row.id)).toEqual([rows[1].id]);
  });

  it('raises the ORM exception classes (a duplicate key is a UniqueConstraintViolationException)', async () => {
    const row = entry('raw.duplicate');
    await insertRows(orm.em.fork(), AuditEntry, [row]);
    await expect(insertRows(orm.em.fork(), AuditEntry, [row])).rejects.toBeInstanceOf(UniqueConstraintViolationException);
  });
});

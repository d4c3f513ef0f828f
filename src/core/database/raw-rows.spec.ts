import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { AuditEntry } from '../audit/audit-entry.entity';
import { insertRows, updateRow } from './raw-rows';
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
    expect(read.map((row) => ({ id: row.id, at: row.at.getTime(), details: row.details, targetId: row.targetId, chainSeq: row.chainSeq }))).toEqual(
      rows.map((row) => ({ id: row.id, at: row.at.getTime(), details: { nested: { list: [1, 'two'] } }, targetId: null, chainSeq: null })),
    );
  });

  it('updates the columns of a patch where the conditions hold (null meaning IS NULL) and counts the rows', async () => {
    const row = entry('raw.update');
    await insertRows(orm.em.fork(), AuditEntry, [row]);
    const em = orm.em.fork();
    expect(await updateRow<AuditEntry>(em, AuditEntry, { id: row.id, chainSeq: 7 }, { hash: 'x' })).toBe(0);
    expect(await updateRow<AuditEntry>(em, AuditEntry, { id: row.id, chainSeq: null }, { chainSeq: 7, details: { changed: true }, targetId: undefined })).toBe(1);
    const read = await orm.em.fork().findOneOrFail(AuditEntry, { id: row.id });
    expect({ chainSeq: read.chainSeq, details: read.details, action: read.action }).toEqual({ chainSeq: 7, details: { changed: true }, action: 'raw.update' });
    expect(await updateRow<AuditEntry>(em, AuditEntry, { id: [row.id, 'other'] }, { hash: 'y' })).toBe(1);
    expect(await updateRow<AuditEntry>(em, AuditEntry, { id: [] }, { hash: 'z' })).toBe(0);
    expect((await orm.em.fork().findOneOrFail(AuditEntry, { id: row.id })).hash).toBe('y');
  });

  it('raises the ORM exception classes (a duplicate key is a UniqueConstraintViolationException)', async () => {
    const row = entry('raw.duplicate');
    await insertRows(orm.em.fork(), AuditEntry, [row]);
    await expect(insertRows(orm.em.fork(), AuditEntry, [row])).rejects.toBeInstanceOf(UniqueConstraintViolationException);
  });
});

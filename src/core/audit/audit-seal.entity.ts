import { BigIntType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';

/**
 * An audit entry's place in the hash chain, written once by the sealer: `hash` covers the entry's
 * content, its position and the hash before it (`audit-chain.ts`). Kept apart from the entry so
 * that sealing inserts a narrow row instead of rewriting the entry and all of its indexes.
 */
@Entity({ tableName: 'hub_audit_seal' })
export class AuditSeal {
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: false })
  chainSeq: number;

  @Property({ type: 'string', length: 36 })
  @Unique()
  entryId: string;

  @Property({ type: 'string', length: 64 })
  prevHash: string;

  @Property({ type: 'string', length: 64 })
  hash: string;
}

/**
 * An entry waiting to be sealed. The trigger `queue_for_seal` on the entries (`AuditEntry.dialectTriggers`)
 * inserts one for every audit entry in the statement that writes it; the sealer deletes it in the
 * transaction that writes the entry's seal.
 */
@Entity({ tableName: 'hub_audit_pending' })
export class AuditPending {
  @PrimaryKey({ type: 'string', length: 36 })
  entryId: string;
}

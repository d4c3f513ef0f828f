import { OptionalProps, types } from '@mikro-orm/core';
import { PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from './ids';

/** Time-ordered string id plus creation and update instants, shared by every mutable entity. */
export abstract class BaseEntity<Optional = never> {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | Optional;

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Property({ type: types.datetime, onCreate: () => new Date() })
  createdAt: Date = new Date();

  @Property({ type: types.datetime, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

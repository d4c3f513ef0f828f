import { EntityManager, FilterQuery, ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError, UnprocessableError } from '../common/errors';
import { containsText } from '../common/filters';
import { decodeCursor, Page, pageOf } from '../common/pagination';
import { CreateCustomerDto, CustomerQueryDto, UpdateCustomerDto } from './customer.dto';
import { Customer } from './customer.entity';

@Injectable()
export class CustomersService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreateCustomerDto): Promise<Customer> {
    validateRefs(input.externalRefs);
    const customer = this.em.create(Customer, { ...input, externalRefs: input.externalRefs ?? {} });
    this.em.persist(customer);
    await this.audit.record({ action: 'customer.create', target: { type: 'customer', id: customer.id } }, this.em);
    await this.flushUnique(customer.email);
    return customer;
  }

  async list(query: CustomerQueryDto, limit: number): Promise<Page<Customer>> {
    const where: FilterQuery<Customer> = { email: query.email };
    const and: FilterQuery<Customer>[] = [];
    if (query.search) {
      and.push({ $or: [{ email: containsText(this.em, query.search) }, { name: containsText(this.em, query.search) }] });
    }
    const before = decodeCursor(query.cursor);
    if (before) and.push({ id: { $lt: before } });
    if (and.length > 0) Object.assign(where, { $and: and });
    let rows = await this.em.find(Customer, where, { orderBy: { id: 'desc' }, limit: query.externalRef ? undefined : limit + 1 });
    if (query.externalRef) {
      // JSON path queries differ between SQLite and PostgreSQL; references are few per customer.
      const [system, id] = splitRef(query.externalRef);
      rows = rows.filter((row) => row.externalRefs[system] === id).slice(0, limit + 1);
    }
    return pageOf(rows, limit, (row) => row);
  }

  async get(id: string): Promise<Customer> {
    const customer = await this.em.findOne(Customer, { id });
    if (!customer) throw new NotFoundError('Customer', id);
    return customer;
  }

  async update(id: string, input: UpdateCustomerDto): Promise<Customer> {
    validateRefs(input.externalRefs);
    const customer = await this.get(id);
    this.em.assign(customer, input);
    await this.audit.record({ action: 'customer.update', target: { type: 'customer', id }, details: { fields: Object.keys(input) } }, this.em);
    await this.flushUnique(customer.email);
    return customer;
  }

  async remove(id: string): Promise<void> {
    const customer = await this.get(id);
    this.em.remove(customer);
    await this.audit.record({ action: 'customer.delete', target: { type: 'customer', id } }, this.em);
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof ForeignKeyConstraintViolationException) throw new ConflictError('CUSTOMER_IN_USE', 'Orders or subscriptions belong to this customer', { customerId: id });
      throw error;
    }
  }

  private async flushUnique(email: string): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ConflictError('CUSTOMER_EMAIL_TAKEN', `A customer with email ${email} already exists`, { email });
      throw error;
    }
  }
}

function splitRef(ref: string): [string, string] {
  const index = ref.indexOf(':');
  return [ref.slice(0, index), ref.slice(index + 1)];
}

function validateRefs(refs: Record<string, unknown> | undefined): void {
  const bad = Object.entries(refs ?? {}).filter(([key, value]) => !/^[A-Za-z0-9_-]{1,50}$/.test(key) || typeof value !== 'string' || value.length > 200);
  if (bad.length > 0) {
    throw new UnprocessableError('INVALID_EXTERNAL_REFS', 'externalRefs maps a system name (letters, digits, _ or -) to an id string', bad.map(([key]) => ({ field: `externalRefs.${key}`, message: 'must be a string of at most 200 characters under a simple key' })));
  }
}

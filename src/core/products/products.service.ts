import { EntityManager, FilterQuery, ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError, UnprocessableError } from '../common/errors';
import { containsText } from '../common/filters';
import { decodeCursor, Page, pageOf } from '../common/pagination';
import { Panel } from '../panels/panel.entity';
import { CreateProductDto, ProductQueryDto, UpdateProductDto } from './product.dto';
import { Product } from './product.entity';

@Injectable()
export class ProductsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreateProductDto): Promise<Product> {
    const { panelId, fallbackPanelId, ...fields } = input;
    const product = this.em.create(Product, { ...fields, panel: await this.panel(panelId), fallbackPanel: fallbackPanelId ? await this.panel(fallbackPanelId, 'fallbackPanelId') : null });
    this.checkFallback(product);
    this.em.persist(product);
    await this.audit.record({ action: 'product.create', target: { type: 'product', id: product.id }, details: { name: product.name, panelId } }, this.em);
    await this.em.flush();
    return product;
  }

  async list(query: ProductQueryDto, limit: number): Promise<Page<Product>> {
    const where: FilterQuery<Product> = {
      panel: query.panelId,
      active: query.active === undefined ? undefined : query.active === 'true',
      packageMissing: query.packageMissing === undefined ? undefined : query.packageMissing === 'true',
    };
    if (query.search) Object.assign(where, { name: containsText(this.em, query.search) });
    const before = decodeCursor(query.cursor);
    if (before) Object.assign(where, { id: { $lt: before } });
    const rows = await this.em.find(Product, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    return pageOf(rows, limit, (row) => row);
  }

  async get(id: string): Promise<Product> {
    const product = await this.em.findOne(Product, { id });
    if (!product) throw new NotFoundError('Product', id);
    return product;
  }

  async update(id: string, input: UpdateProductDto): Promise<Product> {
    const product = await this.get(id);
    const { panelId, fallbackPanelId, ...fields } = input;
    if (panelId !== undefined) product.panel = await this.panel(panelId);
    if (fallbackPanelId !== undefined) product.fallbackPanel = fallbackPanelId ? await this.panel(fallbackPanelId, 'fallbackPanelId') : null;
    this.em.assign(product, fields);
    this.checkFallback(product);
    await this.audit.record({ action: 'product.update', target: { type: 'product', id }, details: { fields: Object.keys(input) } }, this.em);
    await this.em.flush();
    return product;
  }

  async remove(id: string): Promise<void> {
    const product = await this.get(id);
    this.em.remove(product);
    await this.audit.record({ action: 'product.delete', target: { type: 'product', id }, details: { name: product.name } }, this.em);
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof ForeignKeyConstraintViolationException) throw new ConflictError('PRODUCT_IN_USE', 'Orders or subscriptions refer to this product; deactivate it instead (active: false)', { productId: id });
      throw error;
    }
  }

  private async panel(id: string, field = 'panelId'): Promise<Panel> {
    const panel = await this.em.findOne(Panel, { id });
    if (!panel) throw new UnprocessableError('PANEL_NOT_FOUND', `Panel ${id} does not exist`, [{ field, message: `panel ${id} does not exist`, code: 'PANEL_NOT_FOUND' }]);
    return panel;
  }

  /** A fallback panel needs its own package id, and must differ from the primary. */
  private checkFallback(product: Product): void {
    if (!product.fallbackPanel) return;
    if (product.fallbackPanel.id === product.panel.id) throw new UnprocessableError('INVALID_FALLBACK', 'The fallback panel must differ from the primary panel', [{ field: 'fallbackPanelId', message: 'same as panelId', code: 'INVALID_FALLBACK' }]);
    if (!product.fallbackPackageExternalId) throw new UnprocessableError('INVALID_FALLBACK', 'A fallback panel needs fallbackPackageExternalId', [{ field: 'fallbackPackageExternalId', message: 'required with fallbackPanelId', code: 'INVALID_FALLBACK' }]);
  }
}

import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNumber, Max, Min } from 'class-validator';
import { EntityManager } from '@mikro-orm/core';
import { AuditService } from '../audit/audit.service';
import { IdPipe } from '../common/id.pipe';
import { NotFoundError } from '../common/errors';
import { ApiProblems } from '../http/api-problems.decorator';
import { Product } from '../products/product.entity';
import { DEFAULT_PAYMENT_POLICY, ProductPaymentPolicy, UNDERPAYMENT_MODES, UnderpaymentMode } from './product-payment-policy.entity';

export class PaymentPolicyDto {
  @ApiProperty({ minimum: 0, maximum: 50, example: 1, description: 'Shortfalls up to this share of the price are accepted as full payment' }) @IsNumber() @Min(0) @Max(50) tolerancePercent: number;
  @ApiProperty({ enum: UNDERPAYMENT_MODES, description: 'Beyond the tolerance: wait for a top-up (a final underpayment then goes to review) or review at once' })
  @IsIn(UNDERPAYMENT_MODES)
  underpayment: UnderpaymentMode;
}

/** The underpayment policy of a product (crypto payments that arrive short). */
@ApiTags('products')
@Controller('products')
export class PaymentPolicyController {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  @Get(':id/payment-policy')
  @ApiOperation({ operationId: 'getProductPaymentPolicy', summary: "A product's underpayment policy (the default when none is set)" })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: PaymentPolicyDto })
  async get(@Param('id', IdPipe) id: string): Promise<PaymentPolicyDto> {
    await this.product(id);
    const policy = await this.em.findOne(ProductPaymentPolicy, { product: id });
    return policy ? { tolerancePercent: policy.tolerancePercent, underpayment: policy.underpayment } : { ...DEFAULT_PAYMENT_POLICY };
  }

  @Put(':id/payment-policy')
  @ApiOperation({ operationId: 'setProductPaymentPolicy', summary: "Set a product's underpayment policy: tolerance, then wait for a top-up or review" })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: PaymentPolicyDto })
  async set(@Param('id', IdPipe) id: string, @Body() body: PaymentPolicyDto): Promise<PaymentPolicyDto> {
    const product = await this.product(id);
    const policy = (await this.em.findOne(ProductPaymentPolicy, { product: id })) ?? this.em.create(ProductPaymentPolicy, { product, tolerancePercent: body.tolerancePercent, underpayment: body.underpayment });
    policy.tolerancePercent = body.tolerancePercent;
    policy.underpayment = body.underpayment;
    this.em.persist(policy);
    await this.audit.record({ action: 'product.payment_policy.set', target: { type: 'product', id }, details: { ...body } }, this.em);
    await this.em.flush();
    return { tolerancePercent: policy.tolerancePercent, underpayment: policy.underpayment };
  }

  private async product(id: string): Promise<Product> {
    const product = await this.em.findOne(Product, { id });
    if (!product) throw new NotFoundError('Product', id);
    return product;
  }
}

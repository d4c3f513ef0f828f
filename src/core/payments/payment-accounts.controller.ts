import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe';
import { pageLimit } from '../common/pagination';
import { ApiProblems } from '../http/api-problems.decorator';
import { CreatePaymentAccountDto, PaymentAccountDto, PaymentAccountPageDto, PaymentAccountQueryDto, PaymentAccountTestDto, ReconcileResultDto, UpdatePaymentAccountDto } from './payment-account.dto';
import { PaymentAccountsService } from './payment-accounts.service';
import { PaymentReconciliationService } from './payment-reconciliation.service';

@ApiTags('payment-accounts')
@Controller('payment-accounts')
export class PaymentAccountsController {
  constructor(
    private readonly accounts: PaymentAccountsService,
    private readonly reconciliation: PaymentReconciliationService,
  ) {}

  @Post()
  @ApiOperation({ operationId: 'createPaymentAccount', summary: 'Configure a payment provider account (credentials are validated against the plugin schema, encrypted and never returned)' })
  @ApiProblems(400, 422)
  @ApiCreatedResponse({ type: PaymentAccountDto })
  async create(@Body() body: CreatePaymentAccountDto): Promise<PaymentAccountDto> {
    return PaymentAccountDto.from(await this.accounts.create(body));
  }

  @Get()
  @ApiOperation({ operationId: 'listPaymentAccounts', summary: 'List payment accounts' })
  @ApiProblems(400)
  @ApiOkResponse({ type: PaymentAccountPageDto })
  async list(@Query() query: PaymentAccountQueryDto): Promise<PaymentAccountPageDto> {
    const page = await this.accounts.list(query, pageLimit(query));
    return { items: page.items.map(PaymentAccountDto.from), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getPaymentAccount', summary: 'Get a payment account' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: PaymentAccountDto })
  async get(@Param('id', IdPipe) id: string): Promise<PaymentAccountDto> {
    return PaymentAccountDto.from(await this.accounts.get(id));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updatePaymentAccount', summary: 'Update a payment account (send credentials to replace them)' })
  @ApiProblems(400, 404, 422)
  @ApiOkResponse({ type: PaymentAccountDto })
  async update(@Param('id', IdPipe) id: string, @Body() body: UpdatePaymentAccountDto): Promise<PaymentAccountDto> {
    return PaymentAccountDto.from(await this.accounts.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deletePaymentAccount', summary: 'Delete a payment account no checkout used' })
  @ApiProblems(400, 404, 409)
  @ApiNoContentResponse({ description: 'Done' })
  async remove(@Param('id', IdPipe) id: string): Promise<void> {
    await this.accounts.remove(id);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ operationId: 'testPaymentAccount', summary: "Test the account's credentials against the provider's API" })
  @ApiProblems(400, 404, 422)
  @ApiOkResponse({ type: PaymentAccountTestDto })
  async test(@Param('id', IdPipe) id: string): Promise<PaymentAccountTestDto> {
    return this.accounts.test(id);
  }

  @Post(':id/reconcile')
  @HttpCode(200)
  @ApiOperation({ operationId: 'reconcilePaymentAccount', summary: 'Ask the provider now for the status of recent open checkouts (also runs on a schedule) and queue what the hub missed' })
  @ApiProblems(400, 404, 422)
  @ApiOkResponse({ type: ReconcileResultDto })
  async reconcile(@Param('id', IdPipe) id: string): Promise<ReconcileResultDto> {
    return this.reconciliation.reconcileAccount(id);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { IdPipe } from '../common/id.pipe';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pageLimit } from '../common/pagination';
import { ApiProblems } from '../http/api-problems.decorator';
import { CreateCustomerDto, CustomerDto, CustomerPageDto, CustomerQueryDto, UpdateCustomerDto } from './customer.dto';
import { CustomersService } from './customers.service';

@ApiTags('customers')
@Controller('customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Post()
  @ApiOperation({ operationId: 'createCustomer', summary: 'Create a customer' })
  @ApiProblems(400, 409, 422)
  @ApiCreatedResponse({ type: CustomerDto })
  async create(@Body() body: CreateCustomerDto): Promise<CustomerDto> {
    return CustomerDto.from(await this.customers.create(body));
  }

  @Get()
  @ApiOperation({ operationId: 'listCustomers', summary: 'List customers' })
  @ApiProblems(400)
  @ApiOkResponse({ type: CustomerPageDto })
  async list(@Query() query: CustomerQueryDto): Promise<CustomerPageDto> {
    const page = await this.customers.list(query, pageLimit(query));
    return { items: page.items.map(CustomerDto.from), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getCustomer', summary: 'Get a customer' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: CustomerDto })
  async get(@Param('id', IdPipe) id: string): Promise<CustomerDto> {
    return CustomerDto.from(await this.customers.get(id));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateCustomer', summary: 'Update a customer' })
  @ApiProblems(400, 404, 422)
  @ApiOkResponse({ type: CustomerDto })
  async update(@Param('id', IdPipe) id: string, @Body() body: UpdateCustomerDto): Promise<CustomerDto> {
    return CustomerDto.from(await this.customers.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteCustomer', summary: 'Delete a customer without orders or subscriptions' })
  @ApiProblems(400, 404, 409)
  @ApiNoContentResponse({ description: 'Done' })
  async remove(@Param('id', IdPipe) id: string): Promise<void> {
    await this.customers.remove(id);
  }
}

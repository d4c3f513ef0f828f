import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { IdPipe } from '../common/id.pipe';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pageLimit } from '../common/pagination';
import { ApiProblems } from '../http/api-problems.decorator';
import { CreateProductDto, ProductDto, ProductPageDto, ProductQueryDto, UpdateProductDto } from './product.dto';
import { ProductsService } from './products.service';

@ApiTags('products')
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Post()
  @ApiOperation({ operationId: 'createProduct', summary: 'Create a product' })
  @ApiProblems(400, 409, 422)
  @ApiCreatedResponse({ type: ProductDto })
  async create(@Body() body: CreateProductDto): Promise<ProductDto> {
    return ProductDto.from(await this.products.create(body));
  }

  @Get()
  @ApiOperation({ operationId: 'listProducts', summary: 'List products' })
  @ApiProblems(400)
  @ApiOkResponse({ type: ProductPageDto })
  async list(@Query() query: ProductQueryDto): Promise<ProductPageDto> {
    const page = await this.products.list(query, pageLimit(query));
    return { items: page.items.map(ProductDto.from), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getProduct', summary: 'Get a product' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: ProductDto })
  async get(@Param('id', IdPipe) id: string): Promise<ProductDto> {
    return ProductDto.from(await this.products.get(id));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateProduct', summary: 'Update a product' })
  @ApiProblems(400, 404, 422)
  @ApiOkResponse({ type: ProductDto })
  async update(@Param('id', IdPipe) id: string, @Body() body: UpdateProductDto): Promise<ProductDto> {
    return ProductDto.from(await this.products.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteProduct', summary: 'Delete a product no order or subscription refers to' })
  @ApiProblems(400, 404, 409)
  @ApiNoContentResponse({ description: 'Done' })
  async remove(@Param('id', IdPipe) id: string): Promise<void> {
    await this.products.remove(id);
  }
}

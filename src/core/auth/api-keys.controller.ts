import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { IdPipe } from '../common/id.pipe';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiKeyDto, ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './api-key.dto';
import type { AuthenticatedRequest } from './api-key.guard';
import { ApiKeysService } from './api-keys.service';

@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @ApiOperation({ operationId: 'createApiKey', summary: 'Create an API key (the key is shown once)' })
  @ApiProblems(400, 422)
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  async create(@Body() body: CreateApiKeyDto, @Req() req: AuthenticatedRequest): Promise<CreatedApiKeyDto> {
    const { key, record } = await this.keys.create({ ...body, expiresAt: body.expiresAt ? new Date(body.expiresAt) : undefined }, req.apiKeyScopes ?? []);
    return { ...ApiKeyDto.from(record), key };
  }

  @Get()
  @ApiOperation({ operationId: 'listApiKeys', summary: 'List API keys (never the keys themselves)' })
  @ApiProblems()
  @ApiOkResponse({ type: ApiKeyListDto })
  async list(): Promise<ApiKeyListDto> {
    return { items: (await this.keys.list()).map(ApiKeyDto.from) };
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ operationId: 'revokeApiKey', summary: 'Revoke an API key' })
  @ApiProblems(404)
  @ApiOkResponse({ type: ApiKeyDto })
  async revoke(@Param('id', IdPipe) id: string, @Req() req: AuthenticatedRequest): Promise<ApiKeyDto> {
    return ApiKeyDto.from(await this.keys.revoke(id, req.apiKeyScopes ?? []));
  }
}

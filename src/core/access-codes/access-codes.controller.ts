import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe';
import { ApiProblems } from '../http/api-problems.decorator';
import { AccessCodeBulkDto, AccessCodeBulkResultDto } from './access-code-bulk.dto';
import { AccessCodeBulkService } from './access-code-bulk.service';
import { AccessCodeDto, AccessCodePageDto, AccessCodeQueryDto, AccessCodeSecretDto, CodeCapacityListDto, CreateAccessCodeDto, UpdateAccessCodeDto } from './access-code.dto';
import { AccessCodesService } from './access-codes.service';
import { AccessCodeExportDto } from './export/access-code-export.dto';
import { AccessCodeExportService } from './export/access-code-export.service';

@ApiTags('access codes')
@Controller('access-codes')
export class AccessCodesController {
  constructor(
    private readonly codes: AccessCodesService,
    private readonly bulk: AccessCodeBulkService,
    private readonly exporter: AccessCodeExportService,
  ) {}

  @Post()
  @ApiOperation({ operationId: 'createAccessCode', summary: 'Create an access code (custom or generated); the password is encrypted and not returned' })
  @ApiProblems(400, 409, 422)
  @ApiCreatedResponse({ type: AccessCodeDto })
  async create(@Body() body: CreateAccessCodeDto): Promise<AccessCodeDto> {
    return AccessCodeDto.from(await this.codes.create(body));
  }

  @Get()
  @ApiOperation({ operationId: 'listAccessCodes', summary: 'Search, filter and sort access codes (cursor pagination)' })
  @ApiProblems(400)
  @ApiOkResponse({ type: AccessCodePageDto })
  async list(@Query() query: AccessCodeQueryDto): Promise<AccessCodePageDto> {
    const page = await this.codes.list(query, query.limit ?? 50);
    const now = new Date();
    return { items: page.items.map((code) => AccessCodeDto.from(code, now)), nextCursor: page.nextCursor };
  }

  @Get('capacity')
  @ApiOperation({ operationId: 'getAccessCodeCapacity', summary: 'How full the code space of each length is (generation is refused when nearly exhausted)' })
  @ApiProblems()
  @ApiOkResponse({ type: CodeCapacityListDto })
  async capacity(): Promise<CodeCapacityListDto> {
    return { lengths: await this.codes.capacity() };
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({ operationId: 'bulkAccessCodes', summary: 'Activate, deactivate, delete, set the expiry of, or move codes by ids or by filter; one result and one audit entry per code' })
  @ApiProblems(400, 422)
  @ApiOkResponse({ type: AccessCodeBulkResultDto })
  async runBulk(@Body() body: AccessCodeBulkDto): Promise<AccessCodeBulkResultDto> {
    return this.bulk.run(body);
  }

  @Post('export')
  @HttpCode(200)
  @ApiOperation({ operationId: 'exportAccessCodes', summary: 'Export codes as CSV (the import format); passwords only with includeCredentials, which is audited' })
  @ApiProduces('text/csv')
  @ApiProblems(400)
  @ApiOkResponse({ description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  async export(@Body() body: AccessCodeExportDto): Promise<StreamableFile> {
    const stream = await this.exporter.export(body.filter ?? {}, body.includeCredentials ?? false);
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="access-codes.csv"' });
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getAccessCode', summary: 'Get an access code' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: AccessCodeDto })
  async get(@Param('id', IdPipe) id: string): Promise<AccessCodeDto> {
    return AccessCodeDto.from(await this.codes.get(id));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateAccessCode', summary: 'Edit portal, credentials, status, notes, subscription or expiry (never the code: 422)' })
  @ApiProblems(400, 404, 422)
  @ApiOkResponse({ type: AccessCodeDto })
  async update(@Param('id', IdPipe) id: string, @Body() body: UpdateAccessCodeDto): Promise<AccessCodeDto> {
    return AccessCodeDto.from(await this.codes.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteAccessCode', summary: 'Delete an access code (its code becomes free for reuse)' })
  @ApiProblems(400, 404)
  @ApiNoContentResponse({ description: 'Done' })
  async remove(@Param('id', IdPipe) id: string): Promise<void> {
    await this.codes.remove(id);
  }

  @Post(':id/reveal')
  @HttpCode(200)
  @ApiOperation({ operationId: 'revealAccessCode', summary: 'Reveal the Xtream credentials of a code (audited; needs write access)' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: AccessCodeSecretDto })
  async reveal(@Param('id', IdPipe) id: string): Promise<AccessCodeSecretDto> {
    return this.codes.reveal(id);
  }
}

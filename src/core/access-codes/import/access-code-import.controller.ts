import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { HubError } from '../../common/errors';
import { IdPipe } from '../../common/id.pipe';
import { pageLimit, PageQueryDto } from '../../common/pagination';
import { ApiProblems } from '../../http/api-problems.decorator';
import { AccessCodeImportDto, AccessCodeImportPageDto, ImportQueryDto, ImportRowDto, ImportRowPageDto, ImportRowQueryDto } from './access-code-import.dto';
import { AccessCodeImportService } from './access-code-import.service';

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/octet-stream'];

@ApiTags('access codes')
@Controller('access-codes/import')
export class AccessCodeImportController {
  constructor(private readonly imports: AccessCodeImportService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    operationId: 'importAccessCodes',
    summary: 'Import access codes from a CSV body; answers at once with the import job to follow (GET /access-codes/import/jobs/{id})',
    description:
      'Columns: code (optional: generated when empty), portal (id or name), username, password, expiry (empty = follow the subscription, ' +
      '`lifetime`, `YYYY-MM-DD` = valid through that day UTC, or an ISO-8601 instant), notes, status (active|inactive), subscription (id). ' +
      'The file is streamed and stored encrypted until the import ends.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ required: true, schema: { type: 'string', example: 'code,portal,username,password,expiry,notes,status\nK7M2XQ,Main portal,line_1,secret,2026-12-31,,active\n' } })
  @ApiProblems(400, 413, 415, 422)
  @ApiAcceptedResponse({ type: AccessCodeImportDto })
  async upload(@Req() req: Request, @Query() query: ImportQueryDto): Promise<AccessCodeImportDto> {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!CSV_TYPES.includes(type)) throw new HubError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', `Send the CSV file as the request body with Content-Type: text/csv (got "${type || 'none'}")`);
    const job = await this.imports.upload(req, { mode: query.mode ?? 'all-or-nothing', dryRun: query.dryRun ?? false, length: query.length, defaultPortalId: query.portalId, fileName: query.fileName });
    return AccessCodeImportDto.from(job);
  }

  @Get('jobs')
  @ApiOperation({ operationId: 'listAccessCodeImports', summary: 'List imports, newest first' })
  @ApiProblems(400)
  @ApiOkResponse({ type: AccessCodeImportPageDto })
  async list(@Query() query: PageQueryDto): Promise<AccessCodeImportPageDto> {
    const page = await this.imports.list(pageLimit(query), query.cursor);
    return { items: page.items.map(AccessCodeImportDto.from), nextCursor: page.nextCursor };
  }

  @Get('jobs/:id')
  @ApiOperation({ operationId: 'getAccessCodeImport', summary: 'Progress and report of an import (poll until finished)' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: AccessCodeImportDto })
  async get(@Param('id', IdPipe) id: string): Promise<AccessCodeImportDto> {
    return AccessCodeImportDto.from(await this.imports.get(id));
  }

  @Get('jobs/:id/rows')
  @ApiOperation({ operationId: 'listAccessCodeImportRows', summary: 'Per-row outcomes of an import (created, invalid with the reason, duplicate), in file order' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: ImportRowPageDto })
  async rows(@Param('id', IdPipe) id: string, @Query() query: ImportRowQueryDto): Promise<ImportRowPageDto> {
    const page = await this.imports.rows(id, query.outcome, query.limit ?? 100, query.cursor ? Number(query.cursor) : 0);
    return { items: page.items.map(ImportRowDto.from), nextCursor: page.nextCursor };
  }
}


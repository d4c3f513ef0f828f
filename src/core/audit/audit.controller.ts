import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pageLimit } from '../common/pagination';
import { ApiProblems } from '../http/api-problems.decorator';
import { AuditEntryDto, AuditPageDto, AuditQueryDto, ChainReportDto } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ operationId: 'listAuditEntries', summary: 'Search the audit log, newest first' })
  @ApiProblems(400)
  @ApiOkResponse({ type: AuditPageDto })
  async list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const page = await this.audit.list(
      {
        actorId: query.actor,
        action: query.action,
        targetType: query.targetType,
        targetId: query.targetId,
        correlationId: query.correlationId,
        outcome: query.outcome,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      },
      pageLimit(query),
      query.cursor,
    );
    return { items: page.items.map(AuditEntryDto.from), nextCursor: page.nextCursor };
  }

  @Get('verify')
  @ApiOperation({ operationId: 'verifyAuditChain', summary: 'Recompute the hash chain and report the first tampered entry, if any' })
  @ApiProblems()
  @ApiOkResponse({ type: ChainReportDto })
  async verify(): Promise<ChainReportDto> {
    return this.audit.verify();
  }
}

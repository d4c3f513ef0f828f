import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditAction } from '../audit/audit-action.decorator';
import { IdPipe } from '../common/id.pipe';
import { pageLimit } from '../common/pagination';
import { ApiProblems } from '../http/api-problems.decorator';
import { DriftFindingDto, DriftFindingPageDto, DriftQueryDto, RepairDriftDto } from './drift.dto';
import { DriftFindingsService } from './drift-findings.service';
import { DriftRepairService } from './drift-repair.service';

/**
 * Drift findings: where a subscription's line on its panel differs from the hub's intent, as the
 * reconciles (scheduled and POST /subscriptions/{id}/reconcile) found it, with a repair per finding.
 */
@ApiTags('drift')
@Controller('drift')
export class DriftController {
  constructor(
    private readonly findings: DriftFindingsService,
    private readonly repairs: DriftRepairService,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listDriftFindings', summary: 'List drift findings (newest first)' })
  @ApiProblems(400)
  @ApiOkResponse({ type: DriftFindingPageDto })
  async list(@Query() query: DriftQueryDto): Promise<DriftFindingPageDto> {
    const page = await this.findings.list(query, pageLimit(query));
    return { items: page.items.map((row) => DriftFindingDto.from(row)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getDriftFinding', summary: 'Get a drift finding' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: DriftFindingDto })
  async get(@Param('id', IdPipe) id: string): Promise<DriftFindingDto> {
    return DriftFindingDto.from(await this.findings.get(id));
  }

  @Post(':id/repair')
  @HttpCode(200)
  @AuditAction('drift.repair.request', 'drift_finding')
  @ApiOperation({
    operationId: 'repairDriftFinding',
    summary: 'Set the panel back to the hub\'s intent for an open finding (recreate the line, extend, enable/disable, package, connections)',
    description:
      '409 `SUBSCRIPTION_BUSY` while a workflow run is changing the line, `DRIFT_STALE` when the subscription changed since the finding was seen, `DRIFT_NOT_OPEN`, `REPAIR_IN_PROGRESS`; 422 `REPAIR_NOT_SUPPORTED` when the panel\'s plugin lacks the operation (the problem names the capability and a hint). Panel failures answer their normalised code.',
  })
  @ApiProblems(400, 404, 409, 422)
  @ApiOkResponse({ type: DriftFindingDto })
  async repair(@Param('id', IdPipe) id: string, @Body() body: RepairDriftDto): Promise<DriftFindingDto> {
    return DriftFindingDto.from(await this.repairs.repair(id, { reason: body.reason ?? 'manual repair' }));
  }
}

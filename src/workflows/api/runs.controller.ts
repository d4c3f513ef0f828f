import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../../core/common/id.pipe';
import { pageLimit } from '../../core/common/pagination';
import { ApiProblems } from '../../core/http/api-problems.decorator';
import { RunControlService } from '../engine/run-control.service';
import { RunDto, RunPageDto, RunQueryDto } from './run.dto';
import { ReasonDto, ReplayDto } from './workflow.dto';

@ApiTags('runs')
@Controller('runs')
export class RunsController {
  constructor(private readonly runs: RunControlService) {}

  @Get()
  @ApiOperation({ operationId: 'listRuns', summary: 'List workflow runs (filter by workflow, status, subscription, correlation id)' })
  @ApiProblems(400)
  @ApiOkResponse({ type: RunPageDto })
  async list(@Query() query: RunQueryDto): Promise<RunPageDto> {
    const page = await this.runs.list(query, pageLimit(query));
    return { items: page.items.map((run) => RunDto.from(run)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getRun', summary: 'A run with its steps, attempts, inputs and outputs (secrets redacted), errors with hints and timings' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: RunDto })
  async get(@Param('id', IdPipe) id: string): Promise<RunDto> {
    const { run, steps } = await this.runs.get(id);
    return RunDto.from(run, steps);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ operationId: 'retryRun', summary: 'Retry a failed run from its failed step' })
  @ApiProblems(400, 404, 409)
  @ApiOkResponse({ type: RunDto })
  async retry(@Param('id', IdPipe) id: string, @Body() body: ReasonDto): Promise<RunDto> {
    return RunDto.from(await this.runs.retry(id, body.reason));
  }

  @Post(':id/replay')
  @ApiOperation({ operationId: 'replayRun', summary: "Start a new run from the start with the same trigger data, on the run's revision or the latest (the run, and any earlier replay of it, must have finished)" })
  @ApiProblems(400, 404, 409)
  @ApiCreatedResponse({ type: RunDto })
  async replay(@Param('id', IdPipe) id: string, @Body() body: ReplayDto): Promise<RunDto> {
    return RunDto.from(await this.runs.replay(id, body.reason, body.revision ?? 'same'));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ operationId: 'cancelRun', summary: 'Cancel a run that has not finished' })
  @ApiProblems(400, 404, 409)
  @ApiOkResponse({ type: RunDto })
  async cancel(@Param('id', IdPipe) id: string, @Body() body: ReasonDto): Promise<RunDto> {
    return RunDto.from(await this.runs.cancel(id, body.reason));
  }
}

import { Body, Controller, Get, HttpCode, Injectable, Param, PipeTransform, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditAction } from '../../core/audit/audit-action.decorator';
import { Public } from '../../core/auth/public.decorator';
import { ValidationFailedError } from '../../core/common/errors';
import { ApiProblems, ApiPublicProblems } from '../../core/http/api-problems.decorator';
import { ActionRegistry } from '../actions/action-registry';
import { DefinitionsService } from '../engine/definitions.service';
import { workflowSchema } from '../schema/workflow-schema';
import { RunDto } from './run.dto';
import { DryRunReportDto, DryRunRequestDto, ManualRunDto, ReasonDto, ValidationReportDto, WebhookSecretDto, WorkflowDetailDto, WorkflowDto, WorkflowListDto, WorkflowRevisionDto, WorkflowYamlDto } from './workflow.dto';
import { WorkflowsApiService } from './workflows-api.service';

@Injectable()
class WorkflowIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[a-z0-9]([a-z0-9-]{0,98}[a-z0-9])?$/.test(value)) throw new ValidationFailedError([{ field: 'id', message: 'id must be a workflow id (kebab-case)', code: 'pattern' }]);
    return value;
  }
}

@ApiTags('workflows')
@Controller('workflows')
export class WorkflowsController {
  constructor(
    private readonly definitions: DefinitionsService,
    private readonly actions: ActionRegistry,
    private readonly api: WorkflowsApiService,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listWorkflows', summary: 'List workflows (built-in, operator files, API) and the operator files that were skipped as invalid' })
  @ApiProblems()
  @ApiOkResponse({ type: WorkflowListDto })
  async list(): Promise<WorkflowListDto> {
    await this.definitions.refresh();
    return { items: this.definitions.all().map(WorkflowDto.from), loadProblems: this.definitions.loadProblems() };
  }

  @Get('schema')
  @Public()
  @ApiOperation({ operationId: 'getWorkflowSchema', summary: 'The JSON Schema of workflow definitions (for editors: # yaml-language-server: $schema=<hub>/workflows/schema)' })
  @ApiPublicProblems()
  @ApiOkResponse({ description: 'JSON Schema (draft-07)', schema: { type: 'object' } })
  schema(): Record<string, unknown> {
    return workflowSchema(this.actions.all());
  }

  @Get('actions')
  @ApiOperation({ operationId: 'listWorkflowActions', summary: 'The actions steps may use, with their input schemas' })
  @ApiProblems()
  @ApiOkResponse({ description: 'Actions', schema: { type: 'array', items: { type: 'object' } } })
  listActions(): Record<string, unknown>[] {
    return this.actions.all().map((action) => ({ name: action.name, description: action.description, input: action.input, output: action.output ?? null, plugin: action.plugin ?? null, transactional: Boolean(action.transactional), defaultRetry: action.defaultRetry ?? null }));
  }

  @Post('validate')
  @HttpCode(200)
  @AuditAction('none')
  @ApiOperation({ operationId: 'validateWorkflow', summary: 'Validate a YAML definition (problems with line and column); nothing is saved' })
  @ApiProblems(400)
  @ApiOkResponse({ type: ValidationReportDto })
  validate(@Body() body: WorkflowYamlDto): ValidationReportDto {
    const result = this.definitions.validate(body.yaml);
    return { valid: result.problems.length === 0, workflowId: result.definition?.id ?? null, problems: result.problems };
  }

  @Post()
  @ApiOperation({ operationId: 'createWorkflow', summary: 'Create a workflow from YAML (revision 1); an invalid definition is refused with 422 and its problems' })
  @ApiProblems(400, 409, 422)
  @ApiCreatedResponse({ type: WorkflowDetailDto })
  async create(@Body() body: WorkflowYamlDto): Promise<WorkflowDetailDto> {
    const loaded = await this.definitions.save(body.yaml);
    return this.detail(loaded.row.id);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getWorkflow', summary: 'Get a workflow with its current YAML and its revisions' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: WorkflowDetailDto })
  get(@Param('id', WorkflowIdPipe) id: string): Promise<WorkflowDetailDto> {
    return this.detail(id);
  }

  @Get(':id/revisions/:revision')
  @ApiOperation({ operationId: 'getWorkflowRevision', summary: 'The YAML of one revision' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: WorkflowYamlDto })
  async revision(@Param('id', WorkflowIdPipe) id: string, @Param('revision') revision: string): Promise<WorkflowYamlDto> {
    const row = (await this.definitions.revisions(id)).find((item) => String(item.revision) === revision);
    if (!row) throw new ValidationFailedError([{ field: 'revision', message: `workflow ${id} has no revision ${revision}`, code: 'NOT_FOUND' }]);
    return { yaml: row.yaml };
  }

  @Put(':id')
  @ApiOperation({ operationId: 'updateWorkflow', summary: 'Save a new revision (runs in flight keep theirs)' })
  @ApiProblems(400, 404, 422)
  @ApiOkResponse({ type: WorkflowDetailDto })
  async update(@Param('id', WorkflowIdPipe) id: string, @Body() body: WorkflowYamlDto): Promise<WorkflowDetailDto> {
    await this.definitions.getLoaded(id);
    await this.definitions.save(body.yaml, id);
    return this.detail(id);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ operationId: 'disableWorkflow', summary: 'Disable a workflow (no new runs; runs in flight finish)' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: WorkflowDto })
  async disable(@Param('id', WorkflowIdPipe) id: string, @Body() body: ReasonDto): Promise<WorkflowDto> {
    return WorkflowDto.from(await this.definitions.setEnabled(id, false, body.reason));
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ operationId: 'enableWorkflow', summary: 'Enable a workflow again' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: WorkflowDto })
  async enable(@Param('id', WorkflowIdPipe) id: string, @Body() body: ReasonDto): Promise<WorkflowDto> {
    return WorkflowDto.from(await this.definitions.setEnabled(id, true, body.reason));
  }

  @Post(':id/dry-run')
  @HttpCode(200)
  @AuditAction('none')
  @ApiOperation({ operationId: 'dryRunWorkflow', summary: 'Evaluate a workflow against a sample event: what each step would do, without side effects' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: DryRunReportDto })
  dryRun(@Param('id', WorkflowIdPipe) id: string, @Body() body: DryRunRequestDto): Promise<DryRunReportDto> {
    return this.api.dryRun(id, body.event ?? {}, body.inputs ?? {});
  }

  @Post(':id/run')
  @HttpCode(202)
  @ApiOperation({ operationId: 'runWorkflow', summary: 'Start a run of a workflow with a manual trigger' })
  @ApiProblems(400, 404, 409, 422)
  @ApiAcceptedResponse({ type: RunDto })
  async run(@Param('id', WorkflowIdPipe) id: string, @Body() body: ManualRunDto): Promise<RunDto> {
    return RunDto.from(await this.api.runManually(id, body.inputs ?? {}));
  }

  @Post(':id/webhook-secret')
  @ApiOperation({ operationId: 'rotateWorkflowWebhookSecret', summary: "Create or rotate the HMAC secret of the workflow's inbound hook (shown once)" })
  @ApiProblems(400, 404, 409)
  @ApiCreatedResponse({ type: WebhookSecretDto })
  async webhookSecret(@Param('id', WorkflowIdPipe) id: string): Promise<WebhookSecretDto> {
    const { secret, path } = await this.api.rotateWebhookSecret(id);
    return { secret, path, signing: 'X-Hub-Timestamp: <unix seconds>; X-Hub-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">; optional X-Hub-Delivery: <unique id> (deduplicates)' };
  }

  private async detail(id: string): Promise<WorkflowDetailDto> {
    const loaded = await this.definitions.getLoaded(id);
    const revisions = await this.definitions.revisions(id);
    return { ...WorkflowDto.from(loaded), yaml: loaded.revision.yaml, revisions: revisions.map(WorkflowRevisionDto.from) };
  }
}

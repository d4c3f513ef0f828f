import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '../common/errors';
import { IdPipe } from '../common/id.pipe';
import { ApiProblems } from '../http/api-problems.decorator';
import { IdempotencyPlan, RequestIdempotency } from '../http/idempotency-plan';
import { CreatePanelLineDto, ExtendPanelLineDto, FindLineQueryDto, LineCredentialsDto, LineLookupQueryDto, LineVerificationDto, PanelLineDto, UpdatePanelLineDto } from './panel-operations.dto';
import { PanelLinesService } from './panel-lines.service';

const PANEL_PROBLEMS = [400, 404, 409, 422, 502, 503, 504];
const PASSWORD_HEADER = 'x-line-password';
const ApiLinePassword = () => ApiHeader({ name: 'X-Line-Password', required: false, description: 'The line password, for panels that address lines by username + password (kept out of URLs and logs)' });

/** Direct line operations on a panel, for operators (workflows do the same through the plugin registry). */
@ApiTags('panel lines')
@Controller('panels/:id/lines')
export class PanelLinesController {
  constructor(private readonly lines: PanelLinesService) {}

  @Post()
  @ApiOperation({ operationId: 'createPanelLine', summary: 'Create a line on the panel (idempotent under Idempotency-Key: a retry never makes a second line)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiProblems(...PANEL_PROBLEMS)
  @ApiCreatedResponse({ type: PanelLineDto })
  async create(@Param('id', IdPipe) id: string, @Body() body: CreatePanelLineDto, @Headers('idempotency-key') key?: string): Promise<PanelLineDto> {
    return PanelLineDto.from(await this.lines.create(id, body, key));
  }

  @Get()
  @ApiOperation({ operationId: 'findPanelLine', summary: 'Find a line by username' })
  @ApiLinePassword()
  @ApiProblems(...PANEL_PROBLEMS)
  @ApiOkResponse({ type: PanelLineDto })
  async find(@Param('id', IdPipe) id: string, @Query() query: FindLineQueryDto, @Headers(PASSWORD_HEADER) password?: string): Promise<PanelLineDto> {
    const line = await this.lines.findByUsername(id, query.username, password);
    if (!line) throw new NotFoundError('Line', query.username);
    return PanelLineDto.from(line);
  }

  @Get(':lineId')
  @ApiOperation({ operationId: 'getPanelLine', summary: 'Get a line as the panel has it' })
  @ApiLinePassword()
  @ApiProblems(...PANEL_PROBLEMS)
  @ApiOkResponse({ type: PanelLineDto })
  async get(@Param('id', IdPipe) id: string, @Param('lineId') lineId: string, @Query() query: LineLookupQueryDto, @Headers(PASSWORD_HEADER) password?: string): Promise<PanelLineDto> {
    const line = await this.lines.get(id, lineId, { username: query.username, password });
    if (!line) throw new NotFoundError('Line', lineId);
    return PanelLineDto.from(line);
  }

  @Get(':lineId/verification')
  @ApiOperation({ operationId: 'verifyPanelLine', summary: 'Check the line from the outside, through the player API, with its own credentials' })
  @ApiLinePassword()
  @ApiProblems(...PANEL_PROBLEMS)
  @ApiOkResponse({ type: LineVerificationDto })
  verify(@Param('id', IdPipe) id: string, @Param('lineId') lineId: string, @Query() query: LineLookupQueryDto, @Headers(PASSWORD_HEADER) password?: string): Promise<LineVerificationDto> {
    return this.lines.verify(id, lineId, { username: query.username, password });
  }

  @Post(':lineId/extend')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'extendPanelLine',
    summary: 'Set a new expiry, or add days to the current one (retry a days-extend only with its Idempotency-Key)',
    description:
      '`expiresAt` sets an absolute expiry and is safe to repeat. `days` is added to the expiry the panel has now (from now when it has passed), so ' +
      'repeating it adds the days again. Send an `Idempotency-Key` with a days-extend: the first attempt plans the new expiry under the key, and a retry ' +
      'with the same key and body — even after a 5xx or a timeout whose change went through on the panel — sets that same expiry rather than adding the ' +
      'days twice, or replays the stored answer once one succeeded. Without a key, retry with an absolute `expiresAt` instead.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Makes a retry of a days-extend reach the expiry the first attempt planned (days are added once)' })
  @ApiProblems(...PANEL_PROBLEMS)
  @ApiOkResponse({ type: PanelLineDto })
  async extend(@Param('id', IdPipe) id: string, @Param('lineId') lineId: string, @Body() body: ExtendPanelLineDto, @RequestIdempotency() idempotency: IdempotencyPlan): Promise<PanelLineDto> {
    return PanelLineDto.from(await this.lines.extend(id, lineId, body, idempotency));
  }

  @Post(':lineId/enable')
  @HttpCode(200)
  @ApiOperation({ operationId: 'enablePanelLine', summary: 'Enable a line' })
  @ApiProblems(...PANEL_PROBLEMS)
  @ApiOkResponse({ type: PanelLineDto })
  async enable(@Param('id', IdPipe) id: string, @Param('lineId') lineId: string, @Body() body: LineCredentialsDto): Promise<PanelLineDto> {
    return PanelLineDto.from(await this.lines.setEnabled(id, lineId, true, body));
  }

  @Post(':lineId/disable')
  @HttpCode(200)
  @ApiOperation({ operationId: 'disablePanelLine', summary: 'Disable a line' })
  @ApiProblems(...PANEL_PROBLEMS)
  @ApiOkResponse({ type: PanelLineDto })
  async disable(@Param('id', IdPipe) id: string, @Param('lineId') lineId: string, @Body() body: LineCredentialsDto): Promise<PanelLineDto> {
    return PanelLineDto.from(await this.lines.setEnabled(id, lineId, false, body));
  }

  @Patch(':lineId')
  @ApiOperation({ operationId: 'updatePanelLine', summary: 'Change the package, password or max connections of a line' })
  @ApiProblems(...PANEL_PROBLEMS)
  @ApiOkResponse({ type: PanelLineDto })
  async update(@Param('id', IdPipe) id: string, @Param('lineId') lineId: string, @Body() body: UpdatePanelLineDto): Promise<PanelLineDto> {
    return PanelLineDto.from(await this.lines.update(id, lineId, body));
  }

  @Delete(':lineId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deletePanelLine', summary: 'Delete a line (a line that is already gone counts as deleted)' })
  @ApiLinePassword()
  @ApiProblems(...PANEL_PROBLEMS)
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(@Param('id', IdPipe) id: string, @Param('lineId') lineId: string, @Query() query: LineLookupQueryDto, @Headers(PASSWORD_HEADER) password?: string): Promise<void> {
    await this.lines.remove(id, lineId, { username: query.username, password });
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { IdPipe } from '../common/id.pipe';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pageLimit } from '../common/pagination';
import { ApiProblems } from '../http/api-problems.decorator';
import { CreatePanelDto, PanelDto, PanelPageDto, PanelQueryDto, UpdatePanelDto } from './panel.dto';
import { PanelsService } from './panels.service';

@ApiTags('panels')
@Controller('panels')
export class PanelsController {
  constructor(private readonly panels: PanelsService) {}

  @Post()
  @ApiOperation({ operationId: 'createPanel', summary: 'Configure a panel connection (credentials are encrypted and never returned)' })
  @ApiProblems(400, 409, 422)
  @ApiCreatedResponse({ type: PanelDto })
  async create(@Body() body: CreatePanelDto): Promise<PanelDto> {
    return PanelDto.from(await this.panels.create(body));
  }

  @Get()
  @ApiOperation({ operationId: 'listPanels', summary: 'List panels' })
  @ApiProblems(400)
  @ApiOkResponse({ type: PanelPageDto })
  async list(@Query() query: PanelQueryDto): Promise<PanelPageDto> {
    const page = await this.panels.list(query, pageLimit(query));
    return { items: page.items.map(PanelDto.from), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getPanel', summary: 'Get a panel' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: PanelDto })
  async get(@Param('id', IdPipe) id: string): Promise<PanelDto> {
    return PanelDto.from(await this.panels.get(id));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updatePanel', summary: 'Update a panel (send credentials to replace them)' })
  @ApiProblems(400, 404, 422)
  @ApiOkResponse({ type: PanelDto })
  async update(@Param('id', IdPipe) id: string, @Body() body: UpdatePanelDto): Promise<PanelDto> {
    return PanelDto.from(await this.panels.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deletePanel', summary: 'Delete a panel that no product or subscription uses' })
  @ApiProblems(400, 404, 409)
  @ApiNoContentResponse({ description: 'Done' })
  async remove(@Param('id', IdPipe) id: string): Promise<void> {
    await this.panels.remove(id);
  }
}

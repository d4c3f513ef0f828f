import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe';
import { pageLimit } from '../common/pagination';
import { ApiProblems } from '../http/api-problems.decorator';
import { CreatePortalDto, PortalDto, PortalPageDto, PortalQueryDto, UpdatePortalDto } from './portal.dto';
import { PortalsService } from './portals.service';

@ApiTags('portals')
@Controller('portals')
export class PortalsController {
  constructor(private readonly portals: PortalsService) {}

  @Post()
  @ApiOperation({ operationId: 'createPortal', summary: 'Create a portal (an Xtream server client apps connect to)' })
  @ApiProblems(400, 422)
  @ApiCreatedResponse({ type: PortalDto })
  async create(@Body() body: CreatePortalDto): Promise<PortalDto> {
    return PortalDto.from(await this.portals.create(body), 0);
  }

  @Get()
  @ApiOperation({ operationId: 'listPortals', summary: 'List portals with their access-code counts' })
  @ApiProblems(400)
  @ApiOkResponse({ type: PortalPageDto })
  async list(@Query() query: PortalQueryDto): Promise<PortalPageDto> {
    const page = await this.portals.list(query, pageLimit(query));
    const counts = await this.portals.codeCounts(page.items.map((portal) => portal.id));
    return { items: page.items.map((portal) => PortalDto.from(portal, counts.get(portal.id) ?? 0)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getPortal', summary: 'Get a portal' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: PortalDto })
  async get(@Param('id', IdPipe) id: string): Promise<PortalDto> {
    const portal = await this.portals.get(id);
    return PortalDto.from(portal, (await this.portals.codeCounts([id])).get(id) ?? 0);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updatePortal', summary: 'Update a portal (its codes follow the new URL at once)' })
  @ApiProblems(400, 404, 422)
  @ApiOkResponse({ type: PortalDto })
  async update(@Param('id', IdPipe) id: string, @Body() body: UpdatePortalDto): Promise<PortalDto> {
    const portal = await this.portals.update(id, body);
    return PortalDto.from(portal, (await this.portals.codeCounts([id])).get(id) ?? 0);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deletePortal', summary: 'Delete a portal that no access code uses (409 names the count otherwise)' })
  @ApiProblems(400, 404, 409)
  @ApiNoContentResponse({ description: 'Done' })
  async remove(@Param('id', IdPipe) id: string): Promise<void> {
    await this.portals.remove(id);
  }
}

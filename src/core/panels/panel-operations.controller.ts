import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe';
import { UnprocessableError } from '../common/errors';
import { PanelHttpFactory } from '../http/plugin-http/panel-http.factory';
import { ApiProblems } from '../http/api-problems.decorator';
import { ConnectionTestService } from './connection-test.service';
import { PackageSyncService } from './packages/package-sync.service';
import { panelCall } from './panel-errors';
import { PanelClientsService } from './panel-clients.service';
import { PackageQueryDto, PackageSyncResultDto, PanelConnectionsDto, PanelPackageDto, PanelPackageListDto, PanelStatusDto, PanelTestReportDto } from './panel-operations.dto';
import { PanelsService } from './panels.service';

@ApiTags('panels')
@Controller('panels/:id')
export class PanelOperationsController {
  constructor(
    private readonly panels: PanelsService,
    private readonly tests: ConnectionTestService,
    private readonly packages: PackageSyncService,
    private readonly clients: PanelClientsService,
    private readonly http: PanelHttpFactory,
  ) {}

  @Post('test')
  @HttpCode(200)
  @ApiOperation({ operationId: 'testPanel', summary: 'Test the connection stage by stage (DNS, TCP, TLS, HTTP, authentication, IP allow-list, permissions)' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: PanelTestReportDto, description: 'The report (also when a stage failed: see ok and failedStage)' })
  async test(@Param('id', IdPipe) id: string): Promise<PanelTestReportDto> {
    const report = await this.tests.test(id);
    return { ...report, warnings: report.warnings ?? [] };
  }

  @Post('sync')
  @HttpCode(200)
  @ApiOperation({ operationId: 'syncPanelPackages', summary: "Re-sync the panel's packages (missing ones are marked, products using them flagged)" })
  @ApiProblems(400, 404, 422)
  @ApiOkResponse({ type: PackageSyncResultDto })
  sync(@Param('id', IdPipe) id: string): Promise<PackageSyncResultDto> {
    return panelCall(id, () => this.packages.sync(id));
  }

  @Get('packages')
  @ApiOperation({ operationId: 'listPanelPackages', summary: 'Packages synced from the panel' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: PanelPackageListDto })
  async listPackages(@Param('id', IdPipe) id: string, @Query() query: PackageQueryDto): Promise<PanelPackageListDto> {
    await this.panels.get(id);
    const rows = await this.packages.list(id, query.includeMissing !== 'false');
    return { items: rows.map(PanelPackageDto.from) };
  }

  @Get('status')
  @ApiOperation({ operationId: 'getPanelStatus', summary: "The panel's servers as it reports them, with the hub's view of its health" })
  @ApiProblems(400, 404, 422)
  @ApiOkResponse({ type: PanelStatusDto })
  async status(@Param('id', IdPipe) id: string): Promise<PanelStatusDto> {
    const { panel, client, manifest } = await this.clients.forPanel(id);
    if (!client.serverStatus || !manifest.capabilities.includes('serverStatus')) throw new UnprocessableError('NOT_SUPPORTED', `The ${manifest.name} plugin cannot report server status`);
    const status = await panelCall(id, () => (client.serverStatus as () => ReturnType<NonNullable<typeof client.serverStatus>>)());
    return {
      panelId: id,
      status: panel.status,
      servers: status.servers.map((server) => ({ id: server.id, name: server.name, online: server.online, activeConnections: server.activeConnections })),
      circuit: this.http.breakerState(id),
    };
  }

  @Get('connections')
  @ApiOperation({ operationId: 'getPanelConnections', summary: 'Active connections on the panel' })
  @ApiProblems(400, 404, 422)
  @ApiOkResponse({ type: PanelConnectionsDto })
  async connections(@Param('id', IdPipe) id: string): Promise<PanelConnectionsDto> {
    const { client, manifest } = await this.clients.forPanel(id);
    if (!client.connectionCount || !manifest.capabilities.includes('connectionCount')) throw new UnprocessableError('NOT_SUPPORTED', `The ${manifest.name} plugin cannot count connections`);
    const count = await panelCall(id, () => (client.connectionCount as () => ReturnType<NonNullable<typeof client.connectionCount>>)());
    return { panelId: id, total: count.total, byLine: count.byLine ?? {} };
  }
}

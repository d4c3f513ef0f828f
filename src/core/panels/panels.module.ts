import { Global, Module } from '@nestjs/common';
import { PanelCallAuditWriter } from '../http/plugin-http/panel-call-audit';
import { PanelHttpFactory } from '../http/plugin-http/panel-http.factory';
import { ConnectionTestService } from './connection-test.service';
import { PackageSyncService } from './packages/package-sync.service';
import { PanelClientsService } from './panel-clients.service';
import { PanelHealthService } from './panel-health.service';
import { PanelLinesController } from './panel-lines.controller';
import { PanelLinesService } from './panel-lines.service';
import { PanelOperationsController } from './panel-operations.controller';
import { PanelsController } from './panels.controller';
import { PanelsService } from './panels.service';

/**
 * Panels: configuration, ready plugin clients (`PanelClientsService`, used by the workflow
 * engine), connection tests, package sync, health and direct line operations. Global so that
 * any module can inject the panel services without importing this one.
 */
@Global()
@Module({
  controllers: [PanelsController, PanelOperationsController, PanelLinesController],
  providers: [PanelsService, PanelClientsService, PanelHttpFactory, PanelCallAuditWriter, ConnectionTestService, PackageSyncService, PanelHealthService, PanelLinesService],
  exports: [PanelsService, PanelClientsService, PackageSyncService, PanelHealthService, PanelLinesService, PanelHttpFactory, PanelCallAuditWriter],
})
export class PanelsModule {}

import { Controller, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditAction } from '../audit/audit-action.decorator';
import { IdPipe } from '../common/id.pipe';
import { ApiProblems } from '../http/api-problems.decorator';
import { ReconcileQueryDto, ReconcileReportDto } from './drift.dto';
import { ReconcileService } from './reconcile.service';

/** `POST /subscriptions/{id}/reconcile`: part of the subscriptions API, served by the drift module that stores its findings. */
@ApiTags('subscriptions')
@Controller('subscriptions')
export class SubscriptionReconcileController {
  constructor(private readonly reconciler: ReconcileService) {}

  @Post(':id/reconcile')
  @HttpCode(200)
  @AuditAction('subscription.reconcile.request', 'subscription')
  @ApiOperation({ operationId: 'reconcileSubscription', summary: 'Compare the subscription with its line on the panel, store the drift as findings (GET /drift) and optionally repair them' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: ReconcileReportDto })
  reconcile(@Param('id', IdPipe) id: string, @Query() query: ReconcileQueryDto): Promise<ReconcileReportDto> {
    return this.reconciler.reconcile(id, query.repair === 'true' ? 'all' : 'none');
  }
}

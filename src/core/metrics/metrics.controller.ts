import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { metricsRegistry } from './hub-metrics';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  @ApiProduces('text/plain')
  @ApiOperation({ operationId: 'metrics', summary: 'Prometheus metrics (scrape with an API key as bearer token)' })
  @ApiProblems()
  @ApiOkResponse({ description: 'Prometheus text format', schema: { type: 'string' } })
  async metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}

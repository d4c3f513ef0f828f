import { MikroORM } from '@mikro-orm/core';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPublicProblems } from '../http/api-problems.decorator';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/public.decorator';
import { JobQueue } from '../jobs/job-queue';

@ApiTags('health')
@Controller('health')
@Public()
@SkipThrottle()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly orm: MikroORM,
    private readonly jobs: JobQueue,
  ) {}

  @Get('live')
  @ApiOperation({ operationId: 'liveness', summary: 'Liveness: the process is up' })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } }, required: ['status'] } })
  @ApiPublicProblems()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ operationId: 'readiness', summary: 'Readiness: database and queue reachable (503 when not)' })
  @ApiPublicProblems()
  ready() {
    return this.health.check([() => this.probe('database', () => this.orm.em.getConnection().execute('select 1')), () => this.probe('queue', () => this.jobs.ping(), { driver: this.jobs.driver })]);
  }

  private async probe(key: string, check: () => Promise<unknown>, details: Record<string, unknown> = {}) {
    const indicator = this.indicators.check(key);
    const started = Date.now();
    try {
      await withTimeout(check(), 3000);
      return indicator.up({ ...details, latencyMs: Date.now() - started });
    } catch (error) {
      return indicator.down({ ...details, message: (error as Error).message });
    }
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

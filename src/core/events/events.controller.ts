import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { startsWith } from '../common/filters';
import { decodeCursor, pageLimit, pageOf } from '../common/pagination';
import { ApiProblems } from '../http/api-problems.decorator';
import { EventRow } from './event.entity';
import { EventDto, EventPageDto, EventQueryDto } from './events.dto';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @ApiOperation({ operationId: 'listEvents', summary: 'List events, newest first' })
  @ApiProblems(400)
  @ApiOkResponse({ type: EventPageDto })
  async list(@Query() query: EventQueryDto): Promise<EventPageDto> {
    const where: FilterQuery<EventRow> = { correlationId: query.correlationId, subjectType: query.subjectType, subjectId: query.subjectId };
    const conditions: Record<string, unknown> = {};
    if (query.type?.endsWith('.*')) Object.assign(conditions, startsWith('type', query.type.slice(0, -1)));
    else if (query.type) conditions.type = query.type;
    const occurredAt: Record<string, Date> = {};
    if (query.from) occurredAt.$gte = new Date(query.from);
    if (query.to) occurredAt.$lte = new Date(query.to);
    if (Object.keys(occurredAt).length > 0) conditions.occurredAt = occurredAt;
    const before = decodeCursor(query.cursor);
    if (before) conditions.id = { $lt: before };
    const limit = pageLimit(query);
    const rows = await this.em.find(EventRow, { ...where, ...conditions } as FilterQuery<EventRow>, { orderBy: { id: 'desc' }, limit: limit + 1 });
    return pageOf(rows, limit, EventDto.from);
  }
}

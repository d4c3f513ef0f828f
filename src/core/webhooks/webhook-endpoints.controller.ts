import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe';
import { pageLimit } from '../common/pagination';
import { eventCatalogue } from '../events/event-catalogue';
import { ApiProblems } from '../http/api-problems.decorator';
import { DeliveryQueryDto, WebhookDeliveryDto, WebhookDeliveryPageDto } from './webhook-delivery.dto';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import {
  CreatedWebhookEndpointDto,
  CreateWebhookEndpointDto,
  EventTypeListDto,
  RotateSecretDto,
  UpdateWebhookEndpointDto,
  WebhookEndpointDto,
  WebhookEndpointPageDto,
  WebhookEndpointQueryDto,
  WebhookSecretDto,
} from './webhook-endpoint.dto';
import { WebhookEndpointsService } from './webhook-endpoints.service';

@ApiTags('webhooks')
@Controller('webhook-endpoints')
export class WebhookEndpointsController {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @Post()
  @ApiOperation({ operationId: 'createWebhookEndpoint', summary: 'Subscribe a URL to events (the signing secret is returned once)' })
  @ApiProblems(400, 422)
  @ApiCreatedResponse({ type: CreatedWebhookEndpointDto })
  async create(@Body() body: CreateWebhookEndpointDto): Promise<CreatedWebhookEndpointDto> {
    const { endpoint, secret } = await this.endpoints.create(body);
    return { ...WebhookEndpointDto.from(endpoint), secret };
  }

  @Get()
  @ApiOperation({ operationId: 'listWebhookEndpoints', summary: 'List webhook endpoints' })
  @ApiProblems(400)
  @ApiOkResponse({ type: WebhookEndpointPageDto })
  async list(@Query() query: WebhookEndpointQueryDto): Promise<WebhookEndpointPageDto> {
    const page = await this.endpoints.list(query, pageLimit(query));
    return { items: page.items.map(WebhookEndpointDto.from), nextCursor: page.nextCursor };
  }

  @Get('event-types')
  @ApiOperation({ operationId: 'listWebhookEventTypes', summary: 'The event catalogue: every type with its payload JSON Schema and whether it is an alert' })
  @ApiProblems()
  @ApiOkResponse({ type: EventTypeListDto })
  eventTypes(): EventTypeListDto {
    return {
      items: eventCatalogue().map((definition) => ({
        type: definition.type,
        description: definition.description,
        alert: !!definition.alert,
        alertWhen: definition.alert?.when ? { field: definition.alert.when.field, equals: String(definition.alert.when.equals) } : null,
        schema: definition.schema,
      })),
    };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getWebhookEndpoint', summary: 'Get a webhook endpoint' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: WebhookEndpointDto })
  async get(@Param('id', IdPipe) id: string): Promise<WebhookEndpointDto> {
    return WebhookEndpointDto.from(await this.endpoints.get(id));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateWebhookEndpoint', summary: 'Update a webhook endpoint (enabled: true re-enables a disabled one)' })
  @ApiProblems(400, 404, 422)
  @ApiOkResponse({ type: WebhookEndpointDto })
  async update(@Param('id', IdPipe) id: string, @Body() body: UpdateWebhookEndpointDto): Promise<WebhookEndpointDto> {
    return WebhookEndpointDto.from(await this.endpoints.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteWebhookEndpoint', summary: 'Delete a webhook endpoint and its delivery log' })
  @ApiProblems(400, 404)
  @ApiNoContentResponse({ description: 'Done' })
  async remove(@Param('id', IdPipe) id: string): Promise<void> {
    await this.endpoints.remove(id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ operationId: 'rotateWebhookSecret', summary: 'Replace the signing secret; the old one keeps signing during the overlap' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: WebhookSecretDto })
  async rotate(@Param('id', IdPipe) id: string, @Body() body: RotateSecretDto): Promise<WebhookSecretDto> {
    const { endpoint, secret } = await this.endpoints.rotateSecret(id, body.overlapSeconds);
    return { secret, previousSecretExpiresAt: endpoint.previousSecretExpiresAt?.toISOString() ?? null };
  }

  @Post(':id/test')
  @HttpCode(202)
  @ApiOperation({ operationId: 'testWebhookEndpoint', summary: 'Send a signed webhook.test event to the endpoint' })
  @ApiProblems(400, 404)
  @ApiAcceptedResponse({ type: WebhookDeliveryDto })
  async test(@Param('id', IdPipe) id: string): Promise<WebhookDeliveryDto> {
    const { delivery, attempts } = await this.deliveries.test(id);
    return WebhookDeliveryDto.from(delivery, attempts);
  }

  @Get(':id/deliveries')
  @ApiOperation({ operationId: 'listWebhookDeliveries', summary: 'The delivery log of an endpoint, newest first, with every attempt' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  async listDeliveries(@Param('id', IdPipe) id: string, @Query() query: DeliveryQueryDto): Promise<WebhookDeliveryPageDto> {
    const page = await this.deliveries.list(id, query, pageLimit(query));
    return { items: page.items.map(({ delivery, attempts }) => WebhookDeliveryDto.from(delivery, attempts)), nextCursor: page.nextCursor };
  }

  @Get(':id/deliveries/:deliveryId')
  @ApiOperation({ operationId: 'getWebhookDelivery', summary: 'One delivery with its attempts' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: WebhookDeliveryDto })
  async getDelivery(@Param('id', IdPipe) id: string, @Param('deliveryId', IdPipe) deliveryId: string): Promise<WebhookDeliveryDto> {
    const { delivery, attempts } = await this.deliveries.get(id, deliveryId);
    return WebhookDeliveryDto.from(delivery, attempts);
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(202)
  @ApiOperation({ operationId: 'replayWebhookDelivery', summary: 'Send a delivery again (same webhook-id), with a fresh retry schedule' })
  @ApiProblems(400, 404)
  @ApiAcceptedResponse({ type: WebhookDeliveryDto })
  async replay(@Param('id', IdPipe) id: string, @Param('deliveryId', IdPipe) deliveryId: string): Promise<WebhookDeliveryDto> {
    const { delivery, attempts } = await this.deliveries.replay(id, deliveryId);
    return WebhookDeliveryDto.from(delivery, attempts);
  }
}

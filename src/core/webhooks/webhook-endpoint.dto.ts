import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PageDto, PageQueryDto } from '../common/pagination';
import { EVENT_PATTERN } from './event-filter';
import type { EndpointDisabledReason, WebhookEndpoint } from './webhook-endpoint.entity';

export class CreateWebhookEndpointDto {
  @ApiProperty({ example: 'https://crm.example.com/hooks/iptv', description: 'http(s) URL; addresses on private, loopback, link-local or metadata networks are refused unless the operator allows them' })
  @IsString()
  @Length(8, 2000)
  url: string;

  @ApiPropertyOptional({ example: 'CRM: send customers their credentials' }) @IsOptional() @IsString() @Length(0, 500) description?: string;

  @ApiProperty({
    type: [String],
    example: ['subscription.*', 'line.created', '@alerts'],
    description: 'Event types to receive: exact names, `prefix.*`, `*`, or `@alerts` (every alert event: failed runs, panels down, brute force, disabled endpoints, payments needing review)',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @Matches(EVENT_PATTERN, { each: true, message: 'each event type must be *, @alerts, an event type or a prefix ending in .*' })
  eventTypes: string[];

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() enabled?: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { Authorization: 'Bearer chat-bot-token' },
    description: 'Extra request headers (stored encrypted; only their names are returned). PATCH replaces them all.',
  })
  @IsOptional()
  @IsObject()
  headers?: Record<string, string>;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, nullable: true, description: 'At most this many delivery attempts per second (across all workers); null = unlimited' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  rateLimitPerSecond?: number | null;

  @ApiPropertyOptional({ default: false, description: 'Send line credentials in payloads (HTTPS endpoints only unless the hub is configured for local development)' })
  @IsOptional()
  @IsBoolean()
  includeCredentials?: boolean;
}

export class UpdateWebhookEndpointDto extends PartialType(CreateWebhookEndpointDto) {}

export class WebhookEndpointQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsIn(['true', 'false']) enabled?: 'true' | 'false';
}

export class RotateSecretDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 604800, default: 86400, description: 'Seconds during which the old secret keeps signing next to the new one' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(604800)
  overlapSeconds?: number;
}

export class WebhookEndpointDto {
  @ApiProperty() id: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: [String] }) eventTypes: string[];
  @ApiProperty() enabled: boolean;
  @ApiProperty({ enum: ['manual', 'gone', 'failing'], nullable: true, description: 'Why the endpoint is disabled: by an operator, it answered 410 Gone, or it failed for the whole retry window' })
  disabledReason: EndpointDisabledReason | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) disabledAt: string | null;
  @ApiProperty({ type: [String], description: 'Names of the custom headers (values are never returned)' }) headerNames: string[];
  @ApiProperty({ type: Number, nullable: true }) rateLimitPerSecond: number | null;
  @ApiProperty() includeCredentials: boolean;
  @ApiProperty({ format: 'date-time', type: String, nullable: true, description: 'Until then the previous secret also signs' }) previousSecretExpiresAt: string | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true, description: 'First failure since the last success' }) failingSince: string | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) lastSuccessAt: string | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) lastFailureAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(endpoint: WebhookEndpoint): WebhookEndpointDto {
    const iso = (date?: Date | null) => date?.toISOString() ?? null;
    const overlapActive = endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date();
    return {
      id: endpoint.id,
      url: endpoint.url,
      description: endpoint.description ?? null,
      eventTypes: endpoint.eventTypes,
      enabled: endpoint.enabled,
      disabledReason: endpoint.disabledReason ?? null,
      disabledAt: iso(endpoint.disabledAt),
      headerNames: endpoint.headerNames,
      rateLimitPerSecond: endpoint.rateLimitPerSecond ?? null,
      includeCredentials: endpoint.includeCredentials,
      previousSecretExpiresAt: overlapActive ? iso(endpoint.previousSecretExpiresAt) : null,
      failingSince: iso(endpoint.failingSince),
      lastSuccessAt: iso(endpoint.lastSuccessAt),
      lastFailureAt: iso(endpoint.lastFailureAt),
      createdAt: endpoint.createdAt.toISOString(),
      updatedAt: endpoint.updatedAt.toISOString(),
    };
  }
}

export class CreatedWebhookEndpointDto extends WebhookEndpointDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'The signing secret: shown only now; verify deliveries with it' })
  secret: string;
}

export class WebhookSecretDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'The new signing secret: shown only now' }) secret: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true, description: 'Until then deliveries carry a signature with the old secret too' })
  previousSecretExpiresAt: string | null;
}

export class WebhookEndpointPageDto extends PageDto(WebhookEndpointDto, 'WebhookEndpointPageDto') {}

export class EventTypeAlertDto {
  @ApiPropertyOptional({ example: 'status' }) field?: string;
  @ApiPropertyOptional({ example: 'down' }) equals?: string;
}

export class EventTypeDto {
  @ApiProperty({ example: 'subscription.activated' }) type: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'Whether the `@alerts` filter selects it' }) alert: boolean;
  @ApiProperty({ type: EventTypeAlertDto, nullable: true, description: 'Condition on the payload for the event to count as an alert' }) alertWhen: EventTypeAlertDto | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'JSON Schema of the payload (`data`)' }) schema: Record<string, unknown>;
}

export class EventTypeListDto {
  @ApiProperty({ type: [EventTypeDto] }) items: EventTypeDto[];
}

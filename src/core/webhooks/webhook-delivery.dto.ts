import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageDto, PageQueryDto } from '../common/pagination';
import type { WebhookAttempt } from './webhook-attempt.entity';
import type { DeliveryStatus, WebhookDelivery } from './webhook-delivery.entity';
import { messageId } from './webhook-signer';

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'failed'] }) @IsOptional() @IsIn(['pending', 'delivered', 'failed']) status?: DeliveryStatus;
  @ApiPropertyOptional({ example: 'line.created' }) @IsOptional() @IsString() @Length(1, 100) eventType?: string;
}

export class WebhookAttemptDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'Replay round (0 = original delivery)' }) round: number;
  @ApiProperty({ description: 'Attempt number within the round, from 1' }) attempt: number;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty() durationMs: number;
  @ApiProperty({ type: Number, nullable: true, description: 'HTTP status; null when no response came (timeout, refused connection, SSRF refusal)' }) statusCode: number | null;
  @ApiProperty() success: boolean;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'First kilobyte of the response body' }) responseExcerpt: string | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true, description: 'When the next attempt was scheduled, if any' }) nextAttemptAt: string | null;

  static from(attempt: WebhookAttempt): WebhookAttemptDto {
    return {
      id: attempt.id,
      round: attempt.round,
      attempt: attempt.attempt,
      startedAt: attempt.startedAt.toISOString(),
      durationMs: attempt.durationMs,
      statusCode: attempt.statusCode ?? null,
      success: attempt.success,
      error: attempt.error ?? null,
      responseExcerpt: attempt.responseExcerpt ?? null,
      nextAttemptAt: attempt.nextAttemptAt?.toISOString() ?? null,
    };
  }
}

export class WebhookDeliveryDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b', description: 'The webhook-id header: the same for every attempt and replay' }) messageId: string;
  @ApiProperty() endpointId: string;
  @ApiProperty({ type: String, nullable: true, description: 'The event (GET /events); null for test deliveries' }) eventId: string | null;
  @ApiProperty({ example: 'line.created' }) eventType: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status: DeliveryStatus;
  @ApiProperty({ description: 'Replays so far' }) round: number;
  @ApiProperty({ description: 'Attempts in the current round' }) attemptCount: number;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) nextAttemptAt: string | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) deliveredAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) lastStatus: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [WebhookAttemptDto], description: 'Attempts, newest first (at most 50)' }) attempts: WebhookAttemptDto[];

  static from(delivery: WebhookDelivery, attempts: WebhookAttempt[]): WebhookDeliveryDto {
    return {
      id: delivery.id,
      messageId: messageId(delivery.id),
      endpointId: delivery.endpoint.id,
      eventId: delivery.eventId ?? null,
      eventType: delivery.eventType,
      status: delivery.status,
      round: delivery.round,
      attemptCount: delivery.attemptCount,
      nextAttemptAt: delivery.status === 'pending' ? (delivery.nextAttemptAt?.toISOString() ?? null) : null,
      deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
      lastStatus: delivery.lastStatus ?? null,
      lastError: delivery.lastError ?? null,
      createdAt: delivery.createdAt.toISOString(),
      attempts: attempts.map(WebhookAttemptDto.from),
    };
  }
}

export class WebhookDeliveryPageDto extends PageDto(WebhookDeliveryDto, 'WebhookDeliveryPageDto') {}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageDto, PageQueryDto } from '../common/pagination';
import { DRIFT_KINDS, DRIFT_STATUSES, DriftFinding, DriftKind, DriftStatus } from './drift-finding.entity';

export class DriftQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DRIFT_STATUSES }) @IsOptional() @IsIn(DRIFT_STATUSES) status?: DriftStatus;
  @ApiPropertyOptional({ enum: DRIFT_KINDS }) @IsOptional() @IsIn(DRIFT_KINDS) kind?: DriftKind;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() panelId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() subscriptionId?: string;
}

export class RepairDriftDto {
  @ApiPropertyOptional({ example: 'Line deleted by mistake on the panel', description: 'Why (kept in the audit log and the finding)' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class DriftRepairDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'Repaired by the scheduled reconcile (HUB_DRIFT_AUTO_REPAIR)' }) auto: boolean;
  @ApiProperty({ description: 'The panel operation, e.g. createLine, extendLine', example: 'createLine' }) action: string;
  @ApiPropertyOptional({ type: Object, description: 'What the panel answered (line id, new line id, expiry, enabled, package, connections)' }) result?: Record<string, unknown>;
}

export class DriftFindingDto {
  @ApiProperty() id: string;
  @ApiProperty() subscriptionId: string;
  @ApiProperty() panelId: string;
  @ApiProperty({ enum: DRIFT_KINDS }) kind: DriftKind;
  @ApiProperty({ enum: DRIFT_STATUSES, description: 'open: seen at the last reconcile; resolved: in sync again by itself; repaired: set back by the hub' }) status: DriftStatus;
  @ApiProperty({ description: 'What the hub holds (its intent), as last seen', nullable: true }) hub: unknown;
  @ApiProperty({ description: 'What the panel holds, as last seen', nullable: true }) panel: unknown;
  @ApiProperty({ type: String, nullable: true }) lineId: string | null;
  @ApiProperty({ format: 'date-time' }) firstSeenAt: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt: string;
  @ApiProperty({ description: 'How many reconciles saw it' }) seenCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) repairedAt: string | null;
  @ApiProperty({ type: DriftRepairDto, nullable: true }) repair: DriftRepairDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(finding: DriftFinding): DriftFindingDto {
    return {
      id: finding.id,
      subscriptionId: finding.subscription.id,
      panelId: finding.panelId,
      kind: finding.kind,
      status: finding.status,
      hub: finding.hubValue ?? null,
      panel: finding.panelValue ?? null,
      lineId: finding.lineId ?? null,
      firstSeenAt: finding.firstSeenAt.toISOString(),
      lastSeenAt: finding.lastSeenAt.toISOString(),
      seenCount: finding.seenCount,
      resolvedAt: finding.resolvedAt?.toISOString() ?? null,
      repairedAt: finding.repairedAt?.toISOString() ?? null,
      repair: finding.repair ?? null,
      createdAt: finding.createdAt.toISOString(),
      updatedAt: finding.updatedAt.toISOString(),
    };
  }
}

export class DriftFindingPageDto extends PageDto(DriftFindingDto, 'DriftFindingPageDto') {}

export class ReconcileQueryDto {
  @ApiPropertyOptional({ description: 'Also repair what the reconcile finds, as POST /drift/{id}/repair does for each finding', enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) repair?: 'true' | 'false';
}

export class DriftDto {
  @ApiProperty({ enum: DRIFT_KINDS }) kind: string;
  @ApiProperty({ description: 'What the hub holds', nullable: true }) hub: unknown;
  @ApiProperty({ description: 'What the panel holds', nullable: true }) panel: unknown;
  @ApiPropertyOptional({ description: 'The stored finding (GET /drift/{id})' }) findingId?: string;
  @ApiPropertyOptional() repaired?: boolean;
  @ApiPropertyOptional({ description: 'With repair=true: the problem code that kept it from being repaired', example: 'REPAIR_NOT_SUPPORTED' }) repairError?: string;
}

export class ReconcileReportDto {
  @ApiProperty() subscriptionId: string;
  @ApiProperty({ type: String, nullable: true }) lineId: string | null;
  @ApiProperty({ format: 'date-time' }) checkedAt: string;
  @ApiProperty() inSync: boolean;
  @ApiProperty({ type: [DriftDto] }) drift: DriftDto[];
}

import { SetMetadata } from '@nestjs/common';

export const AUDIT_ACTION = 'hub:audit-action';

/** Names the audit action of a mutating endpoint (default: `<resource>.<method>`). */
export const AuditAction = (action: string, targetType?: string) => SetMetadata(AUDIT_ACTION, { action, targetType });

import { Portal } from '../portals/portal.entity';
import { AccessCode } from './access-code.entity';
import { AccessCodeOperation } from './access-code-operation.entity';
import { AccessCodeImport, AccessCodeImportChunk, AccessCodeImportRow } from './import/access-code-import.entity';
import { LoginThrottleRow } from './login/login-throttle.entity';
import { SubscriptionExpiry } from './subscription-expiry.entity';

/** The entities of portals and access codes, for ALL_ENTITIES in the composition root. */
export const ACCESS_CODE_ENTITIES = [Portal, AccessCode, AccessCodeOperation, SubscriptionExpiry, AccessCodeImport, AccessCodeImportChunk, AccessCodeImportRow, LoginThrottleRow];

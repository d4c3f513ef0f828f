import { HubError } from '../common/errors';
import { isPluginError, PluginError } from '../plugins/sdk';

/** HTTP status of a panel failure as the hub's API reports it. Transient ones are 5xx so an `Idempotency-Key` retry runs again. */
const STATUS: Partial<Record<string, number>> = {
  USER_NOT_FOUND: 404,
  DUPLICATE_USERNAME: 409,
  PACKAGE_NOT_FOUND: 422,
  INVALID_INPUT: 422,
  NOT_SUPPORTED: 422,
  INSUFFICIENT_CREDITS: 422,
  NO_TRIALS_LEFT: 422,
  MAX_USERS_REACHED: 422,
  TIMEOUT: 504,
  RATE_LIMITED: 503,
  PANEL_UNAVAILABLE: 503,
  CONNECTION_REFUSED: 503,
  DNS_FAILED: 503,
  TOKEN_EXPIRED: 503,
};

/** A panel failure as an API problem: the normalised code, whether a retry may help, and the fix. */
export class PanelOperationError extends HubError {
  constructor(error: PluginError, panelId: string) {
    const status = STATUS[error.code] ?? (error.retryable ? 503 : 502);
    super(status, error.code, status === 502 ? 'Panel error' : 'Panel operation failed', error.message, { panelId, retryable: error.retryable, hint: error.hint, providerMessage: error.providerMessage ?? null });
  }
}

/** Runs a panel operation, turning plugin errors into API problems. */
export async function panelCall<T>(panelId: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isPluginError(error)) throw new PanelOperationError(error as PluginError, panelId);
    throw error;
  }
}

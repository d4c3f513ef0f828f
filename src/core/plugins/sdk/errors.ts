/** The normalised failure codes of SPEC §5.3. Every plugin maps its provider's failures to one. */
export type PluginErrorCode =
  | 'AUTH_FAILED'
  | 'IP_NOT_ALLOWED'
  | 'FORBIDDEN'
  | 'TOKEN_EXPIRED'
  | 'DUPLICATE_USERNAME'
  | 'PACKAGE_NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'MAX_USERS_REACHED'
  | 'INSUFFICIENT_CREDITS'
  | 'NO_TRIALS_LEFT'
  | 'INVALID_INPUT'
  | 'NOT_SUPPORTED'
  | 'RATE_LIMITED'
  | 'TIMEOUT'
  | 'CONNECTION_REFUSED'
  | 'DNS_FAILED'
  | 'TLS_ERROR'
  | 'PANEL_UNAVAILABLE'
  | 'WEBHOOK_SIGNATURE_INVALID'
  | 'UNKNOWN';

interface CodeInfo {
  retryable: boolean;
  hint: string;
}

/** Default retry classification and the actionable fix an operator sees for each code. */
export const ERROR_CODES: Record<PluginErrorCode, CodeInfo> = {
  AUTH_FAILED: { retryable: false, hint: 'Check the panel credentials or API key configured for this panel.' },
  IP_NOT_ALLOWED: { retryable: false, hint: "Add the hub's public IP address to the panel's API allow-list." },
  FORBIDDEN: { retryable: false, hint: 'Check the permissions of the API user on the panel (it may lack rights for this operation).' },
  TOKEN_EXPIRED: { retryable: true, hint: 'The session or token expired; the hub re-authenticates automatically once.' },
  DUPLICATE_USERNAME: { retryable: false, hint: 'A line with this username already exists on the panel; choose another username.' },
  PACKAGE_NOT_FOUND: { retryable: false, hint: 'The package no longer exists on the panel: re-sync packages and fix the product.' },
  USER_NOT_FOUND: { retryable: false, hint: 'The line does not exist on the panel (deleted there?); run a reconcile to repair it.' },
  MAX_USERS_REACHED: { retryable: false, hint: 'The panel licence allows no more lines: upgrade the licence or route the product to another panel.' },
  INSUFFICIENT_CREDITS: { retryable: false, hint: 'The reseller account has not enough credits: top up the reseller balance on the panel.' },
  NO_TRIALS_LEFT: { retryable: false, hint: 'The reseller account has no trials left on the panel.' },
  INVALID_INPUT: { retryable: false, hint: 'The panel rejected the input; check the product settings (package, duration, connections).' },
  NOT_SUPPORTED: { retryable: false, hint: 'This panel type does not support the operation.' },
  RATE_LIMITED: { retryable: true, hint: "The panel is rate limiting the hub: lower the panel's calls-per-second setting." },
  TIMEOUT: { retryable: true, hint: "The panel did not answer in time: check its load or raise the panel's timeout." },
  CONNECTION_REFUSED: { retryable: true, hint: 'Nothing accepts connections at the panel address: check the base URL, the port and that the panel is running.' },
  DNS_FAILED: { retryable: true, hint: "The panel's host name does not resolve: check the base URL." },
  TLS_ERROR: { retryable: false, hint: "The panel's TLS certificate is not trusted: install a valid certificate, or configure its CA (or explicitly allow a self-signed certificate) in the panel's TLS options." },
  PANEL_UNAVAILABLE: { retryable: true, hint: 'The panel answered with a server error; it is retried with backoff.' },
  WEBHOOK_SIGNATURE_INVALID: { retryable: false, hint: 'Check the webhook signing secret configured for this payment account.' },
  UNKNOWN: { retryable: false, hint: 'Unexpected answer from the provider; see the provider message.' },
};

export interface PluginErrorOptions {
  /** Overrides the default classification of the code. */
  retryable?: boolean;
  hint?: string;
  /** The provider's own message, already free of secrets. */
  providerMessage?: string;
  httpStatus?: number;
  cause?: unknown;
}

/** The one error type a plugin throws: a normalised code, whether to retry, and the fix. */
export class PluginError extends Error {
  readonly code: PluginErrorCode;
  readonly retryable: boolean;
  readonly hint: string;
  readonly providerMessage?: string;
  readonly httpStatus?: number;

  constructor(code: PluginErrorCode, message: string, options: PluginErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'PluginError';
    this.code = code;
    this.retryable = options.retryable ?? ERROR_CODES[code].retryable;
    this.hint = options.hint ?? ERROR_CODES[code].hint;
    this.providerMessage = options.providerMessage;
    this.httpStatus = options.httpStatus;
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, retryable: this.retryable, hint: this.hint, providerMessage: this.providerMessage, httpStatus: this.httpStatus };
  }
}

export function isPluginError(error: unknown): error is PluginError {
  return error instanceof PluginError || (typeof error === 'object' && error !== null && (error as { name?: string }).name === 'PluginError' && 'code' in error);
}

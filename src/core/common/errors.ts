export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

/**
 * A failure the API reports to its caller as RFC 9457 problem details. `code` is stable and
 * machine-readable; `detail` is for humans and may change.
 */
export class HubError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly extras: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(detail);
    this.name = 'HubError';
  }
}

export class NotFoundError extends HubError {
  constructor(resource: string, id: string) {
    super(404, 'NOT_FOUND', 'Not found', `${resource} ${id} does not exist`, { resource, id });
  }
}

export class ConflictError extends HubError {
  constructor(code: string, detail: string, extras: Record<string, unknown> = {}) {
    super(409, code, 'Conflict', detail, extras);
  }
}

export class UnprocessableError extends HubError {
  constructor(code: string, detail: string, errors: FieldError[] = [], extras: Record<string, unknown> = {}) {
    super(422, code, 'Unprocessable content', detail, { ...extras, errors });
  }
}

export class ValidationFailedError extends HubError {
  constructor(errors: FieldError[]) {
    const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    super(400, 'VALIDATION_FAILED', 'Invalid request', summary || 'The request is invalid', { errors });
  }
}

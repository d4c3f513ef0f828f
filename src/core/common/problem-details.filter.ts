import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { hubContext } from '../context/request-context';
import { HubError } from './errors';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  correlationId: string;
  [key: string]: unknown;
}

const PROBLEM_TYPE_BASE = 'https://iptv-hub.dev/problems/';

const STATUS_CODES: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', 'Bad request'],
  401: ['UNAUTHORIZED', 'Unauthorized'],
  403: ['FORBIDDEN', 'Forbidden'],
  404: ['NOT_FOUND', 'Not found'],
  405: ['METHOD_NOT_ALLOWED', 'Method not allowed'],
  409: ['CONFLICT', 'Conflict'],
  413: ['PAYLOAD_TOO_LARGE', 'Payload too large'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type'],
  422: ['UNPROCESSABLE_CONTENT', 'Unprocessable content'],
  429: ['RATE_LIMITED', 'Too many requests'],
  500: ['INTERNAL_ERROR', 'Internal server error'],
  503: ['SERVICE_UNAVAILABLE', 'Service unavailable'],
};

/** Errors of the body parser (raised before routing), by their `type`. */
const BODY_ERRORS: Record<string, { code: string; detail: string }> = {
  'entity.parse.failed': { code: 'MALFORMED_JSON', detail: 'The request body is not valid JSON' },
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', detail: 'The request body is larger than the configured limit (HUB_BODY_LIMIT)' },
  'encoding.unsupported': { code: 'UNSUPPORTED_ENCODING', detail: 'The request body encoding is not supported' },
};

/** Turns any error into an RFC 9457 problem; internal errors never leak their message. */
export function toProblem(error: unknown, instance?: string): ProblemDetails {
  const correlationId = hubContext.correlationId();
  if (error instanceof HubError) {
    return problem(error.status, error.code, error.title, error.message, instance, correlationId, error.extras);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const [code, title] = STATUS_CODES[status] ?? [`HTTP_${status}`, 'Error'];
    const bodyError = BODY_ERRORS[(error.cause as { type?: string } | undefined)?.type ?? ''];
    if (bodyError) return problem(status, bodyError.code, title, bodyError.detail, instance, correlationId);
    const response = error.getResponse();
    const detail = typeof response === 'string' ? response : messageOf(response) ?? error.message;
    return problem(status, code, title, detail, instance, correlationId);
  }
  return problem(500, 'INTERNAL_ERROR', 'Internal server error', 'An unexpected error occurred; the correlation id ties it to the logs', instance, correlationId);
}

function problem(status: number, code: string, title: string, detail: string, instance: string | undefined, correlationId: string, extras: Record<string, unknown> = {}): ProblemDetails {
  return { type: `${PROBLEM_TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}`, title, status, detail, code, instance, correlationId, ...extras };
}

function messageOf(response: object): string | undefined {
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}

export function sendProblem(res: Response, body: ProblemDetails): void {
  res.status(body.status).type('application/problem+json').json(body);
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const body = toProblem(error, req?.originalUrl);
    if (body.status >= 500) this.logger.error({ err: error, correlationId: body.correlationId }, 'Unhandled error');
    if (res.headersSent) return;
    sendProblem(res, body);
  }
}

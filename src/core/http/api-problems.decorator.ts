import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (field errors listed)',
  401: 'Missing or invalid API key',
  403: 'The API key\'s scopes do not allow this',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body larger than the configured limit',
  422: 'Well-formed but not acceptable',
  429: 'Rate limited',
};

/** Documents the problem responses of an authenticated endpoint (401, 403 and 429 always). */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiBearerAuth('bearer'),
    ApiSecurity('apiKey'),
    ...[...new Set([...statuses, 401, 403, 429])].sort().map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ProblemDto, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } } }),
    ),
  );
}

/** Problem responses of a public endpoint. */
export function ApiPublicProblems(...statuses: number[]) {
  return applyDecorators(
    ...[...new Set([...statuses, 429])].sort().map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ProblemDto, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } } }),
    ),
  );
}

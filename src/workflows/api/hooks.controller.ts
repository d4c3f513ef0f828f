import { createHmac, timingSafeEqual } from 'node:crypto';
import { Controller, Headers, HttpCode, Param, Post, RawBodyRequest, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../core/auth/public.decorator';
import { HubError } from '../../core/common/errors';
import { refuseNul } from '../../core/common/validation.pipe';
import { SecretBox } from '../../core/crypto/secret-box';
import { ApiPublicProblems } from '../../core/http/api-problems.decorator';
import { DefinitionsService } from '../engine/definitions.service';
import { TriggersService } from '../engine/triggers.service';

const TOLERANCE_S = 300;

/** Generic signed inbound triggers: POST /hooks/in/<name> starts the workflow whose on.webhook is <name>. */
@ApiTags('hooks')
@Controller('hooks/in')
export class HooksController {
  constructor(
    private readonly definitions: DefinitionsService,
    private readonly triggers: TriggersService,
    private readonly secrets: SecretBox,
  ) {}

  @Post(':name')
  @Public()
  @HttpCode(202)
  @ApiOperation({ operationId: 'receiveWorkflowHook', summary: 'Signed inbound trigger of a workflow (HMAC-SHA256 of "<timestamp>.<raw body>")' })
  @ApiPublicProblems(400, 401, 404)
  @ApiAcceptedResponse({ description: 'A run was started (or the delivery was a repeat)', schema: { type: 'object', properties: { runId: { type: 'string' }, duplicate: { type: 'boolean' } } } })
  async receive(@Param('name') name: string, @Req() req: RawBodyRequest<Request>, @Headers('x-hub-signature') signature?: string, @Headers('x-hub-timestamp') timestamp?: string, @Headers('x-hub-delivery') delivery?: string): Promise<{ runId: string; duplicate: boolean }> {
    const workflow = this.definitions.enabled().find((item) => item.compiled.trigger.webhook === name);
    const sealed = workflow ? await this.definitions.webhookSecret(workflow.row.id) : null;
    // Unknown hooks and hooks without a secret look the same to a caller: no probing for names.
    if (!workflow || !sealed) throw new HubError(404, 'HOOK_NOT_FOUND', 'Not found', `No inbound hook named ${name}`);
    const raw = req.rawBody ?? Buffer.from('');
    const now = Math.floor(Date.now() / 1000);
    if (!timestamp || !/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > TOLERANCE_S) throw new HubError(401, 'HOOK_TIMESTAMP_INVALID', 'Unauthorized', 'X-Hub-Timestamp is missing or more than 5 minutes off');
    const expected = createHmac('sha256', this.secrets.decrypt(sealed)).update(`${timestamp}.`).update(raw).digest();
    const given = Buffer.from((signature ?? '').replace(/^sha256=/, ''), 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HubError(401, 'HOOK_SIGNATURE_INVALID', 'Unauthorized', 'X-Hub-Signature does not match the body');
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    // Checked here: the body is read raw for its signature, past the validation pipe.
    refuseNul(body, 'body');
    const key = `${workflow.row.id}:hook:${delivery && /^[\x21-\x7e]{1,200}$/.test(delivery) ? delivery : expected.toString('hex')}`;
    const { run, created } = await this.triggers.start(workflow, { type: 'webhook', hook: name }, { ...body, type: 'webhook', hook: name }, body, key);
    return { runId: run.id, duplicate: !created };
  }
}

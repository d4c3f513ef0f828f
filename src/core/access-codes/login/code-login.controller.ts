import { Body, Controller, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditAction } from '../../audit/audit-action.decorator';
import { Public } from '../../auth/public.decorator';
import { ApiPublicProblems } from '../../http/api-problems.decorator';
import { ProblemDto } from '../../http/problem.dto';
import { CodeLoginDto, CodeLoginResultDto } from './code-login.dto';
import { CodeLoginService, TooManyAttemptsError } from './code-login.service';

@ApiTags('code login')
@Controller('codes')
export class CodeLoginController {
  constructor(private readonly login: CodeLoginService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  // The service audits every attempt itself, with the outcome; the generic mutation entry would only repeat it.
  @AuditAction('none')
  @ApiOperation({
    operationId: 'codeLogin',
    summary: 'Exchange an access code for its portal URL and Xtream credentials (public; rate-limited per client address)',
    description:
      'Unknown, inactive and expired codes all get the same 401 answer. After too many failures an address gets 429 with Retry-After, ' +
      'with lockouts that double each time. Behind a reverse proxy, list it in HUB_TRUSTED_PROXIES so the client address is used.',
  })
  @ApiOkResponse({ type: CodeLoginResultDto })
  @ApiResponse({ status: 401, description: 'Invalid code (unknown, inactive or expired: never said which)', type: ProblemDto, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } } })
  @ApiPublicProblems(400)
  async codeLogin(@Body() body: CodeLoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<CodeLoginResultDto> {
    try {
      return await this.login.login(body.code, req.ip ?? req.socket.remoteAddress ?? 'unknown');
    } catch (error) {
      if (error instanceof TooManyAttemptsError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }
}

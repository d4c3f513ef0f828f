import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { hubContext } from '../context/request-context';
import { REDACTED, redactUrl } from '../audit/redact';
import { redactLogFields } from './log-redaction';

/**
 * Header paths whose values never reach a log line (should a request's headers ever be logged).
 * Fields of any other name are masked by the one rule for secret names (`redactLogFields`).
 */
export const LOG_REDACT_PATHS = ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', 'req.headers["x-auth-user"]', 'res.headers["set-cookie"]'];

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [HUB_CONFIG],
      useFactory: (config: HubConfig) => ({
        // Synchronous writes: the last lines before a signal or a crash must not be lost in a buffer.
        pinoHttp: [
          {
            level: config.logLevel,
            redact: { paths: LOG_REDACT_PATHS, censor: REDACTED },
            formatters: { log: redactLogFields },
            genReqId: () => hubContext.correlationId(),
            customProps: () => ({ correlationId: hubContext.current()?.correlationId }),
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') || (req.url ?? '').startsWith('/metrics') },
            serializers: {
              // Query strings can carry secrets (a provider's callback token): their values go by the same rule.
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
            },
          },
          pino.destination({ dest: 1, sync: true }),
        ],
        exclude: [],
      }),
    }),
  ],
})
export class LoggingModule {}

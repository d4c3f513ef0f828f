import { Logger } from '@nestjs/common';
import { redact } from '../audit/redact';
import { PluginLogger, scrubSecrets } from '../plugins/sdk';

/** The logger a plugin gets: its lines are tagged with the plugin and panel, and its secrets are scrubbed. */
export function pluginLogger(pluginId: string, panelId: string, secrets: string[], debugEnabled: boolean): PluginLogger {
  const logger = new Logger(`plugin:${pluginId}`);
  const clean = (message: string, fields?: Record<string, unknown>) => {
    const safeFields = fields ? (JSON.parse(scrubSecrets(JSON.stringify(redact(fields)), secrets)) as Record<string, unknown>) : {};
    return [{ ...safeFields, panelId }, scrubSecrets(message, secrets)] as const;
  };
  return {
    // Debug lines are prepared only when they will be written (the HTTP client logs every call at debug).
    debug: (message, fields) => {
      if (debugEnabled) logger.debug(...clean(message, fields));
    },
    info: (message, fields) => logger.log(...clean(message, fields)),
    warn: (message, fields) => logger.warn(...clean(message, fields)),
    error: (message, fields) => logger.error(...clean(message, fields)),
  };
}

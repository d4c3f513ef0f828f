import { Writable } from 'node:stream';
import pino from 'pino';
import { redactLogFields } from './log-redaction';
import { LOG_REDACT_PATHS } from './logging.module';

describe('log lines mask secret names by the SDK rule', () => {
  /** A pino logger configured as the hub's, writing into an array. */
  const capture = () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    return { lines, logger: pino({ redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' }, formatters: { log: redactLogFields } }, sink) };
  };

  it('masks secret-named values at any depth, names the old path list missed included', () => {
    const { lines, logger } = capture();
    logger.warn({ panel: { name: 'XUI', accessCode: 'ac-123', client_secret: 'cs-1', credentials: { login: 'billing', password: 'pw-1' } }, stb_mac: '00:1A:79:00:00:01', tokenType: 'Bearer', rows: [{ sessionId: 's-1', id: 7 }] }, 'calling the panel');
    expect(lines[0]).toMatchObject({
      msg: 'calling the panel',
      panel: { name: 'XUI', accessCode: '[redacted]', client_secret: '[redacted]', credentials: { login: 'billing', password: '[redacted]' } },
      stb_mac: '[redacted]',
      tokenType: 'Bearer',
      rows: [{ sessionId: '[redacted]', id: 7 }],
    });
    expect(JSON.stringify(lines)).not.toMatch(/ac-123|cs-1|pw-1|00:1A|s-1/);
  });

  it('leaves errors whole for the error serializer', () => {
    const { lines, logger } = capture();
    logger.error({ err: new Error('panel refused'), runId: 'r1' }, 'step failed');
    expect(lines[0]).toMatchObject({ runId: 'r1', err: { type: 'Error', message: 'panel refused', stack: expect.stringContaining('panel refused') } });
  });
});

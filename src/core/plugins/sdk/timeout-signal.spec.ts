import { withTimeoutSignal } from './timeout-signal';

const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

describe('withTimeoutSignal', () => {
  it('drops its timer as soon as the call ends, whether it answered or failed', async () => {
    const before = timers();
    await withTimeoutSignal(60_000, async () => 'answer');
    await expect(withTimeoutSignal(60_000, async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(timers()).toBe(before);
  });

  it('aborts a call that outlives the time with a TimeoutError', async () => {
    const never = (signal: AbortSignal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    await expect(withTimeoutSignal(20, never)).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});

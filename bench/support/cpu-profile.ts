import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * Records a V8 CPU profile of this process while `work` runs, when `file` is set (the
 * BENCH_CPU_PROFILE variable of a benchmark); the file opens in Chrome DevTools or speedscope.
 */
export async function profileWhile<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

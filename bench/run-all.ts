/** Runs every benchmark (`dist/bench/<name>/*.bench.js`) one after the other; each prints one JSON line. */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = __dirname;
const benches = readdirSync(root)
  .filter((entry) => statSync(join(root, entry)).isDirectory() && entry !== 'support')
  .flatMap((dir) => readdirSync(join(root, dir)).filter((file) => file.endsWith('.bench.js')).map((file) => join(root, dir, file)))
  .sort();
let failed = 0;
for (const file of benches) {
  const result = spawnSync(process.execPath, [file], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);

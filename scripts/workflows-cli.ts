/**
 * For operators editing workflow YAML, without a running hub or a database:
 *   npm run workflows -- validate <files…>   problems as file:line:column: message (exit 1 if any)
 *   npm run workflows -- list                the built-in and operator (HUB_WORKFLOWS_DIR) definitions
 * Actions contributed by third-party plugins are not known offline: validate those files through
 * the API (POST /workflows/validate) instead.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { offlineActionRegistry } from '../src/workflows/actions/builtin-actions';
import { builtinDefinitionsDir, readDefinitionFiles } from '../src/workflows/engine/definitions.service';
import { formatProblem } from '../src/workflows/schema/compiled-workflow';
import { validateDefinition } from '../src/workflows/schema/definition-validator';
import { loadWorkflowConfig } from '../src/workflows/workflow-config';

function main(argv: string[]): number {
  const [command, ...args] = argv;
  const config = loadWorkflowConfig(process.env);
  const actions = offlineActionRegistry(config);
  if (command === 'validate' && args.length > 0) {
    let failed = 0;
    for (const file of args) {
      const path = resolve(file);
      let source: string;
      try {
        source = readFileSync(path, 'utf8');
      } catch (error) {
        process.stderr.write(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
        failed += 1;
        continue;
      }
      const { problems, definition } = validateDefinition(source, path, actions);
      if (problems.length === 0) process.stdout.write(`${path}: ok (${definition?.id})\n`);
      for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
      if (problems.length > 0) failed += 1;
    }
    return failed > 0 ? 1 : 0;
  }
  if (command === 'list') {
    const rows: string[][] = [];
    const sources: [string, string | null][] = [['builtin', builtinDefinitionsDir()], ['file', config.dir]];
    for (const [source, dir] of sources) {
      if (!dir) continue;
      for (const { file, source: yaml } of readDefinitionFiles(dir)) {
        const { definition, problems } = validateDefinition(yaml, file, actions);
        const on = definition ? [definition.on.event && `event ${[definition.on.event].flat().join(',')}`, definition.on.schedule && `schedule "${definition.on.schedule}"`, definition.on.webhook && `webhook ${definition.on.webhook}`, definition.on.manual && 'manual'].filter(Boolean).join('; ') : '';
        rows.push([definition?.id ?? '?', source, problems.length ? `INVALID (${problems.length})` : 'ok', on, file]);
      }
    }
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length), 4));
    for (const row of rows) process.stdout.write(`${row.slice(0, 4).map((cell, i) => cell.padEnd(widths[i])).join('  ')}  ${row[4]}\n`);
    return rows.some((row) => row[2] !== 'ok') ? 1 : 0;
  }
  process.stderr.write('usage: npm run workflows -- validate <files…> | list\n');
  return 2;
}

process.exitCode = main(process.argv.slice(2));

/**
 * For operators editing workflow YAML, without a running hub or a database:
 *   npm run workflows -- validate <files…>   problems as file:line:column: message (exit 1 if any)
 *   npm run workflows -- list                the built-in and operator (HUB_WORKFLOWS_DIR) definitions
 * Actions contributed by the plugin packages listed in HUB_PLUGINS are known too (their input
 * schemas; nothing is run).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPlugins } from '../src/core/plugins/plugin-loader';
import { PluginRegistry } from '../src/core/plugins/plugin-registry';
import type { PanelClientsService } from '../src/core/panels/panel-clients.service';
import { offlineActionRegistry } from '../src/workflows/actions/builtin-actions';
import { registerPluginActions } from '../src/workflows/actions/plugin.actions';
import { builtinDefinitionsDir, readDefinitionFiles } from '../src/workflows/engine/definitions.service';
import { formatProblem } from '../src/workflows/schema/compiled-workflow';
import { validateDefinition } from '../src/workflows/schema/definition-validator';
import { loadWorkflowConfig } from '../src/workflows/workflow-config';

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const config = loadWorkflowConfig(process.env);
  const actions = offlineActionRegistry(config);
  // Plugin actions for validation only: their panels are absent, so nothing can run.
  const stderr = { log: () => undefined, error: (message: string) => process.stderr.write(`${message}\n`) } as never;
  const plugins = new PluginRegistry();
  await loadPlugins(plugins, [], (process.env.HUB_PLUGINS ?? '').split(',').map((name) => name.trim()).filter(Boolean), undefined, stderr);
  registerPluginActions(actions, plugins, {} as PanelClientsService, stderr);
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

void main(process.argv.slice(2)).then((code) => (process.exitCode = code));

import path from 'node:path';

/**
 * The dependency rules of DESIGN.md §2, checked on every relative import:
 * - src/core/plugins/sdk imports nothing else from the project;
 * - src/plugins/** imports only the SDK entry (src/core/plugins/sdk) and never another plugin;
 * - the rest of src/core never imports src/plugins or src/workflows;
 * - src/workflows never imports src/plugins (it reaches plugins through the registry).
 * Only src/app.module.ts, src/main.ts and src/worker.ts (the composition root) see everything.
 */
const SDK_DIR = 'src/core/plugins/sdk';

function layerOf(rel) {
  if (rel === SDK_DIR || rel.startsWith(`${SDK_DIR}/`)) return 'sdk';
  if (rel.startsWith('src/core/')) return 'core';
  if (rel.startsWith('src/plugins/')) return 'plugins';
  if (rel.startsWith('src/workflows/')) return 'workflows';
  if (rel.startsWith('src/')) return 'root';
  return 'outside';
}

/** The plugin a file belongs to: src/plugins/<kind>/<id>. */
function pluginOf(rel) {
  const [, , kind, id] = rel.split('/');
  return `${kind}/${id}`;
}

function violation(fromRel, toRel) {
  const from = layerOf(fromRel);
  const to = layerOf(toRel);
  if (from === 'sdk' && to !== 'sdk') return 'the plugin SDK must not import anything else from the project';
  if (from === 'plugins') {
    if (to === 'plugins' && pluginOf(fromRel) !== pluginOf(toRel)) return 'a plugin must not import another plugin';
    if (to === 'sdk' && toRel !== SDK_DIR && toRel !== `${SDK_DIR}/index`) return 'plugins import only the SDK entry (src/core/plugins/sdk)';
    if (to !== 'plugins' && to !== 'sdk') return 'plugins import only the SDK entry (src/core/plugins/sdk)';
  }
  if (from === 'core' && (to === 'plugins' || to === 'workflows')) return `core must not import ${to === 'plugins' ? 'a plugin' : 'the workflows'}; wire it in src/app.module.ts`;
  if (from === 'workflows' && to === 'plugins') return 'workflows reach plugins only through the plugin registry';
  return null;
}

export const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer rules of DESIGN.md §2' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { boundary: 'Import of {{target}} breaks the dependency rules: {{reason}}.' },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const fromRel = path.relative(root, context.filename).split(path.sep).join('/');
    if (!fromRel.startsWith('src/')) return {};
    function check(node) {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source);
      const toRel = path.relative(root, target).split(path.sep).join('/').replace(/\.(ts|js)$/, '');
      const reason = violation(fromRel, toRel);
      if (reason) context.report({ node: node.source, messageId: 'boundary', data: { target: source, reason } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'import-boundaries': importBoundaries } };

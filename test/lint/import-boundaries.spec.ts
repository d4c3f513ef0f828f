import { resolve } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = resolve(__dirname, '../..');

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return result.messages.filter((message) => message.ruleId === 'hub/import-boundaries').map((message) => message.message);
}

describe('import boundaries (DESIGN.md §2)', () => {
  it('rejects core importing a plugin', async () => {
    const errors = await boundaryErrors('src/core/panels/panels.service.ts', "import { x } from '../../plugins/panels/xui-admin/xui-admin.adapter';\nexport const y = x;\n");
    expect(errors).toEqual([expect.stringContaining('core must not import a plugin')]);
  });

  it('rejects core importing the workflows', async () => {
    const errors = await boundaryErrors('src/core/events/events.service.ts', "import { x } from '../../workflows/engine/executor';\nexport const y = x;\n");
    expect(errors).toEqual([expect.stringContaining('core must not import the workflows')]);
  });

  it('rejects a plugin importing core internals or another plugin, and accepts the SDK entry', async () => {
    const file = 'src/plugins/panels/xui-admin/xui-admin.adapter.ts';
    expect(await boundaryErrors(file, "import { x } from '../../../core/panels/panel.entity';\nexport const y = x;\n")).toHaveLength(1);
    expect(await boundaryErrors(file, "import { x } from '../ministra/ministra.adapter';\nexport const y = x;\n")).toEqual([expect.stringContaining('another plugin')]);
    expect(await boundaryErrors(file, "import { SDK_VERSION } from '../../../core/plugins/sdk';\nexport const y = SDK_VERSION;\n")).toEqual([]);
  });

  it('rejects the SDK importing the rest of core', async () => {
    const errors = await boundaryErrors('src/core/plugins/sdk/index.ts', "import { x } from '../plugin-registry';\nexport const y = x;\n");
    expect(errors).toEqual([expect.stringContaining('plugin SDK must not import')]);
  });

  it('lets the composition root import everything', async () => {
    expect(await boundaryErrors('src/app.module.ts', "import { x } from './plugins/panels/xui-admin/xui-admin.plugin';\nexport const y = x;\n")).toEqual([]);
  });
});

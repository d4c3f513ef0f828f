import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { PluginRegistry } from './plugin-registry';
import { HubPlugin, manifestProblems, pluginActionProblems } from './sdk';

export const PLUGIN_PACKAGE = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?iptv-hub-plugin-[a-z0-9-._~]+$/;

export type ModuleImporter = (name: string) => Promise<unknown>;

/** Plugins a package exports: `plugin`, `plugins` (a list), or the default export (either form). */
function pluginsOf(exported: unknown): unknown[] {
  const module = exported as { plugin?: unknown; plugins?: unknown; default?: unknown } | undefined;
  const candidates = [module?.plugins, module?.plugin, module?.default, (module?.default as { plugins?: unknown } | undefined)?.plugins, (module?.default as { plugin?: unknown } | undefined)?.plugin];
  for (const candidate of candidates) {
    if (Array.isArray(candidate) && candidate.length > 0) return candidate;
    if (candidate && typeof candidate === 'object' && 'manifest' in candidate) return [candidate];
  }
  return [];
}

/**
 * Registers the built-in plugins, then the third-party packages enabled by configuration. A
 * package that is missing, throws on load, exports no plugin, has an invalid manifest, needs
 * another SDK version or clashes with an installed id is reported (log + `GET /plugins`) and
 * skipped; the hub still starts.
 */
export async function loadPlugins(registry: PluginRegistry, builtins: HubPlugin[], packages: string[], importer: ModuleImporter = (name) => import(name), logger = new Logger('Plugins')): Promise<void> {
  for (const plugin of builtins) registry.register(plugin);
  for (const name of packages) {
    const problem = (message: string) => {
      registry.reportProblem({ source: name, message });
      logger.error(`Plugin package ${name} skipped: ${message}`);
    };
    if (!PLUGIN_PACKAGE.test(name)) {
      problem('not a plugin package name (iptv-hub-plugin-<id>)');
      continue;
    }
    let exported: unknown;
    try {
      exported = await importer(name);
    } catch (error) {
      problem(`could not be loaded: ${(error as Error)?.message ?? String(error)}`);
      continue;
    }
    const plugins = pluginsOf(exported);
    if (plugins.length === 0) {
      problem('exports no plugin (export `plugin`, `plugins` or a default made with definePanelPlugin / definePaymentPlugin)');
      continue;
    }
    for (const candidate of plugins as HubPlugin[]) {
      const problems = manifestProblems(candidate.manifest);
      // Actions outside the plugin's namespace (panel.*, another plugin's…) refuse the whole plugin.
      if (problems.length === 0) problems.push(...pluginActionProblems(candidate.manifest.id, candidate.actions));
      if (typeof candidate.create !== 'function') problems.push('create must be a function');
      if (problems.length > 0) {
        problem(`${candidate.manifest?.id ?? 'plugin'}: ${problems.join('; ')}`);
        continue;
      }
      if (registry.get(candidate.manifest.kind, candidate.manifest.id)) {
        problem(`a ${candidate.manifest.kind} plugin with id "${candidate.manifest.id}" is already installed`);
        continue;
      }
      try {
        registry.register(candidate);
        logger.log(`Loaded ${candidate.manifest.kind} plugin ${candidate.manifest.id} ${candidate.manifest.version} from ${name}`);
      } catch (error) {
        problem(`${candidate.manifest.id}: ${(error as Error).message}`);
      }
    }
  }
}

const PLUGINS_LOADED = Symbol('PLUGINS_LOADED');

/**
 * Wired by the composition root with the built-in plugins (core never imports a plugin). Loading
 * happens while providers are created, so every module sees the full registry in its lifecycle hooks.
 */
@Global()
@Module({})
export class PluginLoaderModule {
  static forRoot(builtins: HubPlugin[]): DynamicModule {
    return {
      module: PluginLoaderModule,
      providers: [
        {
          provide: PLUGINS_LOADED,
          inject: [PluginRegistry, HUB_CONFIG],
          useFactory: async (registry: PluginRegistry, config: HubConfig) => {
            await loadPlugins(registry, builtins, config.plugins);
            return true;
          },
        },
      ],
      exports: [PLUGINS_LOADED],
    };
  }
}

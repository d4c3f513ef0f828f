import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { PluginRegistry } from './plugin-registry';
import { secretFields } from './sdk';

class PluginManifestDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['panel', 'payment'] }) kind: string;
  @ApiProperty() name: string;
  @ApiProperty() version: string;
  @ApiProperty({ description: 'SDK version range the plugin was written for' }) sdk: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: [String] }) capabilities: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'JSON Schema of the configuration / credentials' }) configSchema: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'Configuration fields that are secret (stored encrypted, never returned)' }) secretFields: string[];
}

class PluginProblemDto {
  @ApiProperty({ description: 'Package or module that failed to load' }) source: string;
  @ApiProperty() message: string;
}

class PluginListDto {
  @ApiProperty({ type: [PluginManifestDto] }) items: PluginManifestDto[];
  @ApiProperty({ type: [PluginProblemDto], description: 'Plugins that were found but skipped, with the reason' }) problems: PluginProblemDto[];
}

@ApiTags('plugins')
@Controller('plugins')
export class PluginsController {
  constructor(private readonly registry: PluginRegistry) {}

  @Get()
  @ApiOperation({ operationId: 'listPlugins', summary: 'Installed plugins with their manifests and configuration schemas' })
  @ApiProblems()
  @ApiOkResponse({ type: PluginListDto })
  list(): PluginListDto {
    return {
      items: this.registry.manifests().map((manifest) => ({
        id: manifest.id,
        kind: manifest.kind,
        name: manifest.name,
        version: manifest.version,
        sdk: manifest.sdk,
        description: manifest.description ?? null,
        capabilities: manifest.capabilities,
        configSchema: manifest.configSchema,
        secretFields: secretFields(manifest.configSchema),
      })),
      problems: this.registry.loadProblems(),
    };
  }
}

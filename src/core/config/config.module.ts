import { DynamicModule, Global, Module } from '@nestjs/common';
import { HubConfig, loadConfig } from './hub-config';

export const HUB_CONFIG = Symbol('HUB_CONFIG');

@Global()
@Module({})
export class HubConfigModule {
  static forRoot(config: HubConfig = loadConfig()): DynamicModule {
    return { module: HubConfigModule, providers: [{ provide: HUB_CONFIG, useValue: config }], exports: [HUB_CONFIG] };
  }
}

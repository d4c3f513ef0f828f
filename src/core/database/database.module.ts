import { MikroORM } from '@mikro-orm/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { BatchingPostgreSqlDriver } from './postgresql-batching';
import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { runMigrations } from './migration-runner';
import { EntityClass, ormOptions } from './orm-options';
import { BoundSqliteDriver } from './sqlite-bound-connection';
import { SqliteCheckpoints } from './sqlite-checkpoints';

@Injectable()
class MigrateOnStart implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private checkpoints?: SqliteCheckpoints;

  constructor(
    private readonly orm: MikroORM,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.database.dialect === 'sqlite') {
      // WAL lets readers proceed during a write; it is a property of the file, set once.
      await this.orm.em.getConnection().execute('pragma journal_mode = WAL');
      await this.orm.em.getConnection().execute('pragma synchronous = NORMAL');
      // Per connection: keep hot pages in process (64 MiB cache, 256 MiB memory-mapped reads)
      // rather than asking the OS for them on every statement.
      await this.orm.em.getConnection().execute('pragma cache_size = -65536');
      await this.orm.em.getConnection().execute('pragma mmap_size = 268435456');
      this.checkpoints = new SqliteCheckpoints(this.config.database.path, (sql) => this.orm.em.getConnection().execute(sql));
      await this.checkpoints.start();
    }
    if (!this.config.migrateOnStart) return;
    const applied = await runMigrations(this.orm, this.config);
    if (applied.length > 0) this.logger.log(`Applied migrations: ${applied.join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.checkpoints?.stop();
  }
}

@Module({})
export class DatabaseModule {
  static forRoot(config: HubConfig, entities: EntityClass[]): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        MikroOrmModule.forRootAsync({
          inject: [HUB_CONFIG],
          useFactory: (config: HubConfig) => ({ ...ormOptions(config, entities), registerRequestContext: true }),
          driver: config.database.dialect === 'sqlite' ? BoundSqliteDriver : BatchingPostgreSqlDriver,
        }),
      ],
      providers: [MigrateOnStart],
    };
  }
}

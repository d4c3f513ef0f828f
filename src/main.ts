import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppModule } from './app.module';
import { createHttpApp, listen } from './core/bootstrap';
import { ConfigError, loadConfig } from './core/config/hub-config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createHttpApp(AppModule.forRoot(config), config);
  const url = await listen(app, config);
  const where = config.database.dialect === 'sqlite' ? config.database.path : 'PostgreSQL';
  new Logger('Hub').log(`IPTV Hub listening on ${url} (${config.mode} mode, database ${where}, jobs ${config.jobs.driver}); API docs at ${url}/docs`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`\n${error.message}\n\nSee the configuration table in README.md.\n`);
  } else {
    process.stderr.write(`IPTV Hub failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
});

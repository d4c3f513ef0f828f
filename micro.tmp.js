require('reflect-metadata');
const { MikroORM } = require('@mikro-orm/core');
const { AppModule } = require('./dist/src/app.module');
const { createHttpApp } = require('./dist/src/core/bootstrap');
const { loadConfig } = require('./dist/src/core/config/hub-config');
const { createEphemeralDatabase } = require('./dist/scripts/support/ephemeral-database');
const { EventsService } = require('./dist/src/core/events/events.service');
const { updateRow, insertRows } = require('./dist/src/core/database/raw-rows');
const { WorkflowRun } = require('./dist/src/workflows/engine/workflow-run.entity');
(async () => {
  const mode = process.argv[2] || 'embedded';
  const db = await createEphemeralDatabase(mode, { LOG_LEVEL: 'silent', HUB_ADMIN_API_KEY: 'hub_bench_admin_key_0123456789abcdefghijklmnop' });
  const config = loadConfig({ ...db.env, PORT: '0', HOST: '127.0.0.1' });
  const app = await createHttpApp(AppModule.forRoot(config), config);
  await app.init();
  const orm = app.get(MikroORM); const events = app.get(EventsService);
  const N = 3000;
  async function time(name, fn, conc = 1) {
    for (let i = 0; i < 200; i++) await fn(i);
    const t = performance.now(); const cpu = process.cpuUsage();
    let k = 0; await Promise.all(Array.from({ length: conc }, async () => { while (k < N) await fn(k++); }));
    const c = process.cpuUsage(cpu); const el = performance.now() - t;
    console.log(name.padEnd(50), 'wall µs/op', (el * 1000 / N).toFixed(1), 'cpu µs/op', ((c.user + c.system) / N).toFixed(1));
  }
  const id = 'x';
  await time('updateRow no tx', (i) => updateRow(orm.em.fork(), WorkflowRun, { id }, { version: i }));
  await time('em.transactional + updateRow', (i) => orm.em.fork().transactional((em) => updateRow(em, WorkflowRun, { id }, { version: i })));
  await time('events.transaction + updateRow', (i) => events.transaction((em) => updateRow(em, WorkflowRun, { id }, { version: i })));
  await time('events.transaction + updateRow conc32', (i) => events.transaction((em) => updateRow(em, WorkflowRun, { id }, { version: i })), 32);
  await time('events.transaction + 3 updateRow conc32', async (i) => events.transaction(async (em) => { await updateRow(em, WorkflowRun, { id }, { version: i }); await updateRow(em, WorkflowRun, { id }, { version: i }); await updateRow(em, WorkflowRun, { id }, { version: i }); }), 32);
  await time('conn.transactional + updateRow', (i) => { const em = orm.em.fork(); return em.getConnection().transactional((trx) => em.getConnection().execute('update hub_workflow_run set version = ? where id = ?', [i, id], 'run', trx)); });
  await app.close(); await db.drop();
})().catch((e) => { console.error(e); process.exit(1); });

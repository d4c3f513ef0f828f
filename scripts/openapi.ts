/**
 * Generates openapi/openapi.json from the controllers and DTOs, without a server or database
 * (Nest's preview mode instantiates no providers), plus the typed test client's schema.
 *   write  regenerate the files
 *   check  fail when the committed files differ from what the code generates (CI)
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import openapiTS, { astToString } from 'openapi-typescript';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/core/config/hub-config';
import { buildOpenApiDocument } from '../src/core/http/openapi';

const ROOT = resolve(__dirname, '../..');
const DOCUMENT = resolve(ROOT, 'openapi/openapi.json');
const CLIENT_SCHEMA = resolve(ROOT, 'test/client/schema.d.ts');

async function generate(): Promise<{ document: string; schema: string }> {
  const app = await NestFactory.create(AppModule.forRoot(loadConfig({})), { preview: true, logger: false });
  const document = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  await app.close();
  const ast = await openapiTS(JSON.parse(document), { alphabetize: true, defaultNonNullable: false });
  const schema = `// Generated from openapi/openapi.json by \`npm run openapi\`. Do not edit.\n${astToString(ast)}`;
  return { document, schema };
}

async function main(): Promise<void> {
  const mode = process.argv[2] ?? 'write';
  const { document, schema } = await generate();
  if (mode === 'write') {
    writeFileSync(DOCUMENT, document);
    writeFileSync(CLIENT_SCHEMA, schema);
    console.log('Wrote openapi/openapi.json and test/client/schema.d.ts');
    return;
  }
  const drift = [
    [DOCUMENT, document],
    [CLIENT_SCHEMA, schema],
  ].filter(([file, content]) => read(file) !== content);
  if (drift.length > 0) {
    console.error(`OpenAPI drift: ${drift.map(([file]) => file).join(', ')} differ from the code. Run \`npm run openapi\` and commit the result.`);
    process.exit(1);
  }
  console.log('OpenAPI document is up to date');
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

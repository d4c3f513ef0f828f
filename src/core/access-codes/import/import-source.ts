import { Readable } from 'node:stream';
import { MikroORM } from '@mikro-orm/core';
import { parse } from 'csv-parse';
import { SecretBox } from '../../crypto/secret-box';
import { AccessCodeImportChunk } from './access-code-import.entity';

export interface SourceRecord {
  values: string[];
  /** Line where the record ends. */
  line: number;
  /** Bytes of the file consumed so far. */
  bytes: number;
}

/** The stored upload, chunk by chunk in order: never more than one chunk in memory. */
async function* chunks(orm: MikroORM, secrets: SecretBox, importId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const chunk = await orm.em.fork().findOne(AccessCodeImportChunk, { importId, seq });
    if (!chunk) return;
    yield Buffer.from(secrets.decrypt(chunk.sealed), 'base64');
  }
}

/** Streams the records of an uploaded CSV (header included) through csv-parse. */
export async function* records(orm: MikroORM, secrets: SecretBox, importId: string): AsyncGenerator<SourceRecord> {
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 64 * 1024 });
  const source = Readable.from(chunks(orm, secrets, importId));
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
    yield { values: record, line: info.lines, bytes: info.bytes };
  }
}

import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BULK_IMPORT_MAX_BYTES,
  bulkImportSchema,
  createBulkImportQuerySchema,
  idParamsSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { createBulkImport } from './create-bulk-import.ts';
import { getBulkImport } from './get-bulk-import.ts';
import { runBulkImport } from './run-bulk-import.ts';

const tags = ['training 应急救护培训'];

/** Copies the upload to a file, refusing it once it passes the size limit (the raw body has no other cap). */
async function saveUpload(body: Readable, file: string): Promise<void> {
  let size = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > BULK_IMPORT_MAX_BYTES)
        done(
          new AppError('TRAINING_BULK_IMPORT_TOO_LARGE', 413, [], {
            mb: BULK_IMPORT_MAX_BYTES / 1024 / 1024,
          }),
        );
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body, cap, createWriteStream(file));
  } catch (err) {
    await rm(file, { force: true });
    throw err;
  }
}

/**
 * The bulk roster import: the .xlsx is the raw request body (no base64, no size-doubling), saved to a
 * temporary file; the answer is the queued job, which then runs in the server on its own. The console
 * polls the job for its progress.
 */
export function bulkImportRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.register(async (raw) => {
    raw.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], (_req, payload, done) =>
      done(null, payload),
    );
    const r = routerOf(raw);
    r.post(
      '/api/training/bulk-imports',
      {
        config: { access: { permission: 'training:manage' } },
        schema: {
          tags,
          summary: '大批量导入学员（.xlsx 原样上传，后台处理，可查询进度）',
          querystring: createBulkImportQuerySchema,
          response: { 200: bulkImportSchema },
        },
      },
      async (req) => {
        const file = path.join(tmpdir(), `boai-bulk-import-${randomUUID()}.xlsx`);
        // Only the raw .xlsx parser hands over a stream; a JSON (or empty) body is no roster.
        if (!(req.body instanceof Readable))
          throw new AppError('TRAINING_IMPORT_FILE_UNREADABLE', 400, [
            { field: 'file', code: 'TRAINING_IMPORT_FILE_UNREADABLE' },
          ]);
        await saveUpload(req.body, file);
        const actor = actorOf(req);
        let job;
        try {
          job = await ctx.db.transaction((tx) => createBulkImport(tx, actor, req.query, file));
        } catch (err) {
          await rm(file, { force: true });
          throw err;
        }
        // Not awaited: the job outlives this request; its outcome is written to its row.
        void runBulkImport(ctx.db, ctx.pii, actor, job.id, file).catch((err: unknown) =>
          req.log.error({ err, bulkImport: job.id }, 'bulk trainee import failed'),
        );
        return job;
      },
    );
  });
  routerOf(app).get(
    '/api/training/bulk-imports/:id',
    {
      config: { access: { permission: 'training:read' } },
      schema: {
        tags,
        summary: '大批量导入的进度与结果',
        params: idParamsSchema,
        response: { 200: bulkImportSchema },
      },
    },
    async (req) => getBulkImport(ctx.db, actorOf(req), req.params.id),
  );
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { pickLang, type Lang } from '../i18n/messages.ts';
import { pgErrorCode } from '../db/errors.ts';

const enLocale = z.locales.en();

export const requestLang = (req: FastifyRequest): Lang => {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'en' || q === 'zh-CN') return q;
  return pickLang(req.headers['accept-language']);
};

type ZodIssueLike = Parameters<typeof enLocale.localeError>[0];

/** Maps every failure to `{ code, message, fields }`; only a genuine bug answers 500, and it is logged. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const lang = requestLang(req);
    if (err instanceof AppError) return reply.status(err.status).send(err.toBody(lang));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const body = new AppError('VALIDATION_FAILED', 400).toBody(lang);
      body.fields = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        let message = v.message ?? '';
        if (lang === 'en') {
          const localized = enLocale.localeError({ code: v.keyword, ...v.params } as unknown as ZodIssueLike);
          message = typeof localized === 'string' ? localized : (localized?.message ?? message);
        }
        return { field: path ? `${where}.${path}` : where, code: v.keyword, message };
      });
      return reply.status(400).send(body);
    }
    const status = err.statusCode ?? 500;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.status(413).send(new AppError('BODY_TOO_LARGE', 413).toBody(lang));
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send(new AppError('UNSUPPORTED_MEDIA_TYPE', 415).toBody(lang));
    }
    if (status >= 400 && status < 500)
      return reply.status(status).send(new AppError('BAD_REQUEST', status).toBody(lang));
    // Data-shaped database errors (a value out of range, a bad encoding) are the client's fault.
    const pg = pgErrorCode(err).code;
    if (pg && /^(22|23)/.test(pg)) {
      req.log.warn({ err }, 'database rejected request data');
      return reply.status(400).send(new AppError('BAD_REQUEST', 400).toBody(lang));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(new AppError('INTERNAL', 500).toBody(lang));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send(new AppError('ROUTE_NOT_FOUND', 404).toBody(requestLang(req)));
  });
}

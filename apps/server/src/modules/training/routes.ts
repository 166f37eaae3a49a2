import {
  baseSchema,
  certificatePageSchema,
  certificateSchema,
  classDetailSchema,
  classPageSchema,
  courseSchema,
  createBaseSchema,
  createClassSchema,
  createCourseSchema,
  createInstructorSchema,
  createTraineeImportSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  instructorSchema,
  issueCertificatesResultSchema,
  listBasesQuerySchema,
  listCertificatesQuerySchema,
  listClassesQuerySchema,
  listCoursesQuerySchema,
  listInstructorsQuerySchema,
  recordResultsSchema,
  revokeCertificateSchema,
  TRAINEE_IMPORT_MAX_BYTES,
  traineeImportCommitSchema,
  traineeImportSchema,
  updateCourseSchema,
  updateInstructorSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { contentDisposition, sendPdf } from '../../platform/http/downloads.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { certificatePdf } from './certificate-pdf.ts';
import { commitTraineeImport } from './commit-trainee-import.ts';
import { createBase } from './create-base.ts';
import { createClass } from './create-class.ts';
import { createCourse } from './create-course.ts';
import { createInstructor } from './create-instructor.ts';
import { exportCertificates, exportRoster } from './exports.ts';
import { issueCertificates } from './issue-certificates.ts';
import { listBases } from './list-bases.ts';
import { findCertificate, listCertificates } from './list-certificates.ts';
import { getClass, listClasses } from './list-classes.ts';
import { listCourses } from './list-courses.ts';
import { listInstructors } from './list-instructors.ts';
import { getTraineeImport, previewTraineeImport } from './preview-trainee-import.ts';
import { recordResults } from './record-results.ts';
import { revokeCertificate } from './revoke-certificate.ts';
import { traineeTemplate } from './trainee-sheet.ts';
import { updateCourse } from './update-course.ts';
import { updateInstructor } from './update-instructor.ts';

const tags = ['training 应急救护培训'];
const read = { access: { permission: 'training:read' as const } };
const manage = { access: { permission: 'training:manage' as const } };
const UPLOAD_BODY_LIMIT = Math.ceil((TRAINEE_IMPORT_MAX_BYTES * 4) / 3) + 1024 * 1024;

/** Staff endpoints: catalogue, registry, classes, rosters, results and certificates. */
export function trainingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  const { db, pii } = ctx;

  r.get(
    '/api/training/courses',
    {
      config: read,
      schema: {
        tags,
        summary: '培训课程（本级、下级与上级定义的）',
        querystring: listCoursesQuerySchema,
        response: { 200: z.array(courseSchema) },
      },
    },
    async (req) => listCourses(db, actorOf(req), req.query),
  );
  r.post(
    '/api/training/courses',
    {
      config: manage,
      schema: {
        tags,
        summary: '新建培训课程',
        headers: idempotencyHeadersSchema,
        body: createCourseSchema,
        response: { 200: courseSchema },
      },
    },
    async (req, reply) => runIdempotent(db, req, reply, (tx) => createCourse(tx, actorOf(req), req.body)),
  );
  r.patch(
    '/api/training/courses/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改培训课程（学时、合格线、证书有效期）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: updateCourseSchema,
        response: { 200: courseSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => updateCourse(tx, actorOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/training/instructors',
    {
      config: read,
      schema: {
        tags,
        summary: '救护师资',
        querystring: listInstructorsQuerySchema,
        response: { 200: z.array(instructorSchema) },
      },
    },
    async (req) => listInstructors(db, pii, actorOf(req), req.query),
  );
  r.post(
    '/api/training/instructors',
    {
      config: manage,
      schema: {
        tags,
        summary: '登记救护师资',
        headers: idempotencyHeadersSchema,
        body: createInstructorSchema,
        response: { 200: instructorSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => createInstructor(tx, pii, actorOf(req), req.body)),
  );
  r.patch(
    '/api/training/instructors/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改救护师资（资质、证书复审、停用）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: updateInstructorSchema,
        response: { 200: instructorSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => updateInstructor(tx, pii, actorOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/training/bases',
    {
      config: read,
      schema: {
        tags,
        summary: '培训基地',
        querystring: listBasesQuerySchema,
        response: { 200: z.array(baseSchema) },
      },
    },
    async (req) => listBases(db, actorOf(req), req.query),
  );
  r.post(
    '/api/training/bases',
    {
      config: manage,
      schema: {
        tags,
        summary: '登记培训基地',
        headers: idempotencyHeadersSchema,
        body: createBaseSchema,
        response: { 200: baseSchema },
      },
    },
    async (req, reply) => runIdempotent(db, req, reply, (tx) => createBase(tx, actorOf(req), req.body)),
  );

  r.get(
    '/api/training/classes',
    {
      config: read,
      schema: {
        tags,
        summary: '培训班',
        querystring: listClassesQuerySchema,
        response: { 200: classPageSchema },
      },
    },
    async (req) => listClasses(db, actorOf(req), req.query),
  );
  r.post(
    '/api/training/classes',
    {
      config: manage,
      schema: {
        tags,
        summary: '开设培训班（师资须具备该课程资质）',
        headers: idempotencyHeadersSchema,
        body: createClassSchema,
        response: { 200: classDetailSchema },
      },
    },
    async (req, reply) => {
      const created = await runIdempotent(db, req, reply, (tx) => createClass(tx, actorOf(req), req.body));
      return getClass(db, pii, actorOf(req), created.id);
    },
  );
  r.get(
    '/api/training/classes/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '培训班详情与学员名单',
        params: idParamsSchema,
        response: { 200: classDetailSchema },
      },
    },
    async (req) => getClass(db, pii, actorOf(req), req.params.id),
  );
  r.get(
    '/api/training/classes/:id/roster.xlsx',
    { config: read, schema: { tags, summary: '导出学员名单与成绩（Excel）', params: idParamsSchema } },
    async (req, reply) => {
      const { title, stream } = await exportRoster(db, pii, actorOf(req), req.params.id);
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition('attachment', `roster-${req.params.id}.xlsx`, `学员名单-${title}.xlsx`),
        )
        .send(stream);
    },
  );
  r.post(
    '/api/training/classes/:id/results',
    {
      config: manage,
      schema: {
        tags,
        summary: '录入考勤与理论、实操成绩（按课程规则判定合格）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: recordResultsSchema,
        response: { 200: classDetailSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => recordResults(tx, pii, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/training/classes/:id/certificates',
    {
      config: manage,
      schema: {
        tags,
        summary: '结业并向合格学员颁发证书（编号连续）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        response: { 200: issueCertificatesResultSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => issueCertificates(tx, actorOf(req), req.params.id)),
  );

  r.get(
    '/api/training/import-template.xlsx',
    { config: manage, schema: { tags, summary: '下载学员名单导入模板（Excel）' } },
    async (_req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition('attachment', 'trainee-template.xlsx', '学员名单导入模板.xlsx'),
        )
        .send(await traineeTemplate()),
  );
  r.post(
    '/api/training/classes/:id/imports',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      config: manage,
      schema: {
        tags,
        summary: '上传学员名单（.xlsx），逐行校验并预览',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: createTraineeImportSchema,
        response: { 200: traineeImportSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) =>
        previewTraineeImport(tx, pii, actorOf(req), req.params.id, req.body),
      ),
  );
  r.get(
    '/api/training/imports/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '学员名单导入预览',
        params: idParamsSchema,
        response: { 200: traineeImportSchema },
      },
    },
    async (req) => getTraineeImport(db, pii, actorOf(req), req.params.id),
  );
  r.post(
    '/api/training/imports/:id/commit',
    {
      config: manage,
      schema: {
        tags,
        summary: '确认导入学员（已在名单上的自动跳过）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        response: { 200: traineeImportCommitSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => commitTraineeImport(tx, pii, actorOf(req), req.params.id)),
  );

  r.get(
    '/api/training/certificates',
    {
      config: read,
      schema: {
        tags,
        summary: '救护证书查询（状态按查询时刻判定）',
        querystring: listCertificatesQuerySchema,
        response: { 200: certificatePageSchema },
      },
    },
    async (req) => listCertificates(db, pii, actorOf(req), req.query),
  );
  r.get(
    '/api/training/certificates.xlsx',
    {
      config: read,
      schema: { tags, summary: '导出证书（Excel）', querystring: listCertificatesQuerySchema },
    },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', 'certificates.xlsx', '救护证书.xlsx'))
        .send(exportCertificates(db, pii, actorOf(req), req.query)),
  );
  r.get(
    '/api/training/certificates/:id/pdf',
    { config: read, schema: { tags, summary: '证书 PDF（含照片位与核验二维码）', params: idParamsSchema } },
    async (req, reply) => {
      const cert = await findCertificate(db, actorOf(req), req.params.id);
      const pdf = await certificatePdf(db, pii, cert, ctx.config.publicUrl);
      return sendPdf(reply, `certificate-${cert.number}.pdf`, `救护证书-${cert.number}.pdf`, pdf);
    },
  );
  r.post(
    '/api/training/certificates/:id/revoke',
    {
      config: manage,
      schema: {
        tags,
        summary: '撤销证书（须填写原因）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: revokeCertificateSchema,
        response: { 200: certificateSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) =>
        revokeCertificate(tx, pii, actorOf(req), req.params.id, req.body.reason),
      ),
  );
}

import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../testing/factories.ts';
import { startHarness, type Harness } from '../testing/harness.ts';
import { disasterEventsMatrix } from './matrix/disaster-events.ts';
import { reliefMatrix } from './matrix/relief.ts';
import { rescueTeamsMatrix } from './matrix/rescue-teams.ts';
import { MISSING, type Check, type Ids, type MatrixPart } from './matrix/types.ts';

/**
 * Generated from the app's own route list: every endpoint that exists must have a row here, and
 * for every endpoint we prove 401 without a session, 403 without the permission, and that a user of
 * a sibling society (锡山区 vs 梁溪区) or of a child society (崇安寺街道 vs its parent 梁溪区)
 * can neither read, list nor change the other's data — and that the refusal reveals nothing.
 */

/** The rows of modules that keep theirs beside this file (tests/matrix/<module>.ts). */
const PARTS: MatrixPart[] = [rescueTeamsMatrix, disasterEventsMatrix, reliefMatrix];
/** Anything of 梁溪区's subtree; the child-society user legitimately sees its own 崇安寺 part, so it has its own pattern. */
const LIANGXI_SUBTREE = /梁溪|崇安寺|广益|五爱|lx_admin|cas_staff|第二人民医院|陈美华|孙建国|南禅寺|蒋小燕/;
const LIANGXI_ABOVE_CHILD = /梁溪区|广益|第二人民医院|lx_admin|梁溪专用|陈美华|孙建国|南禅寺/;

const ATTACHMENT = {
  fileName: '捐赠协议.pdf',
  mime: 'application/pdf',
  contentBase64: btoa('%PDF-1.4\n%%EOF'),
};
const goodsBody = (i: Ids) => ({
  orgId: i.liangxi,
  donorId: i.lxDonor,
  receivedOn: '2026-01-05',
  items: [{ name: '棉被', unit: '床', quantity: 1, unitValueFen: 15_000, valuationBasis: 'market' }],
});

const MATRIX: Record<string, Check> = {
  'POST /api/auth/login': { kind: 'public' },
  'GET /api/auth/password-policy': { kind: 'public' },
  'GET /api/public/receipts/:number': { kind: 'public' },
  'POST /api/public/my-gifts/lookup': { kind: 'public' },
  'POST /api/public/my-gifts/code': { kind: 'public' },
  'POST /api/public/my-gifts/login': { kind: 'public' },
  'POST /api/public/my-gifts/logout': { kind: 'public' },
  'GET /api/public/my-gifts': { kind: 'public' },
  'GET /api/public/my-gifts/:id/certificate.pdf': { kind: 'public' },
  'GET /api/public/my-gifts/:id/receipt.pdf': { kind: 'public' },
  'GET /api/public/training/classes': { kind: 'public' },
  'GET /api/public/training/classes/:id': { kind: 'public' },
  'POST /api/public/training/classes/:id/signups': { kind: 'public' },
  'GET /api/public/certificates/:number': { kind: 'public' },
  'POST /api/auth/totp': { kind: 'self' },
  'POST /api/auth/totp/setup': { kind: 'self' },
  'POST /api/auth/totp/enable': { kind: 'self' },
  'POST /api/auth/totp/disable': { kind: 'self' },
  'POST /api/auth/logout': { kind: 'self' },
  'GET /api/auth/me': { kind: 'self' },
  'POST /api/auth/password': { kind: 'self' },
  'GET /api/orgs': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/orgs?includeInactive=true' }),
    leak: (b, re) => re.test(b),
  },
  'GET /api/orgs/:id': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/orgs/${i.liangxi}` }),
    missing: () => ({ method: 'GET', url: `/api/orgs/${MISSING}` }),
  },
  'POST /api/orgs': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: '/api/orgs',
      body: { parentId: i.liangxi, name: '越权新建', level: 'town' },
    }),
  },
  'PATCH /api/orgs/:id': {
    kind: 'row',
    req: (i) => ({ method: 'PATCH', url: `/api/orgs/${i.liangxi}`, body: { name: '被改名' } }),
    missing: () => ({ method: 'PATCH', url: `/api/orgs/${MISSING}`, body: { name: '被改名' } }),
  },
  'POST /api/orgs/:id/move': {
    kind: 'row',
    req: (i) => ({ method: 'POST', url: `/api/orgs/${i.guangyi}/move`, body: { newParentId: i.donggang } }),
    missing: (i) => ({ method: 'POST', url: `/api/orgs/${MISSING}/move`, body: { newParentId: i.donggang } }),
  },
  'POST /api/orgs/:id/deactivate': {
    kind: 'row',
    req: (i) => ({ method: 'POST', url: `/api/orgs/${i.guangyi}/deactivate`, body: { reason: '越权' } }),
    missing: () => ({ method: 'POST', url: `/api/orgs/${MISSING}/deactivate`, body: { reason: '越权' } }),
  },
  'POST /api/orgs/:id/activate': {
    kind: 'row',
    req: (i) => ({ method: 'POST', url: `/api/orgs/${i.guangyi}/activate`, body: {} }),
    missing: () => ({ method: 'POST', url: `/api/orgs/${MISSING}/activate`, body: {} }),
  },
  'GET /api/users': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/users?pageSize=200' }),
    leak: (b, re) => re.test(b),
  },
  'GET /api/users/:id': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/users/${i.lxAdmin}` }),
    missing: () => ({ method: 'GET', url: `/api/users/${MISSING}` }),
  },
  'POST /api/users': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: '/api/users',
      body: { orgId: i.liangxi, username: 'intruder', displayName: '越权', password: 'Intruder-Pass-1' },
    }),
  },
  'PATCH /api/users/:id': {
    kind: 'row',
    req: (i) => ({ method: 'PATCH', url: `/api/users/${i.lxAdmin}`, body: { active: false } }),
    missing: () => ({ method: 'PATCH', url: `/api/users/${MISSING}`, body: { active: false } }),
  },
  'PUT /api/users/:id/grants': {
    kind: 'row',
    req: (i) => ({ method: 'PUT', url: `/api/users/${i.lxAdmin}/grants`, body: { grants: [] } }),
    missing: () => ({ method: 'PUT', url: `/api/users/${MISSING}/grants`, body: { grants: [] } }),
  },
  'POST /api/users/:id/reset-password': {
    kind: 'row',
    req: (i) => ({
      method: 'POST',
      url: `/api/users/${i.lxAdmin}/reset-password`,
      body: { newPassword: 'Taken-Over-123' },
    }),
    missing: () => ({
      method: 'POST',
      url: `/api/users/${MISSING}/reset-password`,
      body: { newPassword: 'Taken-Over-123' },
    }),
  },
  'GET /api/roles': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/roles' }),
    leak: (b) => b.includes('梁溪专用'),
  },
  'POST /api/roles': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: '/api/roles',
      body: { orgId: i.liangxi, code: 'evil', name: '越权角色', permissions: [] },
    }),
  },
  'PATCH /api/roles/:id': {
    kind: 'row',
    req: (i) => ({ method: 'PATCH', url: `/api/roles/${i.lxRole}`, body: { permissions: ['orgs:read'] } }),
    missing: () => ({ method: 'PATCH', url: `/api/roles/${MISSING}`, body: { permissions: ['orgs:read'] } }),
  },
  'GET /api/donors': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/donors?pageSize=200' }),
    leak: (b, re) => re.test(b),
  },
  'GET /api/donors/:id': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/donors/${i.lxDonor}` }),
    missing: () => ({ method: 'GET', url: `/api/donors/${MISSING}` }),
  },
  'POST /api/donors': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: '/api/donors',
      body: { kind: 'person', orgId: i.liangxi, name: '越权登记' },
    }),
  },
  'PATCH /api/donors/:id': {
    kind: 'row',
    req: (i) => ({ method: 'PATCH', url: `/api/donors/${i.lxDonor}`, body: { nameConsent: true } }),
    missing: () => ({ method: 'PATCH', url: `/api/donors/${MISSING}`, body: { nameConsent: true } }),
  },
  'GET /api/appeals': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/appeals' }),
    leak: (b, re) => re.test(b) || b.includes('天使计划'),
  },
  'POST /api/appeals': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: '/api/appeals',
      body: { orgId: i.liangxi, kind: 'appeal', name: '越权专项' },
    }),
  },
  'GET /api/gifts': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/gifts?pageSize=200' }),
    leak: (b, re) => re.test(b),
  },
  'GET /api/gifts/export.xlsx': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/gifts/export.xlsx' }),
    leak: (b, re) => re.test(b),
  },
  // A report names its society: asking for a foreign one is refused like a write into it.
  'GET /api/donation-reports': {
    kind: 'create',
    req: (i) => ({ method: 'GET', url: `/api/donation-reports?orgId=${i.liangxi}&groupBy=org` }),
  },
  'GET /api/donation-reports/export.xlsx': {
    kind: 'create',
    req: (i) => ({ method: 'GET', url: `/api/donation-reports/export.xlsx?orgId=${i.liangxi}` }),
  },
  'GET /api/gifts/:id/certificate.pdf': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/gifts/${i.lxGift}/certificate.pdf` }),
    missing: () => ({ method: 'GET', url: `/api/gifts/${MISSING}/certificate.pdf` }),
  },
  'GET /api/gifts/:id/receipts': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/gifts/${i.lxGift}/receipts` }),
    missing: () => ({ method: 'GET', url: `/api/gifts/${MISSING}/receipts` }),
  },
  'POST /api/gifts/:id/cancel': {
    kind: 'row',
    req: (i) => ({ method: 'POST', url: `/api/gifts/${i.lxGift}/cancel`, body: { reason: '越权撤销' } }),
    missing: () => ({ method: 'POST', url: `/api/gifts/${MISSING}/cancel`, body: { reason: '越权撤销' } }),
  },
  'POST /api/gifts/:id/reissue': {
    kind: 'row',
    req: (i) => ({ method: 'POST', url: `/api/gifts/${i.lxGift}/reissue`, body: { reason: '越权冲红' } }),
    missing: () => ({ method: 'POST', url: `/api/gifts/${MISSING}/reissue`, body: { reason: '越权冲红' } }),
  },
  'POST /api/gifts/goods': {
    kind: 'create',
    req: (i) => ({ method: 'POST', url: '/api/gifts/goods', body: goodsBody(i) }),
  },
  'GET /api/gifts/:id': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/gifts/${i.lxGift}` }),
    missing: () => ({ method: 'GET', url: `/api/gifts/${MISSING}` }),
  },
  'POST /api/gifts/:id/attachments': {
    kind: 'row',
    req: (i) => ({ method: 'POST', url: `/api/gifts/${i.lxGift}/attachments`, body: ATTACHMENT }),
    missing: () => ({ method: 'POST', url: `/api/gifts/${MISSING}/attachments`, body: ATTACHMENT }),
  },
  'GET /api/gifts/:id/attachments/:attId': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/gifts/${i.lxGift}/attachments/${i.lxAttachment}` }),
    missing: (i) => ({ method: 'GET', url: `/api/gifts/${MISSING}/attachments/${i.lxAttachment}` }),
  },
  'GET /api/gifts/:id/receipt.pdf': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/gifts/${i.lxGift}/receipt.pdf` }),
    missing: () => ({ method: 'GET', url: `/api/gifts/${MISSING}/receipt.pdf` }),
  },
  'POST /api/gifts': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: '/api/gifts',
      body: {
        orgId: i.liangxi,
        donorId: i.lxDonor,
        channel: 'cash',
        amountFen: 100,
        receivedOn: '2026-01-05',
      },
    }),
  },
  'POST /api/gift-imports': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: '/api/gift-imports',
      body: {
        orgId: i.liangxi,
        source: 'bank',
        fileName: '越权.csv',
        contentBase64: Buffer.from('交易日期,贷方金额,对方户名\n2026-01-05,100,越权').toString('base64'),
      },
    }),
  },
  'POST /api/gift-imports/:id/commit': {
    kind: 'row',
    req: (i) => ({ method: 'POST', url: `/api/gift-imports/${i.lxImport}/commit`, body: {} }),
    missing: () => ({ method: 'POST', url: `/api/gift-imports/${MISSING}/commit`, body: {} }),
  },
  'GET /api/gift-imports': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/gift-imports?pageSize=200' }),
    leak: (b, re) => re.test(b),
  },
  'GET /api/gift-imports/:id': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/gift-imports/${i.lxImport}` }),
    missing: () => ({ method: 'GET', url: `/api/gift-imports/${MISSING}` }),
  },
  // A blank template: no society's data in it, nothing to keep from anyone holding the permission.
  'GET /api/gift-imports/template.xlsx': { kind: 'self' },
  'GET /api/training/courses': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/training/courses' }),
    leak: (b, re) => re.test(b),
  },
  'POST /api/training/courses': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: '/api/training/courses',
      body: {
        orgId: i.liangxi,
        kind: 'awareness',
        name: '越权课程',
        hours: 2,
        theoryPass: null,
        practicalPass: null,
        validityMonths: null,
      },
    }),
  },
  'PATCH /api/training/courses/:id': {
    kind: 'row',
    req: (i) => ({ method: 'PATCH', url: `/api/training/courses/${i.lxCourse}`, body: { hours: 9 } }),
    missing: () => ({ method: 'PATCH', url: `/api/training/courses/${MISSING}`, body: { hours: 9 } }),
  },
  'GET /api/training/instructors': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/training/instructors' }),
    leak: (b, re) => re.test(b),
  },
  'POST /api/training/instructors': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: '/api/training/instructors',
      body: {
        orgId: i.liangxi,
        name: '越权',
        level: 'junior',
        courseKinds: ['awareness'],
        certValidUntil: '2030-01-01',
      },
    }),
  },
  'PATCH /api/training/instructors/:id': {
    kind: 'row',
    req: (i) => ({
      method: 'PATCH',
      url: `/api/training/instructors/${i.lxInstructor}`,
      body: { active: false },
    }),
    missing: () => ({
      method: 'PATCH',
      url: `/api/training/instructors/${MISSING}`,
      body: { active: false },
    }),
  },
  'GET /api/training/bases': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/training/bases' }),
    leak: (b, re) => re.test(b),
  },
  'POST /api/training/bases': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: '/api/training/bases',
      body: { orgId: i.liangxi, name: '越权基地', address: '某处', capacity: 10, equipment: [] },
    }),
  },
  'GET /api/training/classes': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/training/classes?pageSize=200' }),
    leak: (b, re) => re.test(b),
  },
  'POST /api/training/classes': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: '/api/training/classes',
      body: {
        orgId: i.liangxi,
        courseId: i.lxCourse,
        title: '越权班',
        sector: 'community',
        startsOn: '2026-12-01',
        endsOn: '2026-12-01',
        capacity: 10,
        instructorIds: [i.lxInstructor],
      },
    }),
  },
  'GET /api/training/classes/:id': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/training/classes/${i.lxClass}` }),
    missing: () => ({ method: 'GET', url: `/api/training/classes/${MISSING}` }),
  },
  'GET /api/training/classes/:id/roster.xlsx': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/training/classes/${i.lxClass}/roster.xlsx` }),
    missing: () => ({ method: 'GET', url: `/api/training/classes/${MISSING}/roster.xlsx` }),
  },
  'POST /api/training/classes/:id/results': {
    kind: 'row',
    req: (i) => ({
      method: 'POST',
      url: `/api/training/classes/${i.lxClass}/results`,
      body: { results: [{ traineeId: i.lxTrainee, attended: false }] },
    }),
    missing: (i) => ({
      method: 'POST',
      url: `/api/training/classes/${MISSING}/results`,
      body: { results: [{ traineeId: i.lxTrainee, attended: false }] },
    }),
  },
  'POST /api/training/classes/:id/certificates': {
    kind: 'row',
    req: (i) => ({ method: 'POST', url: `/api/training/classes/${i.lxClass}/certificates`, body: {} }),
    missing: () => ({ method: 'POST', url: `/api/training/classes/${MISSING}/certificates`, body: {} }),
  },
  'POST /api/training/classes/:id/imports': {
    kind: 'row',
    req: (i) => ({
      method: 'POST',
      url: `/api/training/classes/${i.lxClass}/imports`,
      body: { fileName: '越权.xlsx', contentBase64: 'UEsDBA==' },
    }),
    missing: () => ({
      method: 'POST',
      url: `/api/training/classes/${MISSING}/imports`,
      body: { fileName: '越权.xlsx', contentBase64: 'UEsDBA==' },
    }),
  },
  // A blank template: no society's data in it.
  'GET /api/training/import-template.xlsx': { kind: 'self' },
  'GET /api/training/imports/:id': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/training/imports/${i.lxTrainingImport}` }),
    missing: () => ({ method: 'GET', url: `/api/training/imports/${MISSING}` }),
  },
  'POST /api/training/imports/:id/commit': {
    kind: 'row',
    req: (i) => ({ method: 'POST', url: `/api/training/imports/${i.lxTrainingImport}/commit`, body: {} }),
    missing: () => ({ method: 'POST', url: `/api/training/imports/${MISSING}/commit`, body: {} }),
  },
  'GET /api/training/certificates': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/training/certificates?pageSize=200' }),
    leak: (b, re) => re.test(b),
  },
  'GET /api/training/certificates.xlsx': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/training/certificates.xlsx' }),
    leak: (b, re) => re.test(b),
  },
  'GET /api/training/certificates/:id/pdf': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/training/certificates/${i.lxCertificate}/pdf` }),
    missing: () => ({ method: 'GET', url: `/api/training/certificates/${MISSING}/pdf` }),
  },
  'POST /api/training/certificates/:id/revoke': {
    kind: 'row',
    req: (i) => ({
      method: 'POST',
      url: `/api/training/certificates/${i.lxCertificate}/revoke`,
      body: { reason: '越权' },
    }),
    missing: () => ({
      method: 'POST',
      url: `/api/training/certificates/${MISSING}/revoke`,
      body: { reason: '越权' },
    }),
  },
  // A JSON body is refused as no roster before anything is written; the society check is in bulk-import.test.ts.
  'POST /api/training/bulk-imports': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: `/api/training/bulk-imports?orgId=${i.liangxi}&fileName=a.xlsx`,
      body: {},
    }),
  },
  'GET /api/training/bulk-imports/:id': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/training/bulk-imports/${i.lxBulkImport}` }),
    missing: () => ({ method: 'GET', url: `/api/training/bulk-imports/${MISSING}` }),
  },
  'PUT /api/training/targets': {
    kind: 'create',
    req: (i) => ({
      method: 'PUT',
      url: '/api/training/targets',
      body: { orgId: i.liangxi, year: 2026, basis: 'count', certified: 1, reached: 1 },
    }),
  },
  'GET /api/training/targets/progress': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/training/targets/progress?orgId=${i.liangxi}&year=2026` }),
    missing: () => ({ method: 'GET', url: `/api/training/targets/progress?orgId=${MISSING}&year=2026` }),
  },
  'GET /api/training/targets/progress.xlsx': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/training/targets/progress.xlsx?orgId=${i.liangxi}&year=2026` }),
    missing: () => ({ method: 'GET', url: `/api/training/targets/progress.xlsx?orgId=${MISSING}&year=2026` }),
  },
  'POST /api/public/rescues': { kind: 'public' },
  'GET /api/public/certificates/:number/rescues': { kind: 'public' },
  'GET /api/rescues': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/rescues?pageSize=200' }),
    leak: (b, re) => re.test(b),
  },
  'GET /api/rescues/:id': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/rescues/${i.lxRescue}` }),
    missing: () => ({ method: 'GET', url: `/api/rescues/${MISSING}` }),
  },
  'POST /api/rescues/:id/review': {
    kind: 'row',
    req: (i) => ({
      method: 'POST',
      url: `/api/rescues/${i.lxRescue}/review`,
      body: { decision: 'verified' },
    }),
    missing: () => ({
      method: 'POST',
      url: `/api/rescues/${MISSING}/review`,
      body: { decision: 'verified' },
    }),
  },
  'POST /api/rescues/:id/commend': {
    kind: 'row',
    req: (i) => ({
      method: 'POST',
      url: `/api/rescues/${i.lxRescue}/commend`,
      body: { commendation: '越权' },
    }),
    missing: () => ({
      method: 'POST',
      url: `/api/rescues/${MISSING}/commend`,
      body: { commendation: '越权' },
    }),
  },
  'GET /api/public/aeds/nearest': { kind: 'public' },
  'GET /api/public/aeds/map': { kind: 'public' },
  'GET /api/aeds': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/aeds?pageSize=200' }),
    leak: (b, re) => re.test(b),
  },
  'GET /api/aeds/export.xlsx': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/aeds/export.xlsx' }),
    leak: (b, re) => re.test(b),
  },
  'GET /api/aeds/due': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/aeds/due?withinDays=3650' }),
    leak: (b, re) => re.test(b),
  },
  // A blank template: no society's data in it.
  'GET /api/aeds/import-template.xlsx': { kind: 'self' },
  'POST /api/aeds/imports/preview': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: '/api/aeds/imports/preview',
      body: { orgId: i.liangxi, fileName: 'a.xlsx', contentBase64: btoa('x') },
    }),
  },
  'POST /api/aeds/imports': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: '/api/aeds/imports',
      body: { orgId: i.liangxi, fileName: 'a.xlsx', contentBase64: btoa('x') },
    }),
  },
  'GET /api/aeds/:id': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/aeds/${i.lxAed}` }),
    missing: () => ({ method: 'GET', url: `/api/aeds/${MISSING}` }),
  },
  'POST /api/aeds': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: '/api/aeds',
      body: {
        orgId: i.liangxi,
        serial: 'X-1',
        model: 'm',
        venueType: 'other',
        venueName: '越权',
        address: '越权',
        lat: 31.5,
        lng: 120.3,
        ownerUnit: 'u',
        responsibleName: 'n',
        responsibleMobile: '13900000000',
        installedOn: '2025-01-01',
        batteryExpiresOn: '2029-01-01',
        padsExpiresOn: '2027-01-01',
      },
    }),
  },
  'PATCH /api/aeds/:id': {
    kind: 'row',
    req: (i) => ({ method: 'PATCH', url: `/api/aeds/${i.lxAed}`, body: { status: 'repair' } }),
    missing: () => ({ method: 'PATCH', url: `/api/aeds/${MISSING}`, body: { status: 'repair' } }),
  },
  'POST /api/aeds/:id/inspections': {
    kind: 'row',
    req: (i) => ({
      method: 'POST',
      url: `/api/aeds/${i.lxAed}/inspections`,
      body: { inspectedOn: '2026-01-05', inspector: '越权', result: 'normal' },
    }),
    missing: () => ({
      method: 'POST',
      url: `/api/aeds/${MISSING}/inspections`,
      body: { inspectedOn: '2026-01-05', inspector: '越权', result: 'normal' },
    }),
  },
  'GET /api/disclosure/preview': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/disclosure/preview?orgId=${i.liangxi}&day=2026-01-05` }),
    missing: () => ({ method: 'GET', url: `/api/disclosure/preview?orgId=${MISSING}&day=2026-01-05` }),
  },
  'POST /api/disclosure/batches': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: '/api/disclosure/batches',
      body: { orgId: i.liangxi, day: '2026-01-05' },
    }),
  },
  'GET /api/disclosure/batches': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/disclosure/batches?pageSize=200' }),
    leak: (b, re) => re.test(b),
  },
  'GET /api/disclosure/batches/:id': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/disclosure/batches/${i.lxBatch}` }),
    missing: () => ({ method: 'GET', url: `/api/disclosure/batches/${MISSING}` }),
  },
  'GET /api/disclosure/batches/:id/export.xlsx': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/disclosure/batches/${i.lxBatch}/export.xlsx` }),
    missing: () => ({ method: 'GET', url: `/api/disclosure/batches/${MISSING}/export.xlsx` }),
  },
  'GET /api/public/disclosure/orgs': { kind: 'public' },
  'GET /api/public/disclosure/orgs/:orgId': { kind: 'public' },
  'GET /api/public/disclosure/batches/:id': { kind: 'public' },
  'GET /api/public/disclosure/appeals/:appealId': { kind: 'public' },
  'GET /api/public/disclosure/search': { kind: 'public' },
  'GET /api/public/honour-roll': { kind: 'public' },
  'GET /api/public/appeals/:id': { kind: 'public' },
  'POST /api/public/donations': { kind: 'public' },
  'GET /api/public/donations/:orderNo': { kind: 'public' },
  'GET /api/public/donations/:orderNo/certificate.pdf': { kind: 'public' },
  'POST /api/payments/notify/sandbox': { kind: 'public' },
  'GET /api/appeals/:id/qr.png': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/appeals/${i.lxAppeal}/qr.png` }),
    missing: () => ({ method: 'GET', url: `/api/appeals/${MISSING}/qr.png` }),
  },
  'GET /api/appeals/:id/poster.pdf': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/appeals/${i.lxAppeal}/poster.pdf` }),
    missing: () => ({ method: 'GET', url: `/api/appeals/${MISSING}/poster.pdf` }),
  },
  'GET /api/disbursements': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/disbursements?pageSize=200' }),
    leak: (b, re) => re.test(b),
  },
  'GET /api/disbursements/export.xlsx': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/disbursements/export.xlsx' }),
    leak: (b, re) => re.test(b),
  },
  'POST /api/disbursements': {
    kind: 'create',
    req: (i) => ({
      method: 'POST',
      url: '/api/disbursements',
      body: {
        orgId: i.liangxi,
        appealId: i.lxAppeal,
        amountFen: 100,
        purpose: '越权拨付',
        recipientName: '某某',
      },
    }),
  },
  'POST /api/disbursements/:id/approve': {
    kind: 'row',
    req: (i) => ({ method: 'POST', url: `/api/disbursements/${i.lxDisbursement}/approve`, body: {} }),
    missing: () => ({ method: 'POST', url: `/api/disbursements/${MISSING}/approve`, body: {} }),
  },
  'POST /api/disbursements/:id/reject': {
    kind: 'row',
    req: (i) => ({
      method: 'POST',
      url: `/api/disbursements/${i.lxDisbursement}/reject`,
      body: { note: '越权' },
    }),
    missing: () => ({ method: 'POST', url: `/api/disbursements/${MISSING}/reject`, body: { note: '越权' } }),
  },
  'POST /api/disbursements/:id/cancel': {
    kind: 'row',
    req: (i) => ({
      method: 'POST',
      url: `/api/disbursements/${i.lxDisbursement}/cancel`,
      body: { reason: '越权' },
    }),
    missing: () => ({
      method: 'POST',
      url: `/api/disbursements/${MISSING}/cancel`,
      body: { reason: '越权' },
    }),
  },
  'GET /api/fund-balances': {
    kind: 'row',
    req: (i) => ({ method: 'GET', url: `/api/fund-balances?orgId=${i.liangxi}` }),
    missing: () => ({ method: 'GET', url: `/api/fund-balances?orgId=${MISSING}` }),
  },
  'GET /api/audit': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/audit?pageSize=200' }),
    leak: (b, re) => re.test(b),
  },
  'GET /api/audit/export': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/audit/export' }),
    leak: (b, re) => re.test(b),
  },
  'GET /api/public/ledger/logs': { kind: 'public' },
  'GET /api/public/ledger/logs/:orgId/checkpoint': { kind: 'public' },
  'GET /api/public/ledger/logs/:orgId/checkpoints': { kind: 'public' },
  'GET /api/public/ledger/logs/:orgId/entries/:index': { kind: 'public' },
  'GET /api/public/ledger/logs/:orgId/entries': { kind: 'public' },
  'GET /api/public/ledger/logs/:orgId/proofs/inclusion': { kind: 'public' },
  'GET /api/public/ledger/logs/:orgId/proofs/consistency': { kind: 'public' },
  'GET /api/public/ledger/entries': { kind: 'public' },
  'GET /api/public/ledger/trace/:receiptNumber': { kind: 'public' },
  'GET /api/ledger/status': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/ledger/status' }),
    leak: (b, re) => re.test(b),
  },
  'GET /api/ledger/entries': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/ledger/entries?pageSize=200' }),
    leak: (b, re) => re.test(b),
  },
  // Before the history below, so 梁溪区's own history has a run in it.
  'POST /api/ledger/verifications': {
    kind: 'list',
    req: () => ({ method: 'POST', url: '/api/ledger/verifications' }),
    leak: (b, re) => re.test(b),
  },
  'GET /api/ledger/verifications': {
    kind: 'list',
    req: () => ({ method: 'GET', url: '/api/ledger/verifications' }),
    leak: (b, re) => re.test(b),
  },
};
for (const part of PARTS) Object.assign(MATRIX, part.rows);

let h: Harness;
let ids: Ids;
const cookies: Record<string, string> = {};

async function snapshot(): Promise<string> {
  const rows = await h.ctx.db.execute(sql`
    select json_build_object(
      'orgs', (select json_agg(o order by id) from (select id, name, path, active, parent_id from orgs) o),
      'users', (select json_agg(u order by id) from (select id, display_name, active, password_hash, must_change_password from users) u),
      'grants', (select json_agg(g order by user_id, role_id) from user_roles g),
      'roles', (select json_agg(r order by id) from (select id, name, permissions from roles) r),
      'donors', (select json_agg(d order by id) from (select id, org_id, name, name_consent, mobile_hash from donors) d),
      'appeals', (select count(*) from appeals),
      'disbursements', (select json_agg(d order by id) from (select id, status, amount_fen, decided_by from disbursements) d),
      'gifts', (select json_agg(g order by id) from (select id, org_id, amount_fen from gifts) g),
      'receipts', (select count(*) from receipts),
      'gift_imports', (select json_agg(x order by id) from (select id, status, created_gifts from gift_imports) x),
      'training_courses', (select json_agg(x order by id) from (select id, hours from training_courses) x),
      'training_instructors', (select json_agg(x order by id) from (select id, active from training_instructors) x),
      'training_bases', (select count(*) from training_bases),
      'training_classes', (select json_agg(x order by id) from (select id, status from training_classes) x),
      'training_trainees', (select json_agg(x order by id) from (select id, attended, result from training_trainees) x),
      'training_imports', (select json_agg(x order by id) from (select id, status from training_imports) x),
      'training_certificates', (select json_agg(x order by id) from (select id, status from training_certificates) x),
      'aed_devices', (select json_agg(x order by id) from (select id, status, updated_at from aed_devices) x),
      'aed_inspections', (select count(*) from aed_inspections),
      'training_bulk_imports', (select count(*) from training_bulk_imports),
      'training_targets', (select json_agg(x order by org_id, year) from (select org_id, year, certified from training_targets) x),
      'rescues', (select json_agg(x order by id) from (select id, status, commendation from rescues) x)
    ) as s`);
  const parts = await h.ctx.db.execute(
    sql.raw(
      `select ${PARTS.flatMap((p) => p.tables)
        .map(
          (t) =>
            `(select md5(coalesce(string_agg(md5(x::text), ',' order by md5(x::text)), '')) from ${t} x) as ${t}`,
        )
        .join(', ')}`,
    ),
  );
  return JSON.stringify([
    (rows as unknown as { rows: unknown[] }).rows[0],
    (parts as unknown as { rows: unknown[] }).rows[0],
  ]);
}

/** Text of a response: JSON as is, an .xlsx export as the text of all its cells. */
async function bodyText(res: {
  headers: Record<string, unknown>;
  body: string;
  rawPayload: Buffer;
}): Promise<string> {
  if (!String(res.headers['content-type']).includes('spreadsheet')) return res.body;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => void cells.push(String(c.value)))));
  return cells.join('\n');
}

/** 梁溪区's own training rows (the demo's, plus an open class with a roster upload awaiting commit). */
async function trainingIds(liangxi: number) {
  const get = async (url: string) => (await h.req('GET', url, { cookie: cookies.lx_admin })).json();
  const course = (await get(`/api/training/courses?orgId=${liangxi}`)).find(
    (c: { orgId: number }) => c.orgId === liangxi,
  );
  const instructor = (await get(`/api/training/instructors?orgId=${liangxi}`)).find(
    (t: { orgId: number }) => t.orgId === liangxi,
  );
  const classes = (await get(`/api/training/classes?orgId=${liangxi}&pageSize=200`)).items.filter(
    (c: { orgId: number }) => c.orgId === liangxi,
  );
  const open = classes.find(
    (c: { status: string; publicSignup: boolean }) => c.status === 'open' && c.publicSignup,
  );
  const detail = await get(`/api/training/classes/${open.id}`);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('名单').addRows([
    ['姓名', '身份证号'],
    ['待导入', '11010519491231002X'],
  ]);
  const upload = await h.req('POST', `/api/training/classes/${open.id}/imports`, {
    cookie: cookies.lx_admin,
    body: {
      fileName: '名单.xlsx',
      contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    },
  });
  const cert = (await get(`/api/training/certificates?orgId=${liangxi}&state=valid&pageSize=200`)).items.find(
    (c: { orgId: number }) => c.orgId === liangxi,
  );
  const rescue = await h.req('POST', '/api/public/rescues', {
    body: {
      certificateNumber: cert.number,
      name: cert.holderName,
      occurredAt: '2026-01-05T09:00',
      place: '公园',
      actions: ['cpr'],
      description: '胸外按压至救护车到达',
      outcome: 'unknown',
      aedUsed: false,
      casualtyAgeBand: 'adult',
      casualtySex: 'male',
    },
  });
  const bulk = await h.app.inject({
    method: 'POST',
    url: `/api/training/bulk-imports?orgId=${liangxi}&classId=${open.id}&fileName=a.xlsx`,
    headers: {
      cookie: cookies.lx_admin!,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    payload: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  // The job runs after the answer: let it finish, or its enrolment would change the snapshots below.
  for (let i = 0; i < 100; i++) {
    const job = await get(`/api/training/bulk-imports/${bulk.json().id}`);
    if (job.status === 'done' || job.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    lxCourse: course.id as number,
    lxInstructor: instructor.id as number,
    lxClass: open.id as number,
    lxTrainee: detail.trainees[0].id as number,
    lxTrainingImport: upload.json().id as number,
    lxCertificate: cert.id as number,
    lxRescue: rescue.json().id as number,
    lxBulkImport: bulk.json().id as number,
  };
}

beforeAll(async () => {
  h = await startHarness();
  const o = h.seed.orgs;
  await makeUser(h.ctx, 'noperm', o.xishan!, null);
  for (const u of ['xs_admin', 'cas_staff', 'lx_admin', 'noperm']) cookies[u] = await h.login(u);
  const role = await h.req('POST', '/api/roles', {
    cookie: cookies.lx_admin,
    body: { orgId: o.liangxi, code: 'lx_only', name: '梁溪专用', permissions: ['orgs:read'] },
  });
  expect(role.statusCode).toBe(200);
  const users = (await h.req('GET', '/api/users?q=lx_admin', { cookie: cookies.lx_admin })).json();
  const roles = (await h.req('GET', '/api/roles', { cookie: cookies.lx_admin })).json();
  const lxGift = (
    await h.req('GET', `/api/gifts?orgId=${o.liangxi}&pageSize=50`, { cookie: cookies.lx_admin })
  )
    .json()
    .items.find((g: { orgId: number }) => g.orgId === o.liangxi).id;
  ids = {
    liangxi: o.liangxi!,
    guangyi: o.guangyi!,
    donggang: o.donggang!,
    lxAdmin: users.items[0].id,
    lxRole: role.json().id,
    adminRole: roles.items.find((r: { code: string }) => r.code === 'admin').id,
    lxDonor: (await h.req('GET', '/api/donors?q=陈美华', { cookie: cookies.lx_admin })).json().items[0].id,
    lxGift,
    lxAppeal: (await h.req('GET', `/api/appeals?orgId=${o.liangxi}`, { cookie: cookies.lx_admin }))
      .json()
      .items.find((a: { orgId: number }) => a.orgId === o.liangxi).id,
    lxBatch: (
      await h.req('GET', `/api/disclosure/batches?orgId=${o.liangxi}`, { cookie: cookies.lx_admin })
    ).json().items[0].id,
    lxDisbursement: (
      await h.req('GET', `/api/disbursements?orgId=${o.liangxi}`, { cookie: cookies.lx_admin })
    ).json().items[0].id,
    lxImport: (
      await h.req('GET', `/api/gift-imports?orgId=${o.liangxi}`, { cookie: cookies.lx_admin })
    ).json().items[0].id,
    lxAttachment: (
      await h.req('POST', `/api/gifts/${lxGift}/attachments`, { cookie: cookies.lx_admin, body: ATTACHMENT })
    ).json().id,
    ...(await trainingIds(o.liangxi!)),
    lxAed: (await h.req('GET', `/api/aeds?orgId=${o.liangxi}&pageSize=200`, { cookie: cookies.lx_admin }))
      .json()
      .items.find((d: { orgId: number }) => d.orgId === o.liangxi).id,
  };
  const get = async (url: string) => (await h.req('GET', url, { cookie: cookies.lx_admin })).json();
  for (const part of PARTS) if (part.ids) Object.assign(ids, await part.ids({ h, orgs: o, get }));
});
afterAll(() => h?.close());

describe('permission matrix (generated from the route list)', () => {
  it('has a row for every API endpoint, and no row for an endpoint that does not exist', () => {
    const apiRoutes = h.app.routeList
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`);
    expect(apiRoutes.length).toBeGreaterThan(15);
    expect([...apiRoutes].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('answers 401 to every non-public endpoint without a session', async () => {
    for (const r of h.app.routeList.filter(
      (r) => r.url.startsWith('/api/') && r.access && !('public' in r.access),
    )) {
      const url = r.url.replace(':id', '1');
      const res = await h.req(r.method, url, { body: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 403 to every permission-guarded endpoint for a user holding no role', async () => {
    const guarded = h.app.routeList.filter((r) => r.access && 'permission' in r.access);
    expect(guarded.length).toBeGreaterThan(10);
    for (const r of guarded) {
      const res = await h.req(r.method, r.url.replace(':id', '1'), {
        cookie: cookies.noperm,
        body: r.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });

  for (const [actor, label, forbidden] of [
    ['xs_admin', 'a sibling county (锡山区 admin)', LIANGXI_SUBTREE],
    ['cas_staff', 'a child society (崇安寺街道 staff)', LIANGXI_ABOVE_CHILD],
  ] as const) {
    it(`keeps 梁溪区's data out of reach of ${label}: nothing read, listed or changed, and nothing revealed`, async () => {
      const before = await snapshot();
      for (const [route, check] of Object.entries(MATRIX)) {
        if (check.kind === 'self' || check.kind === 'public') continue;
        const req = check.req(ids);
        const res = await h.req(req.method, req.url, { cookie: cookies[actor], body: req.body });
        expect(res.statusCode, route).toBeLessThan(500);
        if (check.kind === 'row') {
          const miss = check.missing(ids);
          const resMissing = await h.req(miss.method, miss.url, { cookie: cookies[actor], body: miss.body });
          // The child-society user lacks write permissions entirely (403 for all); otherwise: same as missing.
          if (res.statusCode !== 403) {
            expect(res.statusCode, route).toBe(404);
            expect(res.body, `${route} must answer exactly like a missing row`).toBe(resMissing.body);
          }
        } else if (check.kind === 'create') {
          expect([400, 403, 404], route).toContain(res.statusCode);
          expect(forbidden.test(res.body), route).toBe(false);
        } else {
          expect([200, 403], route).toContain(res.statusCode);
          expect(check.leak(await bodyText(res), forbidden), `${route} leaked 梁溪区 data`).toBe(false);
        }
      }
      expect(await snapshot()).toBe(before);
    });
  }

  it('lets 梁溪区 itself see the same data (so the checks above are not vacuous)', async () => {
    for (const [route, check] of Object.entries(MATRIX)) {
      if (check.kind !== 'list' && check.kind !== 'row') continue;
      if (check.kind === 'row' && !route.startsWith('GET')) continue;
      const req = check.req(ids);
      const res = await h.req(req.method, req.url, { cookie: cookies.lx_admin, body: req.body });
      expect(res.statusCode, route).toBe(200);
      if (check.kind === 'list') expect(check.leak(await bodyText(res), LIANGXI_SUBTREE), route).toBe(true);
    }
  });
});

import {
  COURSE_KIND_DEFAULTS,
  idCardCheckChar,
  shanghaiDate,
  type CourseKind,
  type TrainingSector,
  addDays,
  addMonths,
} from '@boai/contracts';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Tx } from '../../platform/db/client.ts';
import type { DemoSeed } from '../demo.ts';
import { commitTraineeImport } from './commit-trainee-import.ts';
import { createBase } from './create-base.ts';
import { createClass } from './create-class.ts';
import { createCourse } from './create-course.ts';
import { createInstructor } from './create-instructor.ts';
import { getClass } from './list-classes.ts';
import { issueCertificates } from './issue-certificates.ts';
import { previewTraineeImport } from './preview-trainee-import.ts';
import { recordResults } from './record-results.ts';
import { revokeCertificate } from './revoke-certificate.ts';
import { trainingCertificates } from './schema.ts';
import { signUp } from './sign-up.ts';
import { TRAINEE_COLUMNS } from './trainee-sheet.ts';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '晨',
  '雨婷',
  '子涵',
  '浩然',
  '思远',
  '欣怡',
  '宇轩',
  '梓萱',
  '俊杰',
  '文博',
  '佳怡',
  '一鸣',
  '若曦',
];

/** A deterministic, valid-looking but fictitious person: name, 身份证 (right check digit) and mobile. */
function person(i: number, region: string) {
  const name = SURNAMES[(i * 7) % SURNAMES.length]! + GIVEN[(i * 11) % GIVEN.length]!;
  const birth = `19${60 + (i % 40)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}`;
  const first17 = `${region}${birth}${String(100 + (i % 900)).padStart(3, '0')}`;
  return {
    name,
    idCard: first17 + idCardCheckChar(first17),
    mobile: `139${String(10_000_000 + i * 7919).slice(-8)}`,
  };
}

async function rosterFile(people: { name: string; idCard: string; mobile: string }[], employer: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学员名单');
  ws.addRow([...TRAINEE_COLUMNS]);
  for (const p of people) ws.addRow([p.name, p.idCard, p.mobile, employer]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/**
 * 应急救护 demo: the province's course catalogue, instructors and bases in 无锡 and 苏州, and classes at
 * several societies — completed ones with certificates (one class old enough that its certificates have
 * expired, one certificate revoked, one renewed by a 复训 class), an awareness session in a village and
 * classes still open for online sign-up.
 */
export async function seedDemoTraining(tx: Tx, seed: DemoSeed): Promise<void> {
  const { actor, pii, orgs } = seed;
  const today = shanghaiDate(new Date());
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

  const COURSE_NAMES: Record<CourseKind, string> = {
    awareness: '应急救护普及培训',
    first_aider: '救护员培训',
    junior: '初级救护员培训',
    cpr_aed: 'CPR+AED 培训',
    instructor: '救护师资培训',
    renewal: '救护员复训',
  };
  const courses: Partial<Record<CourseKind, number>> = {};
  for (const kind of Object.keys(COURSE_KIND_DEFAULTS) as CourseKind[]) {
    const rules = COURSE_KIND_DEFAULTS[kind];
    courses[kind] = (
      await createCourse(tx, actor, { orgId: orgs.province!, kind, name: COURSE_NAMES[kind], ...rules })
    ).id;
  }

  // A district's own variant: the same rules, taught to its sanitation workers in one day.
  await createCourse(tx, actor, {
    orgId: orgs.liangxi!,
    kind: 'first_aider',
    name: '梁溪区环卫工人救护员培训（一日班）',
    ...COURSE_KIND_DEFAULTS.first_aider,
    hours: 8,
  });

  const allKinds: CourseKind[] = ['awareness', 'first_aider', 'junior', 'cpr_aed', 'renewal'];
  const instructor = async (
    orgKey: string,
    name: string,
    level: 'junior' | 'intermediate' | 'senior',
    kinds: CourseKind[],
    mobile: string,
  ) =>
    (
      await createInstructor(tx, pii, actor, {
        orgId: orgs[orgKey]!,
        name,
        level,
        courseKinds: kinds,
        mobile,
        certNo: `SZ${mobile.slice(-6)}`,
        certValidUntil: addMonths(today, 24),
      })
    ).id;
  const huang = await instructor('wuxi', '黄立新', 'senior', [...allKinds, 'instructor'], '13706180001');
  const zhou = await instructor('liangxi', '周晓梅', 'intermediate', allKinds, '13706180002');
  const qian = await instructor('xishan', '钱国栋', 'junior', ['awareness', 'cpr_aed'], '13706180003');
  const shen = await instructor('suzhou', '沈雅琴', 'senior', [...allKinds, 'instructor'], '13706180004');

  const wuxiBase = (
    await createBase(tx, actor, {
      orgId: orgs.wuxi!,
      name: '无锡市红十字应急救护培训基地',
      address: '无锡市梁溪区解放南路 711 号',
      capacity: 60,
      equipment: [
        { name: '心肺复苏模拟人（成人）', quantity: 12 },
        { name: '心肺复苏模拟人（婴儿）', quantity: 4 },
        { name: 'AED 训练机', quantity: 8 },
        { name: '创伤包扎训练包', quantity: 30 },
      ],
    })
  ).id;
  const suzhouBase = (
    await createBase(tx, actor, {
      orgId: orgs.gusu!,
      name: '姑苏区红十字救护培训站',
      address: '苏州市姑苏区人民路 1688 号',
      capacity: 40,
      equipment: [
        { name: '心肺复苏模拟人（成人）', quantity: 8 },
        { name: 'AED 训练机', quantity: 4 },
      ],
    })
  ).id;

  await createBase(tx, actor, {
    orgId: orgs.liangxi!,
    name: '梁溪区崇安寺社区救护培训点',
    address: '无锡市梁溪区中山路 218 号社区服务中心三楼',
    capacity: 30,
    equipment: [
      { name: '心肺复苏模拟人（成人）', quantity: 6 },
      { name: 'AED 训练机', quantity: 2 },
    ],
  });

  let n = 0;
  const makeClass = async (o: {
    org: string;
    kind: CourseKind;
    title: string;
    sector: TrainingSector;
    startsAgo: number;
    base?: number;
    instructors: number[];
    capacity: number;
    publicSignup?: boolean;
    region: string;
    employer: string;
    people?: { name: string; idCard: string; mobile: string }[];
    size?: number;
  }) => {
    const startsOn = shanghaiDate(daysAgo(o.startsAgo));
    const cls = await createClass(tx, actor, {
      orgId: orgs[o.org]!,
      courseId: courses[o.kind]!,
      baseId: o.base ?? null,
      title: o.title,
      sector: o.sector,
      startsOn,
      endsOn: addDays(startsOn, o.kind === 'awareness' || o.kind === 'cpr_aed' ? 0 : 1),
      capacity: o.capacity,
      instructorIds: o.instructors,
      publicSignup: o.publicSignup ?? false,
      venue: null,
    });
    const people = o.people ?? Array.from({ length: o.size ?? 0 }, () => person(n++, o.region));
    if (people.length) {
      const preview = await previewTraineeImport(tx, pii, actor, cls.id, {
        fileName: `${o.title}-学员名单.xlsx`,
        contentBase64: await rosterFile(people, o.employer),
      });
      await commitTraineeImport(tx, pii, actor, preview.id, daysAgo(o.startsAgo + 3));
    }
    return { cls, people };
  };
  /** Results for a finished class: roughly one in eight fails (absent, or under the pass mark). */
  const finish = async (classId: number, issuedAgo: number) => {
    const detail = await getClass(tx, pii, actor, classId);
    const exam = detail.course;
    await recordResults(tx, pii, actor, classId, {
      results: detail.trainees.map((t, i) => ({
        traineeId: t.id,
        attended: i % 11 !== 5,
        theoryScore: exam.theoryPass === null ? null : i % 8 === 3 ? 62 : 80 + ((i * 7) % 20),
        practicalScore: exam.practicalPass === null ? null : 85 + ((i * 3) % 15),
      })),
    });
    return issueCertificates(tx, actor, classId, daysAgo(issuedAgo));
  };

  // Three and a half years ago: first-aider certificates (3-year term) that have since expired.
  const old = await makeClass({
    org: 'liangxi',
    kind: 'first_aider',
    title: '2023年梁溪区企业救护员培训班',
    sector: 'enterprise',
    startsAgo: 1290,
    base: wuxiBase,
    instructors: [huang, zhou],
    capacity: 40,
    region: '320213',
    employer: '无锡市梁溪区城市管理局',
    size: 16,
  });
  await finish(old.cls.id, 1288);
  // Almost three years ago: due for renewal (reminders go out), and some holders renewed this month.
  const mid = await makeClass({
    org: 'liangxi',
    kind: 'first_aider',
    title: '崇安寺街道社区救护员培训班',
    sector: 'community',
    startsAgo: 1060,
    base: wuxiBase,
    instructors: [zhou],
    capacity: 40,
    region: '320213',
    employer: '崇安寺街道五爱社区',
    size: 18,
  });
  await finish(mid.cls.id, 1058);
  const renewal = await makeClass({
    org: 'liangxi',
    kind: 'renewal',
    title: '梁溪区救护员复训班',
    sector: 'community',
    startsAgo: 20,
    base: wuxiBase,
    instructors: [zhou],
    capacity: 30,
    region: '320213',
    employer: '崇安寺街道五爱社区',
    people: mid.people.slice(0, 6),
  });
  await finish(renewal.cls.id, 18);
  // Recent classes at several societies.
  const school = await makeClass({
    org: 'donggang',
    kind: 'first_aider',
    title: '东港中学教职工救护员培训班',
    sector: 'school',
    startsAgo: 60,
    instructors: [huang],
    capacity: 50,
    region: '320205',
    employer: '无锡市东港中学',
    size: 24,
  });
  const schoolCerts = await finish(school.cls.id, 57);
  const village = await makeClass({
    org: 'xishan',
    kind: 'awareness',
    title: '锡山区农村应急救护普及讲座',
    sector: 'village',
    startsAgo: 30,
    instructors: [qian],
    capacity: 120,
    region: '320205',
    employer: '东港镇山联村',
    size: 40,
  });
  await finish(village.cls.id, 30);
  const gov = await makeClass({
    org: 'gusu',
    kind: 'cpr_aed',
    title: '姑苏区机关干部 CPR+AED 培训',
    sector: 'government',
    startsAgo: 45,
    base: suzhouBase,
    instructors: [shen],
    capacity: 40,
    region: '320508',
    employer: '苏州市姑苏区人民政府办公室',
    size: 20,
  });
  await finish(gov.cls.id, 44);
  await makeClass({
    org: 'wuzhong',
    kind: 'junior',
    title: '木渎镇企业初级救护员培训班（进行中）',
    sector: 'enterprise',
    startsAgo: 1,
    instructors: [shen],
    capacity: 30,
    region: '320506',
    employer: '苏州木渎旅游发展有限公司',
    size: 12,
  });

  // One certificate found to be issued in error.
  const wrong = schoolCerts.issued[2];
  if (wrong) {
    const [row] = await tx
      .select({ id: trainingCertificates.id })
      .from(trainingCertificates)
      .where(eq(trainingCertificates.number, wrong.number));
    await revokeCertificate(tx, pii, actor, row!.id, '学员实操考核记录有误，经复核不合格，证书作废');
  }

  // Open for online sign-up on the portal.
  const open = await makeClass({
    org: 'liangxi',
    kind: 'first_aider',
    title: '梁溪区市民救护员培训班（周末班）',
    sector: 'community',
    startsAgo: -14,
    base: wuxiBase,
    instructors: [huang, zhou],
    capacity: 40,
    publicSignup: true,
    region: '320213',
    employer: '',
  });
  for (let i = 0; i < 5; i++) {
    const p = person(900 + i, '320213');
    await signUp(tx, pii, open.cls.id, { name: p.name, mobile: p.mobile, idCard: p.idCard }, null);
  }
  await makeClass({
    org: 'gusu',
    kind: 'cpr_aed',
    title: '平江街道社区 CPR+AED 公益课',
    sector: 'community',
    startsAgo: -7,
    base: suzhouBase,
    instructors: [shen],
    capacity: 30,
    publicSignup: true,
    region: '320508',
    employer: '',
  });
}

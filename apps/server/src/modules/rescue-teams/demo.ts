import { shanghaiDate, type RescueMember, type RescueTeamType, addDays } from '@boai/contracts';
import type { Tx } from '../../platform/db/client.ts';
import type { DemoSeed } from '../demo.ts';
import { createEquipment } from './create-equipment.ts';
import { createMember } from './create-member.ts';
import { createShift } from './create-shift.ts';
import { createTeam } from './create-team.ts';
import { recordDeployment } from './record-deployment.ts';
import { recordDrill } from './record-drill.ts';
import { saveAssessment } from './save-assessment.ts';
import { setCriteria } from './set-criteria.ts';
import { mondayOf } from './week-roster.ts';

type TeamDef = [orgKey: string, name: string, type: RescueTeamType, foundedYearsAgo: number, base: string];
const TEAMS: TeamDef[] = [
  ['wuxi', '无锡市红十字水上救援队', 'water', 9, '无锡市滨湖区蠡湖大道 2008 号蠡湖水上救援基地'],
  ['wuxi', '无锡市红十字无人机救援队', 'drone', 5, '无锡市新吴区菱湖大道 111 号无锡软件园'],
  ['wuxi', '无锡市红十字心理救援队', 'psychological', 7, '无锡市梁溪区钱荣路 156 号无锡市精神卫生中心'],
  ['liangxi', '梁溪区红十字赈济救援队', 'relief', 8, '无锡市梁溪区学前街 168 号梁溪区应急物资储备库'],
  ['liangxi', '梁溪区红十字医疗救护队', 'medical', 6, '无锡市梁溪区兴源北路 68 号'],
  ['xishan', '锡山区红十字应急救援队', 'relief', 6, '无锡市锡山区东亭街道友谊北路 288 号'],
  ['jiangyin', '江阴市红十字长江水上救援队', 'water', 10, '江阴市澄江街道滨江西路 9 号黄田港'],
  ['wuzhong', '吴中区红十字太湖山地救援队', 'mountain', 4, '苏州市吴中区木渎镇穹窿山路 8 号'],
];

const SURNAMES =
  '王李张刘陈杨黄赵周吴徐孙朱马胡郭林何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '建国',
  '志强',
  '海波',
  '晓东',
  '丽华',
  '春燕',
  '永刚',
  '国平',
  '红梅',
  '文杰',
  '俊峰',
  '雪芳',
  '立新',
  '秀英',
  '振华',
  '明亮',
  '静怡',
  '伟民',
  '海燕',
  '卫东',
  '子豪',
  '佳琪',
  '宏伟',
  '玉兰',
];

/** Skills and certificates a member of each kind of team typically holds. */
const KIT: Record<RescueTeamType, { skills: string[]; cert: [string, string] }> = {
  water: {
    skills: ['水上救生', '冲锋舟驾驶', '抛绳救援', '心肺复苏'],
    cert: ['潜水员证', '中国潜水运动协会'],
  },
  drone: {
    skills: ['无人机航拍', '热成像搜索', '应急通信', '三维建模'],
    cert: ['民用无人机驾驶员执照', '中国民用航空局'],
  },
  psychological: {
    skills: ['心理疏导', '危机干预', '团体辅导', '哀伤辅导'],
    cert: ['心理咨询师证书', '江苏省心理卫生协会'],
  },
  relief: {
    skills: ['帐篷搭建', '物资搬运', '群众转移安置', '心肺复苏'],
    cert: ['应急救援员证', '江苏省应急管理厅'],
  },
  medical: {
    skills: ['创伤包扎', '心肺复苏', 'AED 使用', '伤员转运'],
    cert: ['执业医师资格证', '江苏省卫生健康委员会'],
  },
  mountain: {
    skills: ['绳索救援', '野外搜救', '攀岩', '野外急救'],
    cert: ['山地救援技术证书', '中国登山协会'],
  },
  other: { skills: ['心肺复苏'], cert: ['救护员证', '江苏省红十字会'] },
};

const EQUIPMENT: Record<RescueTeamType, [name: string, spec: string, quantity: number][]> = {
  water: [
    ['冲锋舟', '470 型橡皮艇，40 马力舷外机', 4],
    ['救生衣', '成人款 150N', 60],
    ['抛绳包', '20 米漂浮绳', 20],
    ['潜水装备', '12 L 气瓶全套', 6],
  ],
  drone: [
    ['多旋翼无人机', '大疆 M300 RTK', 3],
    ['热成像相机', '禅思 H20T', 2],
    ['无人机喊话器', 'MP130', 2],
    ['便携发电机', '3 kW 汽油', 1],
  ],
  psychological: [
    ['心理沙盘', '标准箱庭套装', 2],
    ['便携放松椅', '折叠式', 6],
  ],
  relief: [
    ['救灾帐篷', '12 m² 单帐篷', 40],
    ['发电机', '5 kW 柴油', 2],
    ['应急照明灯', '移动式升降', 6],
    ['折叠床', '军绿色', 80],
  ],
  medical: [
    ['AED', 'ZOLL AED Plus', 2],
    ['急救背囊', '综合型', 10],
    ['铲式担架', '铝合金', 4],
  ],
  mountain: [
    ['静力绳', '11 mm × 100 m', 8],
    ['卫星电话', '天通一号', 2],
    ['头灯', '1000 流明', 30],
  ],
  other: [],
};

const EVENTS: Partial<Record<RescueTeamType, [event: string, place: string, summary: string]>> = {
  water: [
    '强降雨太湖流域防汛抢险',
    '无锡市滨湖区马山街道沿太湖圩区',
    '转移受困群众 46 人，巡查圩堤 12 公里，协助加固险工段 2 处。',
  ],
  relief: [
    '台风过境群众转移安置',
    '无锡市新吴区旺庄街道临时安置点',
    '搭建帐篷 30 顶，发放家庭应急包 200 个，安置群众 180 人。',
  ],
  drone: [
    '太湖水域失联人员搜寻',
    '无锡市滨湖区太湖水域',
    '热成像夜间搜索 26 平方公里，为水上救援队提供定位 3 次。',
  ],
};

/**
 * Teams sent to the city's demo typhoon (disaster-events seeds it 12 days ago): 梁溪区's relief team back
 * after five days, 锡山区's still out. Each place is in the team's own district.
 */
const TYPHOON = [
  {
    team: '梁溪区红十字赈济救援队',
    startedAgo: 11,
    endedAgo: 7,
    location: '无锡市梁溪区扬名街道槐古新村临时安置点',
    summary:
      '协助社区转移低洼小区群众 420 人；在扬名街道安置点搭建帐篷 24 顶，发放家庭应急包 310 个、棉被 260 床，' +
      '安置点夜间轮流值守，台风过境后协助清淤 3 处。',
    hours: [62, 58.5, 56, 48, 44.5, 40, 36, 30],
  },
  {
    team: '锡山区红十字应急救援队',
    startedAgo: 10,
    endedAgo: null,
    location: '无锡市锡山区东港镇临时安置点',
    summary:
      '在东港镇临时安置点搭建单帐篷 40 顶，协助转移安置群众 680 人；持续开展安置点巡查、物资发放和群众心理安抚。',
    hours: [72, 66, 60, 54.5, 48, 40],
  },
];

/** [name, max score] of the city's yearly criteria, in weight order (total 100). */
const CRITERIA: [string, number][] = [
  ['队伍建设与管理', 20],
  ['装备管理', 15],
  ['值班备勤', 15],
  ['培训与演练', 20],
  ['应急响应与出队', 20],
  ['信息报送', 10],
];

/**
 * Eight teams across 无锡 and 苏州, each with members (a few certificates expired or expiring),
 * equipment, this week's duty roster, drills, a deployment for the water, relief and drone teams,
 * two teams sent to the demo typhoon, and the city's criteria with last year's assessment of the teams
 * below it. Dates are relative to today.
 */
export async function seedDemoRescueTeams(tx: Tx, seed: DemoSeed): Promise<void> {
  const today = shanghaiDate(new Date());
  const thisYear = Number(today.slice(0, 4));
  const actor = seed.actor;
  let person = 0;
  const teamIds: number[] = [];
  const crews = new Map<string, { id: number; members: RescueMember[] }>();
  for (const [t, [orgKey, name, type, years, base]] of TEAMS.entries()) {
    const orgId = seed.orgs[orgKey];
    if (!orgId) continue;
    const founded = addDays(today, -365 * years - t * 17);
    const size = 7 + (t % 4);
    const names = Array.from({ length: size }, () => {
      person++;
      return SURNAMES[(person * 7) % SURNAMES.length]! + GIVEN[(person * 5) % GIVEN.length]!;
    });
    const team = await createTeam(tx, seed.pii, actor, {
      orgId,
      name,
      type,
      foundedOn: founded,
      leaderName: names[0]!,
      contactPhone: `139${String(61_200_000 + t * 1_117).slice(0, 8)}`,
      baseAddress: base,
    });
    teamIds.push(team.id);
    const kit = KIT[type];
    const members: RescueMember[] = [];
    for (const [i, memberName] of names.entries()) {
      // Certificates: most valid for years; member 3 of each team has one just expired, member 5 one expiring soon.
      const expires =
        i === 3 ? addDays(today, -20 - t) : i === 5 ? addDays(today, 30 + t) : addDays(today, 400 + i * 90);
      members.push(
        await createMember(tx, seed.pii, actor, team.id, {
          name: memberName,
          gender: (i + t) % 3 === 0 ? 'female' : 'male',
          phone: `138${String(10_000_000 + person * 7_919 + i * 131).slice(0, 8)}`,
          role: i === 0 ? 'leader' : i === 1 ? 'deputy' : 'member',
          joinedOn: addDays(founded, i * 45),
          skills: kit.skills.slice(0, 2 + (i % 3)),
          certificates: [
            {
              name: '救护员证',
              number: `JS${thisYear - 2}${String(10_000 + person * 13 + i).padStart(6, '0')}`,
              issuer: '江苏省红十字会',
              expiresOn: expires,
            },
            ...(i % 2 === 0
              ? [
                  {
                    name: kit.cert[0],
                    number: `C-${String(200_000 + person * 31 + i)}`,
                    issuer: kit.cert[1],
                    expiresOn: null,
                  },
                ]
              : []),
          ],
        }),
      );
    }
    for (const [k, [item, spec, quantity]] of EQUIPMENT[type].entries())
      await createEquipment(tx, actor, team.id, {
        name: item,
        spec,
        quantity,
        condition: k === 2 && t % 2 === 0 ? 'repair' : 'good',
        lastCheckedOn: k === 1 ? addDays(today, -150) : addDays(today, -(10 + k * 7)),
        notes: null,
      });

    // This week's roster: day and night shifts for the water teams, all-day standby for the others.
    const monday = mondayOf(today);
    for (let d = 0; d < 7; d++) {
      const day = addDays(monday, d);
      const on = (n: number) => [
        members[(d + n) % members.length]!.id,
        members[(d + n + 1) % members.length]!.id,
      ];
      if (type === 'water') {
        await createShift(tx, actor, team.id, {
          dutyDate: day,
          allDay: false,
          startTime: '08:00',
          endTime: '20:00',
          standbyLevel: 'level1',
          memberIds: on(0),
          notes: null,
        });
        await createShift(tx, actor, team.id, {
          dutyDate: day,
          allDay: false,
          startTime: '20:00',
          endTime: '08:00',
          standbyLevel: 'level2',
          memberIds: on(3),
          notes: '夜间值守',
        });
      } else if (d % 2 === 0) {
        await createShift(tx, actor, team.id, {
          dutyDate: day,
          allDay: true,
          standbyLevel: 'level3',
          memberIds: on(0),
          notes: null,
        });
      }
    }

    for (let k = 0; k < 2; k++)
      await recordDrill(tx, actor, team.id, {
        heldOn: addDays(today, -(30 + k * 120 + t * 3)),
        subject: k === 0 ? `${kit.skills[0]}专项演练` : '汛期综合应急拉练',
        location: base,
        hours: k === 0 ? 3 : 6.5,
        memberIds: members.slice(0, members.length - k).map((m) => m.id),
        notes: k === 0 ? '按预案完成集结、处置、撤收全流程，用时符合要求。' : null,
      });

    crews.set(name, { id: team.id, members });
    const event = EVENTS[type];
    if (event) {
      const startedOn = addDays(today, -(60 + t * 11));
      await recordDeployment(tx, actor, team.id, {
        eventId: null,
        eventName: event[0],
        startedOn,
        endedOn: addDays(startedOn, 2),
        location: event[1],
        summary: event[2],
        members: members
          .slice(0, 6)
          .map((m, i) => ({ memberId: m.id, hours: [30, 28.5, 24, 20, 16, 12.5][i]! })),
      });
    }
  }

  const typhoon = seed.disasterEvents?.typhoon;
  for (const d of TYPHOON) {
    const crew = crews.get(d.team);
    if (!typhoon || !crew) continue;
    await recordDeployment(tx, actor, crew.id, {
      eventId: typhoon,
      eventName: '', // the event's own name is recorded
      startedOn: addDays(today, -d.startedAgo),
      endedOn: d.endedAgo === null ? null : addDays(today, -d.endedAgo),
      location: d.location,
      summary: d.summary,
      members: d.hours.map((h, i) => ({ memberId: crew.members[i]!.id, hours: h })),
    });
  }

  // The city sets its criteria each year and assessed last year the teams of its subtree.
  const wuxi = seed.orgs.wuxi;
  if (!wuxi) return;
  const criteria = CRITERIA.map(([name, maxScore]) => ({ name, maxScore }));
  const lastYear = await setCriteria(tx, actor, { orgId: wuxi, year: thisYear - 1, criteria });
  await setCriteria(tx, actor, { orgId: wuxi, year: thisYear, criteria });
  const marks = [0.95, 0.82, 0.9, 0.7, 0.55, 0.78];
  for (const [i, teamId] of teamIds.slice(0, 6).entries())
    await saveAssessment(tx, actor, teamId, thisYear - 1, {
      assessorOrgId: wuxi,
      scores: lastYear.criteria.map((c, k) => ({
        criterionId: c.id,
        score: Math.min(c.maxScore, Math.round(c.maxScore * marks[i]! + ((k % 2) - 0.5))),
        note: null,
      })),
      comment: i === 4 ? '值班备勤不落实，限期整改。' : null,
      // One assessment left in progress, as happens at year end.
      finalize: i !== 5,
    });
}

import { shanghaiDate, type TrainingSector, addDays } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { DemoSeed } from '../demo.ts';
import { createClass } from './create-class.ts';
import { trainingClasses, trainingCourses, trainingTrainees } from './schema.ts';
import { setTarget } from './set-target.ts';

/** Registered populations (户籍 and resident, rounded) of the demo societies' areas. */
const POPULATION: Record<string, number> = {
  province: 85_260_000,
  wuxi: 7_490_000,
  liangxi: 960_000,
  xishan: 720_000,
  jiangyin: 1_790_000,
  suzhou: 12_950_000,
  gusu: 950_000,
  wuzhong: 1_400_000,
};

/** This year's awareness talks (普及培训) across 梁溪区's subtree: [society, sector, month, people]. */
const TALKS: [string, TrainingSector, number, number][] = [
  ['liangxi', 'government', 3, 120],
  ['chonganshi', 'community', 4, 85],
  ['guangyi', 'school', 5, 160],
  ['wuxi-hospital', 'enterprise', 6, 60],
  ['chonganshi', 'community', 8, 140],
  ['guangyi', 'village', 9, 45],
  ['liangxi', 'enterprise', 10, 210],
  ['chonganshi', 'school', 11, 95],
];

/**
 * This year's targets as the seeds set them: 0.3 % of the population certified and 3 % reached, at
 * every level down to the districts; one street sets plain counts, as small units do. Then a year of
 * awareness talks in 梁溪区, so the progress page has months and sectors to show. A talk's attendance
 * sheet lists names only (no 身份证 is taken at a public talk).
 */
export async function seedDemoTargets(tx: Tx, seed: DemoSeed): Promise<void> {
  const today = shanghaiDate(new Date());
  const year = Number(today.slice(0, 4));
  for (const [key, population] of Object.entries(POPULATION)) {
    const orgId = seed.orgs[key];
    if (!orgId) continue;
    await setTarget(tx, seed.actor, { orgId, year, basis: 'share', population, certified: 30, reached: 300 });
  }
  if (seed.orgs.chonganshi)
    await setTarget(tx, seed.actor, {
      orgId: seed.orgs.chonganshi,
      year,
      basis: 'count',
      population: null,
      certified: 60,
      reached: 600,
    });

  const [course] = await tx
    .select({ id: trainingCourses.id })
    .from(trainingCourses)
    .where(and(eq(trainingCourses.kind, 'awareness'), eq(trainingCourses.orgId, seed.orgs.province!)));
  if (!course) return;
  let n = 0;
  for (const [key, sector, month, people] of TALKS) {
    const day = `${year}-${String(month).padStart(2, '0')}-15`;
    if (day >= today || !seed.orgs[key]) continue;
    const cls = await createClass(tx, seed.actor, {
      orgId: seed.orgs[key],
      courseId: course.id,
      baseId: null,
      title: `${month}月应急救护普及讲座`,
      sector,
      startsOn: day,
      endsOn: addDays(day, 0),
      capacity: people + 20,
      instructorIds: [],
      publicSignup: false,
      venue: null,
    });
    await tx.insert(trainingTrainees).values(
      Array.from({ length: people }, (_, i) => ({
        orgId: cls.orgId,
        classId: cls.id,
        name: `听众${++n}`,
        source: 'import',
        // One in ten signed up and did not come.
        attended: i % 10 !== 9,
        result: i % 10 !== 9 ? 'passed' : 'failed',
      })),
    );
    await tx.update(trainingClasses).set({ status: 'completed' }).where(eq(trainingClasses.id, cls.id));
  }
}

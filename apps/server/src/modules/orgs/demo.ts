import type { OrgLevel } from '@boai/contracts';
import type { Tx } from '../../platform/db/client.ts';
import type { DemoSeed } from '../demo.ts';
import { createOrg, createRootOrg } from './create-org.ts';

type Node = [key: string, name: string, level: OrgLevel, regionCode: string | null, children?: Node[]];

/** A province with two cities, their districts, streets/towns and grassroots units (hospital, school, community). */
const TREE: Node = [
  'province',
  '江苏省红十字会',
  'province',
  '320000',
  [
    [
      'wuxi',
      '无锡市红十字会',
      'city',
      '320200',
      [
        [
          'liangxi',
          '梁溪区红十字会',
          'county',
          '320213',
          [
            [
              'chonganshi',
              '崇安寺街道红十字会',
              'town',
              null,
              [['chonganshi-community', '崇安寺街道五爱社区红十字会', 'grassroots', null]],
            ],
            ['guangyi', '广益街道红十字会', 'town', null],
            ['wuxi-hospital', '无锡市第二人民医院红十字会', 'grassroots', null],
          ],
        ],
        [
          'xishan',
          '锡山区红十字会',
          'county',
          '320205',
          [
            [
              'donggang',
              '东港镇红十字会',
              'town',
              null,
              [['donggang-school', '东港中学红十字会', 'grassroots', null]],
            ],
            ['anzhen', '安镇街道红十字会', 'town', null],
          ],
        ],
        [
          'jiangyin',
          '江阴市红十字会',
          'county',
          '320281',
          [['chengjiang', '澄江街道红十字会', 'town', null]],
        ],
      ],
    ],
    [
      'suzhou',
      '苏州市红十字会',
      'city',
      '320500',
      [
        ['gusu', '姑苏区红十字会', 'county', '320508', [['pingjiang', '平江街道红十字会', 'town', null]]],
        ['wuzhong', '吴中区红十字会', 'county', '320506', [['mudu', '木渎镇红十字会', 'town', null]]],
      ],
    ],
  ],
];

export async function seedDemoOrgs(tx: Tx, seed: DemoSeed): Promise<void> {
  const [key, name, level, regionCode, children] = TREE;
  const root = await createRootOrg(tx, seed.actor, { name, level, regionCode, uscc: null });
  seed.orgs[key] = root.id;
  const walk = async (parentId: number, nodes: Node[] = []) => {
    for (const [k, n, l, rc, kids] of nodes) {
      const org = await createOrg(tx, seed.actor, {
        parentId,
        name: n,
        level: l,
        regionCode: rc,
        uscc: null,
      });
      seed.orgs[k] = org.id;
      await walk(org.id, kids);
    }
  };
  await walk(root.id, children);
}

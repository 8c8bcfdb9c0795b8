import { COUNTY, TOWNSHIPS } from '@common/domain/county';
import type { LngLat } from '@common/schemas/common';
import type { Enterprise, Sector } from '@common/schemas/enterprise';
import type { RescueTeam, TeamStatus, TeamType } from '@common/schemas/rescue-team';
import { townshipDepartmentId } from './departments';
import { fakeLandline, near, pad, round6, township } from './naming';
import type { Rng } from './prng';

// Rescue forces of the demo county (fictional): the fire brigade's stations and town teams,
// professional hazmat / mine / medical / power teams, enterprise teams and social teams.

type TeamSeed = Omit<RescueTeam, 'location' | 'status'> & { status?: TeamStatus; location?: LngLat };

/** Where the demo incidents are, so the teams sent there stand near them. */
export type TeamScene = { fire?: LngLat; crash?: LngLat };

/** The first enterprise of a sector (in the township asked for, if any) that has no team yet. */
function enterpriseOf(
  enterprises: ReadonlyArray<Enterprise>,
  sector: Sector,
  taken: ReadonlySet<string>,
  preferTownship?: string,
): Enterprise | undefined {
  const free = (e: Enterprise) => e.sector === sector && !taken.has(e.id);
  return (
    enterprises.find((e) => free(e) && (preferTownship === undefined || e.townshipCode === preferTownship)) ??
    enterprises.find(free)
  );
}

function coreTeams(rng: Rng, enterprises: ReadonlyArray<Enterprise>, scene: TeamScene): Array<TeamSeed> {
  const seat = COUNTY.seat;
  const t = (code: string) => township(code as (typeof TOWNSHIPS)[number]['code']).center;
  const teams: Array<TeamSeed> = [
    {
      id: 'team-fire-changan',
      name: '融安县消防救援大队长安站',
      type: 'fire_station',
      departmentId: 'fire-rescue',
      headcount: 28,
      equipment: ['水罐消防车×2', '抢险救援车', '举高喷射消防车', '破拆工具组', '正压式空气呼吸器×20'],
      base: seat,
      phone: fakeLandline(119),
      ...(scene.fire ? { status: 'on_scene' as const, location: scene.fire } : {}),
    },
    {
      id: 'team-fire-fushi',
      name: '浮石镇专职消防队',
      type: 'fire_station',
      departmentId: 'fire-rescue',
      headcount: 12,
      equipment: ['水罐消防车', '手抬机动泵', '救生绳索'],
      base: t('450224101'),
      phone: fakeLandline(301),
    },
    {
      id: 'team-fire-siding',
      name: '泗顶镇专职消防队',
      type: 'fire_station',
      departmentId: 'fire-rescue',
      headcount: 10,
      equipment: ['水罐消防车', '破拆工具组'],
      base: t('450224102'),
      phone: fakeLandline(307),
    },
    {
      id: 'team-fire-dajiang',
      name: '大将镇专职消防队',
      type: 'fire_station',
      departmentId: 'fire-rescue',
      headcount: 10,
      equipment: ['水罐消防车', '液压破拆工具'],
      base: t('450224200'),
      phone: fakeLandline(308),
      ...(scene.crash
        ? {
            status: 'en_route' as const,
            location: {
              lng: round6((t('450224200').lng + scene.crash.lng) / 2),
              lat: round6((t('450224200').lat + scene.crash.lat) / 2),
            },
          }
        : {}),
    },
    {
      id: 'team-fire-banlan',
      name: '板榄镇政府专职消防队',
      type: 'fire_station',
      departmentId: 'fire-rescue',
      headcount: 8,
      equipment: ['小型水罐消防车', '灭火器材'],
      base: t('450224103'),
      phone: fakeLandline(309),
    },
    {
      id: 'team-forest-fire',
      name: '融安县森林消防专业队',
      type: 'fire_station',
      departmentId: 'command-center',
      headcount: 30,
      equipment: ['风力灭火机×12', '以水灭火装备', '无人机', '卫星电话'],
      base: near(rng, seat, 0.02),
      phone: fakeLandline(310),
    },
    {
      id: 'team-hazmat',
      name: '县危险化学品应急救援队',
      type: 'hazmat',
      departmentId: 'fire-rescue',
      headcount: 16,
      equipment: ['重型防化服×8', '有毒气体检测仪', '堵漏器材', '洗消帐篷', '输转泵'],
      base: near(rng, seat, 0.01),
      phone: fakeLandline(302),
    },
    {
      id: 'team-mine',
      name: '泗顶矿山救护队',
      type: 'mine_rescue',
      departmentId: 'command-center',
      headcount: 20,
      equipment: ['正压氧气呼吸器×15', '多功能气体检测仪', '排水泵', '生命探测仪'],
      base: t('450224102'),
      phone: fakeLandline(303),
    },
    {
      id: 'team-120-county',
      name: '县人民医院120急救分站',
      type: 'medical',
      departmentId: 'health',
      headcount: 18,
      equipment: ['负压救护车×2', '救护车×2', '除颤仪', '批量伤员急救包'],
      base: near(rng, seat, 0.008),
      phone: fakeLandline(120),
    },
    {
      id: 'team-120-tcm',
      name: '县中医医院120急救分站',
      type: 'medical',
      departmentId: 'health',
      headcount: 10,
      equipment: ['救护车×2', '除颤仪'],
      base: near(rng, seat, 0.008),
      phone: fakeLandline(304),
      status: 'dispatched',
    },
    {
      id: 'team-120-fushi',
      name: '浮石镇卫生院急救点',
      type: 'medical',
      departmentId: 'health',
      headcount: 6,
      equipment: ['救护车'],
      base: near(rng, t('450224101'), 0.005),
      phone: fakeLandline(311),
    },
    {
      id: 'team-power',
      name: '融安供电抢修队',
      type: 'power',
      departmentId: 'power-supply',
      headcount: 15,
      equipment: ['应急发电车', '抢修工程车', '绝缘斗臂车'],
      base: near(rng, seat, 0.01),
      phone: fakeLandline(305),
    },
    {
      id: 'team-power-north',
      name: '供电大将片区抢修班',
      type: 'power',
      departmentId: 'power-supply',
      headcount: 8,
      equipment: ['抢修工程车', '移动发电机'],
      base: near(rng, t('450224200'), 0.005),
      phone: fakeLandline(312),
      status: 'unavailable',
    },
    {
      id: 'team-volunteer',
      name: '融安蓝天救援队（社会力量）',
      type: 'social',
      departmentId: 'command-center',
      headcount: 25,
      equipment: ['冲锋舟×2', '无人机', '救生衣×30', '绳索救援装备'],
      base: near(rng, seat, 0.01),
      phone: fakeLandline(306),
    },
    {
      id: 'team-red-cross',
      name: '融安县红十字应急救护队（社会力量）',
      type: 'social',
      departmentId: 'health',
      headcount: 20,
      equipment: ['急救包×20', '担架×6', '帐篷'],
      base: near(rng, seat, 0.01),
      phone: fakeLandline(313),
    },
    {
      id: 'team-water-rescue',
      name: '融江水上救援志愿队（社会力量）',
      type: 'social',
      departmentId: 'command-center',
      headcount: 14,
      equipment: ['冲锋舟', '救生圈×20', '水下探测仪'],
      base: { lng: 109.405, lat: 25.215 },
      phone: fakeLandline(314),
    },
    {
      id: 'team-militia',
      name: '县民兵应急排（防汛抢险）',
      type: 'social',
      departmentId: 'water-resources',
      headcount: 36,
      equipment: ['沙袋', '抽水泵×4', '照明灯组', '冲锋舟'],
      base: near(rng, seat, 0.015),
      phone: fakeLandline(315),
    },
    {
      id: 'team-volunteer-dapo',
      name: '大坡乡应急救援志愿队',
      type: 'social',
      departmentId: townshipDepartmentId('450224203'),
      headcount: 12,
      equipment: ['灭火器', '担架', '油锯'],
      base: t('450224203'),
      phone: fakeLandline(316),
    },
    {
      id: 'team-volunteer-tantou',
      name: '潭头乡应急救援志愿队',
      type: 'social',
      departmentId: townshipDepartmentId('450224207'),
      headcount: 10,
      equipment: ['灭火器', '担架', '救生衣'],
      base: t('450224207'),
      phone: fakeLandline(317),
    },
  ];
  // enterprise teams, based at their enterprise
  const enterpriseTeams: Array<[Sector, string, TeamType, number, Array<string>, string?]> = [
    ['hazchem_production', '专职消防队', 'enterprise', 18, ['泡沫消防车', '防化服×6', '堵漏器材']],
    ['non_coal_mine', '兼职矿山救护队', 'mine_rescue', 12, ['氧气呼吸器×8', '气体检测仪'], '450224102'],
    ['non_coal_mine', '应急救援小队', 'enterprise', 8, ['排水泵', '担架']],
    ['lpg_depot', '应急处置班', 'enterprise', 6, ['堵漏工具', '可燃气体检测仪', '水幕水带']],
    ['hydropower', '防汛抢险班', 'enterprise', 8, ['救生衣×10', '抽水泵']],
    ['wood_processing', '义务消防队', 'enterprise', 15, ['消防水枪', '灭火器×40'], '450224100'],
  ];
  const taken = new Set<string>();
  for (const [sector, suffix, type, headcount, equipment, prefer] of enterpriseTeams) {
    const e = enterpriseOf(enterprises, sector, taken, prefer);
    if (!e) continue;
    taken.add(e.id);
    teams.push({
      id: `team-ent-${e.id}`,
      name: `${e.name}${suffix}`,
      type,
      departmentId: 'command-center',
      headcount,
      equipment,
      base: e.location,
      phone: e.contacts[0]?.phone ?? '',
    });
  }
  return teams;
}

const EXTRA_TYPES: ReadonlyArray<readonly [TeamType, number]> = [
  ['fire_station', 3],
  ['medical', 2],
  ['enterprise', 4],
  ['social', 4],
  ['power', 1],
  ['hazmat', 1],
];

/**
 * About 25 teams for the demo; a larger `count` (benchmarks) adds town and enterprise teams,
 * a few of them on the move.
 */
export function generateTeams(
  rng: Rng,
  enterprises: ReadonlyArray<Enterprise>,
  count: number,
  scene: TeamScene,
): Array<RescueTeam> {
  const teams = coreTeams(rng, enterprises, scene);
  const width = Math.max(4, String(count).length);
  for (let i = teams.length; i < count; i++) {
    const t = rng.pick(TOWNSHIPS);
    const type = rng.weighted(EXTRA_TYPES);
    const base = near(rng, t.center, 0.03);
    const status = rng.weighted<TeamStatus>([
      ['available', 40],
      ['dispatched', 2],
      ['en_route', 2],
      ['on_scene', 2],
      ['returning', 1],
      ['unavailable', 1],
    ]);
    teams.push({
      id: `team-${pad(i + 1, width)}`,
      name: `${t.nameZh}应急救援队（${pad(i + 1, width)}）`,
      type,
      departmentId: type === 'medical' ? 'health' : type === 'power' ? 'power-supply' : townshipDepartmentId(t.code),
      headcount: rng.int(6, 30),
      equipment: ['灭火器', '担架', '对讲机'],
      base,
      status,
      location: status === 'available' || status === 'unavailable' ? base : near(rng, base, 0.02),
      phone: fakeLandline(400 + (i % 600)),
    });
  }
  return teams
    .slice(0, Math.max(count, 0))
    .map((t) => ({ ...t, status: t.status ?? 'available', location: t.location ?? t.base }));
}

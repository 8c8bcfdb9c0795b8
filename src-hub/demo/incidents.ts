import { ulid } from 'ulid';
import { COUNTY } from '@common/domain/county';
import type { CommandPayload } from '@common/protocol/commands';
import type { Enterprise } from '@common/schemas/enterprise';
import { fakeMobile, near, personName, township } from './naming';
import type { Rng } from './prng';

export type DemoIncident = {
  payload: CommandPayload<'incident.report'>;
  notes: Array<{ noteId: string; text: string; minutesAfter: number }>;
};

/**
 * The three demo incidents (one a drill), minutes before `now`: a fire at a wood mill in the
 * county seat, a crash on the county road at 大将, and a mine-flood drill at 泗顶.
 * NOTE: the e2e tests rely on there being exactly these three, one of them a drill.
 */
export function generateIncidents(rng: Rng, enterprises: ReadonlyArray<Enterprise>, now: number): Array<DemoIncident> {
  const iso = (minutesAgo: number): string => new Date(now - minutesAgo * 60_000).toISOString();
  const id = (minutesAgo: number): string => ulid(now - minutesAgo * 60_000, () => rng.next());
  const wood =
    enterprises.find((e) => e.sector === 'wood_processing' && e.townshipCode === '450224100') ??
    enterprises.find((e) => e.sector === 'wood_processing') ??
    enterprises[0];
  const mine =
    enterprises.find((e) => e.sector === 'non_coal_mine' && e.townshipCode === '450224102') ??
    enterprises.find((e) => e.sector === 'non_coal_mine') ??
    enterprises[0];
  const dajiang = township('450224200');
  const incidents: Array<DemoIncident> = [
    {
      payload: {
        incidentId: id(42),
        mode: 'real',
        report: {
          title: `${wood?.name ?? '某木业公司'}车间火灾`,
          category: 'fire',
          source: 'transfer_119',
          occurredAt: iso(45),
          location: wood?.location ?? COUNTY.seat,
          townshipCode: wood?.townshipCode ?? '450224100',
          ...(wood ? { enterpriseId: wood.id } : {}),
          casualties: { deaths: 0, seriousInjuries: 0, injured: 1, missing: 0, trapped: 0 },
          directLossWan: 30,
          hazmat: '',
          description: '热压车间起火，浓烟较大，一名工人手部烧伤，已自行撤离。（演示数据，虚构）',
          reporterName: personName(rng),
          reporterPhone: fakeMobile(rng),
        },
      },
      notes: [{ noteId: id(40), text: '长安站两车已出动，预计10分钟到场。', minutesAfter: 3 }],
    },
    {
      payload: {
        incidentId: id(20),
        mode: 'real',
        report: {
          title: '县道大将镇路段货车与面包车相撞',
          category: 'vehicle',
          source: 'transfer_110',
          occurredAt: iso(22),
          location: near(rng, dajiang.center, 0.02),
          townshipCode: dajiang.code,
          casualties: { deaths: 0, seriousInjuries: 1, injured: 3, missing: 0, trapped: 1 },
          directLossWan: 12,
          hazmat: '',
          description: '一人被困驾驶室，需破拆。（演示数据，虚构）',
          reporterName: personName(rng),
          reporterPhone: fakeMobile(rng),
        },
      },
      notes: [],
    },
    {
      payload: {
        incidentId: id(10),
        mode: 'drill',
        drillId: 'drill-demo-mine-flood',
        report: {
          title: '【演练】泗顶矿区井下透水事故',
          category: 'water_inrush',
          source: 'enterprise_report',
          occurredAt: iso(10),
          location: mine?.location ?? township('450224102').center,
          townshipCode: mine?.townshipCode ?? '450224102',
          ...(mine ? { enterpriseId: mine.id } : {}),
          casualties: { deaths: 0, seriousInjuries: 0, injured: 0, missing: 0, trapped: 4 },
          directLossWan: 0,
          hazmat: '',
          description: '演练：-120 m 中段透水，4人被困。此为演练，非真实事件。',
          reporterName: personName(rng),
          reporterPhone: fakeMobile(rng),
        },
      },
      notes: [],
    },
  ];
  return incidents;
}

import { TOWNSHIPS } from '@common/domain/county';
import type { Department } from '@common/schemas/department';

/** Linkage partners of the county (DOMAIN.md), with slug ids. Duty phones are fictional. */
const COUNTY_DEPARTMENTS: ReadonlyArray<Omit<Department, 'dutyPhone'>> = [
  {
    id: 'command-center',
    name: '融安县应急管理局',
    nameEn: 'County Emergency Management Bureau',
    kind: 'command_center',
  },
  { id: 'fire-rescue', name: '融安县消防救援大队', nameEn: 'Fire and Rescue Brigade', kind: 'fire_rescue' },
  {
    id: 'public-security',
    name: '融安县公安局（交警大队）',
    nameEn: 'Public Security Bureau (Traffic Police)',
    kind: 'public_security',
  },
  {
    id: 'health',
    name: '融安县卫生健康局（120急救中心）',
    nameEn: 'Health Bureau (120 Emergency Centre)',
    kind: 'health',
  },
  {
    id: 'ecology-environment',
    name: '融安县生态环境局',
    nameEn: 'Ecology and Environment Bureau',
    kind: 'ecology_environment',
  },
  { id: 'transport', name: '融安县交通运输局', nameEn: 'Transport Bureau', kind: 'transport' },
  {
    id: 'housing-construction',
    name: '融安县住房和城乡建设局',
    nameEn: 'Housing and Construction Bureau',
    kind: 'housing_construction',
  },
  {
    id: 'market-regulation',
    name: '融安县市场监督管理局',
    nameEn: 'Market Regulation Bureau (special equipment)',
    kind: 'market_regulation',
  },
  { id: 'natural-resources', name: '融安县自然资源局', nameEn: 'Natural Resources Bureau', kind: 'natural_resources' },
  { id: 'water-resources', name: '融安县水利局', nameEn: 'Water Resources Bureau', kind: 'water_resources' },
  { id: 'meteorology', name: '融安县气象局', nameEn: 'Meteorological Bureau', kind: 'meteorology' },
  { id: 'power-supply', name: '融安供电公司', nameEn: 'Power Supply Company', kind: 'power_supply' },
  { id: 'telecom', name: '融安县通信保障（各运营商）', nameEn: 'Telecom Operators', kind: 'telecom' },
  {
    id: 'publicity',
    name: '中共融安县委宣传部',
    nameEn: 'Publicity Department (information release)',
    kind: 'publicity',
  },
];

export function townshipDepartmentId(code: string): string {
  return `township-${code}`;
}

export function demoDepartments(): Array<Department> {
  const county = COUNTY_DEPARTMENTS.map((d, i) => ({ ...d, dutyPhone: `0772-0000${String(100 + i)}` }));
  const townships = TOWNSHIPS.map((t, i): Department => ({
    id: townshipDepartmentId(t.code),
    name: `${t.nameZh}人民政府`,
    nameEn: `${t.nameEn} ${t.nameZh.endsWith('乡') ? 'Township' : 'Town'} Government`,
    kind: 'township',
    townshipCode: t.code,
    dutyPhone: `0772-0000${String(200 + i)}`,
  }));
  return [...county, ...townships];
}

import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { deflateSync } from 'node:zlib';
import { ulid } from 'ulid';
import { IncidentSchema } from '@common/schemas/incident';
import { LinkageActionSchema } from '@common/schemas/linkage-action';
import {
  incidentDocx,
  incidentDocxName,
  officialTime,
  timelineRows,
} from '../../../src-renderer/src/features/incidents/export/incident-document';
import type { IncidentDocumentData } from '../../../src-renderer/src/features/incidents/export/incident-document';

const at = (minutes: number) => new Date(Date.parse('2026-03-14T15:30:00Z') + minutes * 60_000).toISOString();

/** A real (tiny) PNG: 2×1 pixels, so the image part is a valid picture, not a stub. */
function tinyPng(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.from([0, 255, 0, 0, 0, 0, 255]);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

const incident = IncidentSchema.parse({
  id: ulid(),
  title: '融信板材厂车间火灾',
  category: 'fire',
  source: 'enterprise_report',
  occurredAt: at(0),
  location: { lng: 109.41234, lat: 25.22345 },
  townshipCode: '450224100',
  enterpriseId: 'ent-1',
  casualties: { deaths: 3, seriousInjuries: 2, injured: 7, missing: 1, trapped: 4 },
  directLossWan: 1200.5,
  hazmat: '甲醛',
  description: '车间干燥线起火，火势蔓延至仓库。',
  reporterName: '王五',
  reporterPhone: '13800000000',
  mode: 'real',
  state: 'responding',
  level: 3,
  reportedAt: at(5),
  reportedBy: '张敏',
  updatedAt: at(40),
  noteCount: 1,
  lastSeq: 9,
  grade: 'larger',
  gradeHistory: [
    { grade: 'general', at: at(5), seq: 1 },
    { grade: 'larger', at: at(30), seq: 7 },
  ],
  levelHistory: [
    { level: 4, at: at(15), seq: 3, by: '张敏', reason: '' },
    { level: 3, at: at(35), seq: 8, by: '李强', reason: '死亡3人，升级响应' },
  ],
  reports: [{ recipientLevel: 'county', recipient: '融安县应急管理局', reportedAt: at(20), by: '张敏', seq: 5 }],
  stateHistory: [
    { state: 'reported', at: at(5), seq: 1, by: '张敏', workstation: '值班一席' },
    { state: 'verified', at: at(10), seq: 2, by: '张敏', workstation: '值班一席' },
    { state: 'responding', at: at(15), seq: 3, by: '张敏', workstation: '值班一席' },
  ],
});

const order = LinkageActionSchema.parse({
  id: ulid(),
  incidentId: incident.id,
  mode: 'real',
  departmentId: 'fire-rescue',
  task: '出动两车灭火',
  state: 'signed',
  sentAt: at(16),
  sentBy: '张敏',
  signDeadline: at(26),
  signedAt: at(18),
  signedBy: '赵六',
  overdueLevel: 0,
  feedback: [],
  history: [
    { state: 'sent', at: at(16), seq: 4, by: '张敏', workstation: '值班一席' },
    { state: 'signed', at: at(18), seq: 9, by: '赵六', workstation: '消防席' },
  ],
  updatedAt: at(18),
  lastSeq: 9,
});

const data: IncidentDocumentData = {
  incident,
  enterprise: {
    name: '融安县融信板材有限公司',
    creditCode: '91450224MA5L000000',
    address: '长安镇工业园',
    sector: 'wood_processing',
  },
  notes: [
    {
      id: ulid(),
      incidentId: incident.id,
      text: '现场风向东南，疏散下风向住户',
      at: at(25),
      by: 'duty',
      byName: '张敏',
      workstation: '值班一席',
      seq: 6,
    },
  ],
  orders: [order],
  departments: [{ id: 'fire-rescue', name: '融安县消防救援大队' }],
  reportingUnit: '融安县应急管理局',
  reporter: '张敏',
  reporterPhone: '0772-8000000',
  reportTime: at(45),
  map: { png: tinyPng(), width: 2, height: 1 },
};

async function textOf(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return value;
}

describe('incident documents (.docx), read back with mammoth', () => {
  it('事故信息快报 carries the Art. 12 content: unit, time and place, account, casualties and loss, grade, measures, reporter', async () => {
    const bytes = await incidentDocx('express', data);
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    const text = await textOf(bytes);
    for (const expected of [
      '事故信息快报',
      '融安县融信板材有限公司',
      '91450224MA5L000000',
      '长安镇工业园',
      '木材加工',
      officialTime(at(0)),
      '融安县长安镇',
      '车间干燥线起火',
      '甲醛',
      '较大事故',
      'Ⅲ级',
      '启动Ⅳ级应急响应',
      '调整为Ⅲ级应急响应',
      '向融安县消防救援大队下达联动指令：出动两车灭火',
      '现场风向东南，疏散下风向住户（张敏记录）',
      '报告人',
      '0772-8000000',
      officialTime(at(45)),
    ]) {
      expect(text, expected).toContain(expected);
    }
    // casualties table: deaths, serious injuries, injured, missing, trapped, loss
    expect(text).toMatch(/死亡（人）[\s\S]*3\s+2\s+7\s+1\s+4\s+1200\.5/);
    // the full report's parts are not in the express report
    expect(text).not.toContain('处置过程记录');
  });

  it('处置报告 adds the grade and level histories, upward reports, linkage orders, the full timeline and the map', async () => {
    const bytes = await incidentDocx('full', data);
    const text = await textOf(bytes);
    for (const expected of [
      '生产安全事故应急处置报告',
      '事故等级变化',
      '一般事故',
      '应急响应级别变化',
      '死亡3人，升级响应',
      '向上级报告情况',
      '联动指令',
      '赵六',
      '处置过程记录',
      '现场风向东南，疏散下风向住户',
      '值班一席',
      '消防席',
      '事发区域地图',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(html).toMatch(/<img [^>]*src="data:image\/png;base64,/);
    // numbered sections in order
    const order = ['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、'].map((n) => text.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('timeline rows: every incident step and order step, in the order the hub recorded them', () => {
    const rows = timelineRows(data);
    expect(rows.map((r) => r[1])).toEqual([
      '接报',
      '已核实',
      '响应中',
      '联动指令（融安县消防救援大队：出动两车灭火）已下达',
      '向县级报告（融安县应急管理局）',
      '记录：现场风向东南，疏散下风向住户',
      '事故等级变为较大事故',
      '响应级别调整为Ⅲ级：死亡3人，升级响应',
      '联动指令（融安县消防救援大队：出动两车灭火）已签收',
    ]);
  });

  it('a drill says so in the title and the file name; no enterprise, no orders, no map still make a document', async () => {
    const drill = {
      ...data,
      incident: { ...incident, mode: 'drill' as const },
      enterprise: undefined,
      orders: [],
      map: undefined,
    } as IncidentDocumentData;
    const text = await textOf(await incidentDocx('full', drill));
    expect(text).toContain('【演练】');
    expect(text).toContain('未涉及生产经营单位或单位情况不详');
    expect(text).toContain('地图截图不可用');
    expect(text).not.toContain('下达联动指令');
    expect(incidentDocxName('express', { title: 'a/b:c', mode: 'drill' }, at(0))).toBe(
      '演练-事故信息快报-a_b_c-202603142330.docx',
    );
    expect(incidentDocxName('full', { title: '火灾', mode: 'real' }, at(0))).toBe('处置报告-火灾-202603142330.docx');
  });

  it('official time is China time whatever the machine zone', () => {
    expect(officialTime('2026-03-14T16:05:00Z')).toBe('2026年3月15日 00时05分');
  });
});

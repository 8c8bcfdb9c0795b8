// The incident's Word documents, built from replica rows by pure functions (data in → .docx
// out): 事故信息快报 with the content Art. 12 of 国务院令第493号 requires, and the full 处置报告
// with the histories, the timeline, the linkage orders and a map snapshot. Always in Chinese:
// they are official documents sent upward, whatever the desk's UI language.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { CONSOLE_ZH_CN } from '../console-zh-cn';
import type { IRunOptions } from 'docx';
import { ACCIDENT_GRADES } from '@common/domain/accident-reporting-regulation';
import { COUNTY, TOWNSHIPS } from '@common/domain/county';
import { ACCIDENT_CATEGORIES } from '@common/domain/gb6441';
import { levelName } from '@common/rules/incident-machine';
import type { Department } from '@common/schemas/department';
import type { Enterprise } from '@common/schemas/enterprise';
import type { Incident, IncidentNote } from '@common/schemas/incident';
import type { LinkageAction } from '@common/schemas/linkage-action';
import { PANELS_ZH_CN } from '../../details/panels-zh-cn';
import { DUTY_ZH_CN } from '../../duty/duty-zh-cn';
import { WORKSPACE_ZH_CN } from '../workspace-zh-cn';
import { buildTimeline } from '../workspace-logic';

export type IncidentDocumentKind = 'express' | 'full';

/** Everything a document says, gathered from the replica by the caller. */
export type IncidentDocumentData = {
  incident: Incident;
  enterprise?: Pick<Enterprise, 'name' | 'creditCode' | 'address' | 'sector'>;
  notes: ReadonlyArray<IncidentNote>;
  /** linkage orders of this incident (empty when none were sent or the table is not there) */
  orders: ReadonlyArray<LinkageAction>;
  departments: ReadonlyArray<Pick<Department, 'id' | 'name'>>;
  /** 报告单位 (the command center), 报告人 (who exports) and the phone to call back */
  reportingUnit: string;
  reporter: string;
  reporterPhone: string;
  /** 报告时间: when the document was made (ISO) */
  reportTime: string;
  /** the map around the incident as PNG, with its pixel size */
  map?: { png: Uint8Array; width: number; height: number };
};

// NOTE: font names as Chinese Word installs know them; Word (and LibreOffice) substitute a
// present CJK font where one is missing, so the text still shows — only the face differs.
const FONT_BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' };
const FONT_TITLE = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const FONT_HEADING = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
/** half-points: 三号 16 pt body, 二号 22 pt title, 小四 12 pt tables */
const SIZE_BODY = 28;
const SIZE_TITLE = 44;
const SIZE_TABLE = 24;

const STATE_ZH: Readonly<Record<Incident['state'], string>> = {
  reported: '接报',
  verified: '已核实',
  responding: '响应中',
  suspended: '暂停响应',
  terminated: '响应终止',
  closed: '已结案',
  dismissed: '误报',
};
// the report's source as the intake form names it (one table for the form and the document)
const SOURCE_ZH: Readonly<Record<Incident['source'], string>> = CONSOLE_ZH_CN.intake.sources;

const gradeZh = (code: Incident['grade']): string => ACCIDENT_GRADES.find((g) => g.code === code)?.zh ?? code;
const categoryZh = (code: Incident['category']): string => ACCIDENT_CATEGORIES.find((c) => c.code === code)?.zh ?? code;
const townshipZh = (code: string | undefined): string => TOWNSHIPS.find((t) => t.code === code)?.nameZh ?? '';

function chinaParts(iso: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** 2026年3月14日 23时05分, in China time whatever the machine's zone. */
export function officialTime(iso: string): string {
  const p = chinaParts(iso);
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日 ${p.hour}时${p.minute}分`;
}

function run(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ text, font: FONT_BODY, size: SIZE_BODY, ...options });
}

function para(text: string, options: { bold?: boolean; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [run(text, options.bold ? { bold: true } : {})],
    spacing: { line: 480, before: 0, after: 0 },
    ...(options.indent === false ? {} : { indent: { firstLine: 560 } }),
  });
}

/** A labelled line: 标签：内容 */
function field(label: string, value: string): Paragraph {
  return new Paragraph({
    children: [run(`${label}：`, { bold: true }), run(value || '—')],
    spacing: { line: 440 },
    indent: { firstLine: 560 },
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2,
    children: [new TextRun({ text, font: FONT_HEADING, size: SIZE_BODY, bold: true, color: '000000' })],
    spacing: { before: 240, after: 120 },
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = {
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
};

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [
            new TextRun({ text: line, font: header ? FONT_HEADING : FONT_BODY, size: SIZE_TABLE, bold: header }),
          ],
        }),
    ),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

function table(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

/** Numbered section headings in order: 一、二、三、… */
function numbering() {
  let i = 0;
  return (title: string): Paragraph => heading(`${NUMERALS[i++] ?? String(i)}、${title}`);
}

function place(incident: Incident): string {
  const township = townshipZh(incident.townshipCode);
  const coords = `东经${incident.location.lng.toFixed(5)}°、北纬${incident.location.lat.toFixed(5)}°`;
  return `${COUNTY.nameZh}${township}（${coords}）`;
}

const STEP_ZH: Readonly<Partial<Record<Incident['state'], string>>> = {
  verified: '核实确认事故情况',
  responding: '恢复应急响应',
  suspended: '暂停应急响应',
  terminated: '终止应急响应',
  closed: '处置结束，结案',
  dismissed: '确认为误报',
};

/** 已经采取的措施: the lifecycle steps, the response, upward reports and linkage orders sent, by time. */
function measures(data: IncidentDocumentData): Array<string> {
  const { incident } = data;
  const lines: Array<{ at: string; text: string }> = [];
  const activations = new Set(incident.levelHistory.map((l) => l.seq));
  for (const s of incident.stateHistory) {
    const step = STEP_ZH[s.state];
    // the first activation is told by the level history below
    if (!step || (s.state === 'responding' && activations.has(s.seq))) continue;
    lines.push({ at: s.at, text: `${step}（${s.by}）` });
  }
  incident.levelHistory.forEach((l, i) => {
    const verb = i === 0 ? '启动' : '调整为';
    lines.push({
      at: l.at,
      text: `${verb}${levelName(l.level)}级应急响应（${l.by}${l.reason ? `，${l.reason}` : ''}）`,
    });
  });
  for (const r of incident.reports) {
    lines.push({
      at: r.reportedAt,
      text: `向${WORKSPACE_ZH_CN.reportLevel[r.recipientLevel]}（${r.recipient}）报告，报告人${r.by}`,
    });
  }
  // the desk's notes record what was done on the ground (到场、疏散、封控…)
  for (const n of data.notes) lines.push({ at: n.at, text: `${n.text}（${n.byName}记录）` });
  const deptName = departmentNamer(data.departments);
  for (const o of data.orders) {
    lines.push({
      at: o.sentAt,
      text: `向${deptName(o.departmentId)}下达联动指令：${o.task}（${DUTY_ZH_CN.orderState[o.state]}）`,
    });
  }
  return lines.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map((l) => `${officialTime(l.at)}，${l.text}。`);
}

function departmentNamer(departments: ReadonlyArray<Pick<Department, 'id' | 'name'>>) {
  const names = new Map(departments.map((d) => [d.id, d.name]));
  return (id: string): string => names.get(id) ?? id;
}

/** Sections 一–七: the Art. 12 content, shared by both documents. */
function art12Sections(data: IncidentDocumentData, next: (title: string) => Paragraph): Array<Paragraph | Table> {
  const { incident, enterprise } = data;
  const c = incident.casualties;
  const steps = measures(data);
  return [
    next('事故发生单位概况'),
    ...(enterprise
      ? [
          field('单位名称', enterprise.name),
          field('统一社会信用代码', enterprise.creditCode),
          field('地址', enterprise.address),
          field('行业类别', PANELS_ZH_CN.sector[enterprise.sector]),
        ]
      : [para('未涉及生产经营单位或单位情况不详。')]),
    next('事故发生的时间、地点以及事故现场情况'),
    field('发生时间', officialTime(incident.occurredAt)),
    field('发生地点', place(incident)),
    field('事故类别', categoryZh(incident.category)),
    field('涉及危险化学品', incident.hazmat || '无'),
    next('事故的简要经过'),
    para(`${incident.title}。${incident.description}`.trim()),
    field(
      '信息来源',
      `${SOURCE_ZH[incident.source]}${incident.reporterName ? `，报告人${incident.reporterName}` : ''}${incident.reporterPhone ? `（${incident.reporterPhone}）` : ''}`,
    ),
    field('接报时间', officialTime(incident.reportedAt)),
    next('已经造成或者可能造成的伤亡人数和初步估计的直接经济损失'),
    table(
      ['死亡（人）', '重伤（人）', '受伤（人）', '失踪（人）', '被困（人）', '直接经济损失（万元）'],
      [[c.deaths, c.seriousInjuries, c.injured, c.missing, c.trapped, incident.directLossWan].map(String)],
    ),
    next('事故等级与应急响应'),
    field('事故等级', gradeZh(incident.grade)),
    field('应急响应', incident.level === undefined ? '未启动' : `${levelName(incident.level)}级`),
    field('当前状态', STATE_ZH[incident.state]),
    next('已经采取的措施'),
    ...(steps.length === 0 ? [para('正在核实处置中。')] : steps.map((s) => para(s))),
    next('其他应当报告的情况'),
    para(
      incident.closeSummary ??
        incident.terminatedReason ??
        incident.suspendedReason ??
        incident.dismissedReason ??
        '无。',
    ),
  ];
}

/** The full report's extra sections: histories, orders, timeline, map. */
function fullSections(data: IncidentDocumentData, next: (title: string) => Paragraph): Array<Paragraph | Table> {
  const { incident } = data;
  const deptName = departmentNamer(data.departments);
  const out: Array<Paragraph | Table> = [];
  out.push(
    next('事故等级变化'),
    table(
      ['时间', '事故等级'],
      incident.gradeHistory.map((g) => [officialTime(g.at), gradeZh(g.grade)]),
    ),
    next('应急响应级别变化'),
    incident.levelHistory.length === 0
      ? para('未启动应急响应。')
      : table(
          ['时间', '响应级别', '决定人', '理由'],
          incident.levelHistory.map((l) => [
            officialTime(l.at),
            `${levelName(l.level)}级`,
            l.by,
            l.reason || '启动响应',
          ]),
        ),
    next('向上级报告情况'),
    incident.reports.length === 0
      ? para('尚无向上级报告的记录。')
      : table(
          ['报告时间', '报告层级', '接收单位', '报告人'],
          incident.reports.map((r) => [
            officialTime(r.reportedAt),
            WORKSPACE_ZH_CN.reportLevel[r.recipientLevel],
            r.recipient,
            r.by,
          ]),
        ),
  );
  if (data.orders.length > 0) {
    out.push(
      next('联动指令'),
      table(
        ['下达时间', '部门', '任务', '状态', '签收人 / 时间', '完成时间'],
        data.orders.map((o) => [
          officialTime(o.sentAt),
          deptName(o.departmentId),
          o.task,
          `${DUTY_ZH_CN.orderState[o.state]}${o.signedLate ? '（超时签收）' : ''}`,
          o.signedAt ? `${o.signedBy ?? ''}\n${officialTime(o.signedAt)}` : '未签收',
          o.completedAt ? officialTime(o.completedAt) : '—',
        ]),
      ),
    );
  }
  out.push(next('处置过程记录'), table(['时间', '事项', '记录人', '席位'], timelineRows(data)));
  out.push(next('事发区域地图'));
  if (data.map) {
    const width = 600;
    const height = Math.round((data.map.height / data.map.width) * width);
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({
            type: 'png',
            data: data.map.png,
            transformation: { width, height },
            altText: { name: 'map', title: '事发区域地图', description: place(incident) },
          }),
        ],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(`事发位置：${place(incident)}`, { size: SIZE_TABLE })],
      }),
    );
  } else {
    out.push(para('（地图截图不可用。）'));
  }
  return out;
}

/** Every recorded step, oldest first: the incident's own timeline and each order's steps. */
export function timelineRows(data: IncidentDocumentData): Array<[string, string, string, string]> {
  const deptName = departmentNamer(data.departments);
  const rows: Array<{ at: string; seq: number; what: string; by: string; ws: string }> = buildTimeline(
    data.incident,
    data.notes,
  ).map((e) => {
    switch (e.kind) {
      case 'state':
        return {
          at: e.at,
          seq: e.seq,
          what: `${STATE_ZH[e.state]}${e.reason ? `：${e.reason}` : ''}`,
          by: e.by,
          ws: e.workstation,
        };
      case 'level':
        return {
          at: e.at,
          seq: e.seq,
          what: `响应级别调整为${levelName(e.level)}级：${e.reason}`,
          by: e.by,
          ws: e.workstation,
        };
      case 'grade':
        return { at: e.at, seq: e.seq, what: `事故等级变为${gradeZh(e.grade)}`, by: e.by, ws: e.workstation };
      case 'report':
        return {
          at: e.at,
          seq: e.seq,
          what: `向${WORKSPACE_ZH_CN.reportLevel[e.recipientLevel]}报告（${e.recipient}）`,
          by: e.by,
          ws: e.workstation,
        };
      case 'note':
        return { at: e.at, seq: e.seq, what: `记录：${e.text}`, by: e.by, ws: e.workstation };
    }
  });
  for (const o of data.orders) {
    for (const h of o.history) {
      rows.push({
        at: h.at,
        seq: h.seq,
        what: `联动指令（${deptName(o.departmentId)}：${o.task}）${DUTY_ZH_CN.orderState[h.state]}`,
        by: h.by,
        ws: h.workstation,
      });
    }
  }
  rows.sort((a, b) => a.seq - b.seq || Date.parse(a.at) - Date.parse(b.at));
  return rows.map((r) => [officialTime(r.at), r.what, r.by || '—', r.ws || '—']);
}

/** The document, ready to pack. */
export function buildIncidentDocument(kind: IncidentDocumentKind, data: IncidentDocumentData): Document {
  const { incident } = data;
  const drill = incident.mode === 'drill';
  const title = kind === 'express' ? '事故信息快报' : '生产安全事故应急处置报告';
  const next = numbering();
  const children: Array<Paragraph | Table> = [
    ...(drill
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [run('【演练】本文件为应急演练材料，非真实事故', { bold: true, color: 'C00000' })],
          }),
        ]
      : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: [
        new TextRun({ text: `${drill ? '【演练】' : ''}${title}`, font: FONT_TITLE, size: SIZE_TITLE, bold: true }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(`${data.reportingUnit}\u3000\u3000${officialTime(data.reportTime)}`, { size: SIZE_TABLE })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(incident.title, { bold: true })],
    }),
    ...art12Sections(data, next),
    ...(kind === 'full' ? fullSections(data, next) : []),
    next('报告单位、报告人及联系电话'),
    field('报告单位', data.reportingUnit),
    field('报告人', data.reporter),
    field('联系电话', data.reporterPhone),
    field('报告时间', officialTime(data.reportTime)),
  ];
  return new Document({
    creator: data.reportingUnit,
    title: `${title}：${incident.title}`,
    description: title,
    styles: { default: { document: { run: { font: FONT_BODY, size: SIZE_BODY } } } },
    sections: [
      {
        properties: {
          // A4 with the margins of GB/T 9704 (official documents): 37 mm top, 28 mm left, 26 mm right, 35 mm bottom.
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  run('第 ', { size: SIZE_TABLE }),
                  new TextRun({ children: [PageNumber.CURRENT], font: FONT_BODY, size: SIZE_TABLE }),
                  run(' 页 共 ', { size: SIZE_TABLE }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], font: FONT_BODY, size: SIZE_TABLE }),
                  run(' 页', { size: SIZE_TABLE }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** The .docx bytes (works in the browser and under Node). */
export async function incidentDocx(
  kind: IncidentDocumentKind,
  data: IncidentDocumentData,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await Packer.toArrayBuffer(buildIncidentDocument(kind, data)));
}

/** A file name that says what and which: 事故信息快报-<title>-<yyyymmddhhmm>.docx, safe on Windows. */
export function incidentDocxName(
  kind: IncidentDocumentKind,
  incident: Pick<Incident, 'title' | 'mode'>,
  at: string,
): string {
  const p = chinaParts(at);
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in Windows file names
  const safe = incident.title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 60);
  const what = kind === 'express' ? '事故信息快报' : '处置报告';
  return `${incident.mode === 'drill' ? '演练-' : ''}${what}-${safe}-${p.year}${p.month}${p.day}${p.hour}${p.minute}.docx`;
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Download, Page } from '@playwright/test';
import mammoth from 'mammoth';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { ulid } from 'ulid';
import type { CommandAck } from '@common/protocol/ack';
import type { ClientToServerEvents, ServerToClientEvents } from '@common/protocol/socket';
import type { SnapshotAck } from '@common/protocol/sync';
import type { Enterprise } from '@common/schemas/enterprise';
import { HUB, openSignedIn } from './fixtures';

const DUTY = { username: 'duty', password: 'duty123', workstation: '值班一席' };

/** The commander's desk, over the hub's own socket API: reports an incident at a demo enterprise and works it. */
async function seedIncident(title: string): Promise<Enterprise> {
  const login = await fetch(`${HUB}/api/v1/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'commander', password: 'commander123', workstation: '指挥席' }),
  });
  const { token } = (await login.json()) as { token: string };
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${HUB}/v1`, {
    auth: { token },
    transports: ['websocket'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const snap = (await socket.timeout(20_000).emitWithAck('snapshot', {})) as SnapshotAck;
    if (!snap.ok) throw new Error(snap.error.message);
    const enterprise =
      snap.tables.enterprises.find((e) => e.townshipCode === '450224100') ?? snap.tables.enterprises[0];
    if (!enterprise) throw new Error('the demo county has no enterprise');
    const send = async (type: string, payload: unknown) => {
      const ack = (await socket.timeout(20_000).emitWithAck('command', { id: ulid(), type, payload })) as CommandAck;
      if (!ack.ok) throw new Error(`${type}: ${ack.error.message}`);
    };
    const incidentId = ulid();
    await send('incident.report', {
      incidentId,
      report: {
        title,
        category: 'fire',
        source: 'phone',
        occurredAt: new Date(Date.now() - 20 * 60_000).toISOString(),
        location: enterprise.location,
        townshipCode: enterprise.townshipCode,
        enterpriseId: enterprise.id,
        casualties: { deaths: 1, seriousInjuries: 2, injured: 5, missing: 1, trapped: 3 },
        directLossWan: 320,
        description: '干燥车间起火，过火面积约300平方米。',
        reporterName: '王工',
        reporterPhone: '13907720000',
      },
    });
    await send('incident.verify', { incidentId });
    await send('incident.activateResponse', { incidentId, level: 4 });
    await send('incident.note', { incidentId, noteId: ulid(), text: '消防两车已到场，正在扑救' });
    await send('linkage.send', {
      incidentId,
      // a day to sign: this order must not fall overdue (and sound) during the specs that follow
      orders: [{ orderId: ulid(), departmentId: 'fire-rescue', task: '出动两车灭火并搜救被困人员', signMinutes: 1440 }],
    });
    return enterprise;
  } finally {
    socket.disconnect();
  }
}

async function exportVia(
  page: Page,
  kind: 'express' | 'full',
): Promise<{ download: Download; text: string; path: string }> {
  await page.getByTestId('export-open').click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId(`export-${kind}`).click(),
  ]);
  const path = await download.path();
  const { value } = await mammoth.extractRawText({ buffer: readFileSync(path) });
  return { download, text: value, path };
}

test.setTimeout(150_000);

test('the incident workspace exports 事故信息快报 and 处置报告 as .docx a real reader can open', async ({
  browser,
}) => {
  const title = `导出测试：板材厂干燥车间火灾 ${Date.now() % 100000}`;
  const enterprise = await seedIncident(title);
  const { page, context } = await openSignedIn(browser, DUTY);
  await page.getByTestId('incident-item').filter({ hasText: title }).click();
  await expect(page.getByTestId('incident-detail')).toContainText(title);

  const express = await exportVia(page, 'express');
  expect(express.download.suggestedFilename()).toMatch(/^事故信息快报-导出测试.*\.docx$/);
  for (const expected of [
    '事故信息快报',
    enterprise.name,
    enterprise.creditCode,
    '干燥车间起火',
    '一般事故',
    'Ⅳ级',
    '启动Ⅳ级应急响应',
    '报告人',
  ]) {
    expect(express.text, expected).toContain(expected);
  }
  expect(express.text).toMatch(/死亡（人）[\s\S]*1\s+2\s+5\s+1\s+3\s+320/);

  // a note written at this desk shows in the full report's timeline, with the desk's name
  await page.getByTestId('note-input').fill('下风向200米内住户已疏散');
  await page.getByTestId('note-submit').click();
  await expect(page.getByTestId('note-item').filter({ hasText: '下风向200米内住户已疏散' })).toBeVisible();
  await expect(page.getByTestId('pending-note')).toHaveCount(0);

  const full = await exportVia(page, 'full');
  expect(full.download.suggestedFilename()).toMatch(/^处置报告-导出测试.*\.docx$/);
  for (const expected of [
    enterprise.name,
    '处置过程记录',
    '接报',
    '已核实',
    '响应中',
    '消防两车已到场，正在扑救',
    '下风向200米内住户已疏散',
    '联动指令',
    '融安县消防救援大队',
    '出动两车灭火并搜救被困人员',
    '未签收',
    '值班一席',
    '指挥席',
  ]) {
    expect(full.text, expected).toContain(expected);
  }
  expect(full.text).toMatch(/死亡（人）[\s\S]*1\s+2\s+5\s+1\s+3\s+320/);
  const { value: html } = await mammoth.convertToHtml({ buffer: readFileSync(full.path) });
  // the map snapshot: a real PNG of some size, not an empty canvas
  const png = /src="data:image\/png;base64,([^"]+)"/.exec(html)?.[1];
  expect(png, 'map snapshot in the report').toBeDefined();
  expect(Buffer.from(png ?? '', 'base64').length).toBeGreaterThan(5_000);

  // LibreOffice, where the machine has it (not installed for this test): the file converts.
  let soffice: string;
  try {
    soffice = execFileSync('which', ['soffice'], { encoding: 'utf8' }).trim();
  } catch {
    soffice = '';
  }
  if (soffice) {
    const out = mkdtempSync(join(tmpdir(), 'wf-docx-'));
    execFileSync(soffice, ['--headless', '--convert-to', 'txt:Text', '--outdir', out, full.path], { timeout: 60_000 });
    const txt = readdirSync(out).find((f) => f.endsWith('.txt'));
    expect(txt).toBeDefined();
    expect(readFileSync(join(out, txt ?? ''), 'utf8')).toContain(enterprise.name);
  } else {
    test
      .info()
      .annotations.push({ type: 'note', description: 'soffice not installed: LibreOffice conversion not checked' });
  }
  await context.close();
});

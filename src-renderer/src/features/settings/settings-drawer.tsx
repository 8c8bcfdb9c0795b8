import { useRef, useState } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { BasemapSettingsSchema, saveBasemapSettings, useBasemapSettings } from '../../map/basemap/basemap-settings';
import type { BasemapSettings } from '../../map/basemap/basemap-settings';
import { savePmtilesFile } from '../../map/basemap/pmtiles-file-store';

/** 天地图 vector basemap + its labels (Web Mercator "w" matrix set); the user puts their own key. */
const TIANDITU_EXAMPLE = ['vec', 'cva']
  .map(
    (layer) =>
      `https://t{0-7}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY`,
  )
  .join('\n');

type Draft = {
  kind: BasemapSettings['kind'];
  templates: string;
  tileSize: 256 | 512;
  maxZoom: number;
  attribution: string;
  url: string;
};

function draftOf(s: BasemapSettings): Draft {
  return {
    kind: s.kind,
    templates: s.kind === 'raster' ? s.templates.join('\n') : '',
    tileSize: s.kind === 'raster' ? s.tileSize : 256,
    maxZoom: s.kind === 'raster' ? s.maxZoom : 18,
    attribution: s.kind === 'raster' ? s.attribution : '',
    url: s.kind === 'style' ? s.url : '',
  };
}

/** The header's settings button and its drawer (the basemap for now). */
export function SettingsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => setOpen(true)} data-testid="settings-open">
        {t('basemap.settings')}
      </Button>
      {open && <SettingsDrawer onClose={() => setOpen(false)} />}
    </>
  );
}

function SettingsDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const current = useBasemapSettings();
  const [draft, setDraft] = useState<Draft>(() => draftOf(current));
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const currentFile = current.kind === 'pmtiles' ? current.fileName : null;

  const apply = async () => {
    const candidate =
      draft.kind === 'offline'
        ? { kind: 'offline' }
        : draft.kind === 'raster'
          ? {
              kind: 'raster',
              templates: draft.templates
                .split('\n')
                .map((l) => l.trim())
                .filter(Boolean),
              tileSize: draft.tileSize,
              maxZoom: draft.maxZoom,
              attribution: draft.attribution,
            }
          : draft.kind === 'style'
            ? { kind: 'style', url: draft.url }
            : { kind: 'pmtiles', fileName: file?.name ?? currentFile ?? '' };
    const parsed = BasemapSettingsSchema.safeParse(candidate);
    if (!parsed.success) {
      void message.error(t('basemap.invalid', { message: parsed.error.issues.map((i) => i.message).join('; ') }));
      return;
    }
    setSaving(true);
    try {
      if (parsed.data.kind === 'pmtiles' && file) await savePmtilesFile(file);
      saveBasemapSettings(parsed.data);
      void message.success(t('basemap.saved'));
      onClose();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      title={t('basemap.title')}
      size={520}
      onClose={onClose}
      data-testid="settings-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t('basemap.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void apply()} data-testid="basemap-apply">
            {t('basemap.save')}
          </Button>
        </Space>
      }
    >
      <Form layout="vertical">
        <Form.Item label={t('basemap.kind')}>
          <Radio.Group value={draft.kind} onChange={(e) => set({ kind: e.target.value as Draft['kind'] })}>
            <Space direction="vertical">
              {(['offline', 'raster', 'style', 'pmtiles'] as const).map((k) => (
                <Radio key={k} value={k} data-testid={`basemap-kind-${k}`}>
                  {t(`basemap.${k}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {draft.kind === 'raster' && (
          <>
            <Form.Item label={t('basemap.templates')} extra={t('basemap.templatesHelp')}>
              <Input.TextArea
                rows={4}
                value={draft.templates}
                onChange={(e) => set({ templates: e.target.value })}
                data-testid="basemap-templates"
                style={{ fontFamily: 'monospace', fontSize: 12 }}
              />
              <Button type="link" size="small" onClick={() => set({ templates: TIANDITU_EXAMPLE })}>
                {t('basemap.tiandituExample')}
              </Button>
            </Form.Item>
            <Space>
              <Form.Item label={t('basemap.tileSize')}>
                <Select<256 | 512>
                  value={draft.tileSize}
                  onChange={(v) => set({ tileSize: v })}
                  options={[
                    { value: 256, label: '256' },
                    { value: 512, label: '512' },
                  ]}
                />
              </Form.Item>
              <Form.Item label={t('basemap.maxZoom')}>
                <InputNumber min={1} max={22} value={draft.maxZoom} onChange={(v) => set({ maxZoom: v ?? 18 })} />
              </Form.Item>
            </Space>
            <Form.Item label={t('basemap.attribution')}>
              <Input value={draft.attribution} onChange={(e) => set({ attribution: e.target.value })} />
            </Form.Item>
          </>
        )}
        {draft.kind === 'style' && (
          <Form.Item label={t('basemap.styleUrl')}>
            <Input value={draft.url} onChange={(e) => set({ url: e.target.value })} data-testid="basemap-style-url" />
          </Form.Item>
        )}
        {draft.kind === 'pmtiles' && (
          <Form.Item label={t('basemap.file')}>
            <Space>
              <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>
                {t('basemap.chooseFile')}
              </Button>
              <Typography.Text data-testid="basemap-file-name">
                {file?.name ?? currentFile ?? t('basemap.noFile')}
              </Typography.Text>
            </Space>
            <input
              ref={fileInput}
              type="file"
              accept=".pmtiles"
              hidden
              data-testid="basemap-file"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Form.Item>
        )}
        <Typography.Paragraph type="secondary">{t('basemap.networkNote')}</Typography.Paragraph>
      </Form>
    </Drawer>
  );
}

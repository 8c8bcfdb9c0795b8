import { useEffect } from 'react';
import { Alert, App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { z } from 'zod';
import { ACCIDENT_CATEGORIES } from '@common/domain/gb6441';
import type { AccidentCategory } from '@common/domain/gb6441';
import { IncidentReportFieldsSchema } from '@common/schemas/incident';
import type { Mode } from '@common/schemas/common';
import { useEnterprises } from '../../db/queries';
import { currentEngine } from '../../sync/runtime';
import { InvalidCommandError } from '../../sync/sync-engine';
import { toLocalInputValue } from '../../ui/format';
import { DrillBadge } from './incident-badges';
import { incidentUi, useIncidentUi } from './incident-ui-store';

type ReportForm = {
  title: string;
  category: AccidentCategory | undefined;
  occurredAt: string;
  lng: number | null;
  lat: number | null;
  enterpriseId: string | undefined;
  deaths: number;
  seriousInjuries: number;
  injured: number;
  missing: number;
  trapped: number;
  directLossWan: number;
  description: string;
  reporterName: string;
  reporterPhone: string;
};

const CASUALTY_FIELDS = ['deaths', 'seriousInjuries', 'injured', 'missing', 'trapped'] as const;

/** Maps a schema path (e.g. location.lat, casualties.deaths) to the form field that holds it. */
function fieldFor(path: ReadonlyArray<PropertyKey>): keyof ReportForm | null {
  const [head, sub] = path;
  if (head === 'location') return sub === 'lat' ? 'lat' : 'lng';
  if (head === 'casualties' && typeof sub === 'string') return sub as keyof ReportForm;
  if (typeof head === 'string') return head as keyof ReportForm;
  return null;
}

/** 接报: the report form. Validated with the shared IncidentReportFieldsSchema, sent through the outbox. */
export function ReportIncidentDrawer({ mode }: { mode: Mode }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportForm>();
  const open = useIncidentUi((s) => s.reportOpen);
  const picking = useIncidentUi((s) => s.picking);
  const picked = useIncidentUi((s) => s.picked);
  const enterprises = useEnterprises();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ occurredAt: toLocalInputValue(new Date()) });
    }
  }, [open, form]);

  useEffect(() => {
    if (picked) {
      form.setFieldsValue({ lng: picked.lng, lat: picked.lat });
      void form.validateFields(['lng', 'lat']).catch(() => {});
    }
  }, [picked, form]);

  const onFinish = async (v: ReportForm) => {
    const occurred = new Date(v.occurredAt);
    const candidate = {
      title: v.title,
      category: v.category,
      source: 'phone',
      occurredAt: Number.isNaN(occurred.getTime()) ? v.occurredAt : occurred.toISOString(),
      location: { lng: v.lng, lat: v.lat },
      ...(v.enterpriseId ? { enterpriseId: v.enterpriseId } : {}),
      casualties: Object.fromEntries(CASUALTY_FIELDS.map((k) => [k, v[k] ?? 0])),
      directLossWan: v.directLossWan ?? 0,
      description: v.description ?? '',
      reporterName: v.reporterName ?? '',
      reporterPhone: v.reporterPhone ?? '',
    };
    const parsed = IncidentReportFieldsSchema.safeParse(candidate);
    if (!parsed.success) {
      showIssues(parsed.error.issues);
      return;
    }
    try {
      await currentEngine().enqueue('incident.report', {
        incidentId: ulid(),
        mode,
        report: parsed.data,
      });
      void message.success(t('report.saved', { title: parsed.data.title }));
      incidentUi.closeReport();
    } catch (e) {
      void message.error(e instanceof InvalidCommandError ? e.detail : String(e));
    }
  };

  const showIssues = (issues: ReadonlyArray<z.core.$ZodIssue>) => {
    const byField = new Map<keyof ReportForm, Array<string>>();
    for (const issue of issues) {
      const field = fieldFor(issue.path);
      if (!field) continue;
      const message = field === 'lng' || field === 'lat' ? t('report.locationRequired') : issue.message;
      byField.set(field, [...(byField.get(field) ?? []), message]);
    }
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    void message.error(t('report.invalid'));
  };

  const onValuesChange = (changed: Partial<ReportForm>, all: ReportForm) => {
    if ('lng' in changed || 'lat' in changed) {
      const ok = typeof all.lng === 'number' && typeof all.lat === 'number';
      incidentUi.setPicked(ok ? { lng: all.lng as number, lat: all.lat as number } : null);
    }
  };

  const countInput = (name: (typeof CASUALTY_FIELDS)[number]) => (
    <Form.Item name={name} label={t(`report.${name}`)} initialValue={0}>
      <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid={`report-${name}`} />
    </Form.Item>
  );

  return (
    <Drawer
      title={
        <Space>
          {mode === 'drill' && <DrillBadge />}
          {mode === 'drill' ? t('report.drillTitle') : t('report.title')}
        </Space>
      }
      open={open}
      onClose={incidentUi.closeReport}
      size={460}
      // NOTE: no mask — the map must stay clickable for "pick on map".
      mask={false}
      destroyOnHidden
      data-testid="report-drawer"
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={incidentUi.closeReport}>{t('report.cancel')}</Button>
          <Button type="primary" danger onClick={() => form.submit()} data-testid="report-submit">
            {t('report.submit')}
          </Button>
        </Space>
      }
    >
      {mode === 'drill' && <Alert type="info" showIcon title={t('report.drillNotice')} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        size="small"
        onFinish={(v) => void onFinish(v)}
        onValuesChange={onValuesChange}
        requiredMark
      >
        <Form.Item name="title" label={t('report.fieldTitle')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="report-title" />
        </Form.Item>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name="category" label={t('report.category')} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="report-category"
                options={ACCIDENT_CATEGORIES.map((c) => ({
                  value: c.code,
                  label: i18n.language === 'en' ? c.en : c.zh,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="occurredAt" label={t('report.occurredAt')} rules={[{ required: true }]}>
              <Input type="datetime-local" data-testid="report-occurred-at" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('report.location')} required style={{ marginBottom: 0 }}>
          <Row gutter={8}>
            <Col span={8}>
              <Button
                icon={<AimOutlined />}
                type={picking ? 'primary' : 'default'}
                onClick={incidentUi.startPicking}
                block
                data-testid="report-pick"
              >
                {t('report.pick')}
              </Button>
            </Col>
            <Col span={8}>
              <Form.Item name="lng" rules={[{ required: true, message: t('report.locationRequired') }]}>
                <InputNumber placeholder={t('report.lng')} style={{ width: '100%' }} data-testid="report-lng" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="lat" rules={[{ required: true, message: t('report.locationRequired') }]}>
                <InputNumber placeholder={t('report.lat')} style={{ width: '100%' }} data-testid="report-lat" />
              </Form.Item>
            </Col>
          </Row>
          {picking && <Alert type="warning" title={t('report.picking')} style={{ marginBottom: 12 }} />}
        </Form.Item>
        <Form.Item name="enterpriseId" label={t('report.enterprise')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="report-enterprise"
            options={enterprises.map((e) => ({ value: e.id, label: e.name }))}
          />
        </Form.Item>
        <Row gutter={8}>
          {CASUALTY_FIELDS.map((name) => (
            <Col span={8} key={name}>
              {countInput(name)}
            </Col>
          ))}
          <Col span={8}>
            <Form.Item name="directLossWan" label={t('report.directLossWan')} initialValue={0}>
              <InputNumber min={0} style={{ width: '100%' }} data-testid="report-loss" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('report.description')} initialValue="">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} data-testid="report-description" />
        </Form.Item>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name="reporterName" label={t('report.reporterName')} initialValue="">
              <Input maxLength={100} data-testid="report-reporter-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="reporterPhone" label={t('report.reporterPhone')} initialValue="">
              <Input maxLength={32} data-testid="report-reporter-phone" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

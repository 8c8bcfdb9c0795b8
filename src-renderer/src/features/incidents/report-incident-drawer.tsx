import { useEffect } from 'react';
import type { KeyboardEvent } from 'react';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { z } from 'zod';
import { ACCIDENT_CATEGORIES } from '@common/domain/gb6441';
import type { AccidentCategory } from '@common/domain/gb6441';
import { TOWNSHIPS } from '@common/domain/county';
import type { TownshipCode } from '@common/domain/county';
import { DATUMS } from '@common/geo/datum';
import type { Datum } from '@common/geo/datum';
import { receivedAtProblem, resolveIntakePlace } from '@common/rules/intake';
import { IncidentReportFieldsSchema, IncidentSourceSchema } from '@common/schemas/incident';
import type { IncidentSource } from '@common/schemas/incident';
import type { Enterprise } from '@common/schemas/enterprise';
import type { Mode } from '@common/schemas/common';
import { releaseDeferredReads } from '../../db/deferred-reads';
import { useReplicaRows } from '../../db/replica-tables';
import { currentEngine } from '../../sync/runtime';
import { InvalidCommandError } from '../../sync/sync-engine';
import { categoryLabel, toLocalInputValue, townshipName } from '../../ui/format';
import { ownReports } from '../alerts/alert';
import { DrillBadge } from './incident-badges';
import { incidentUi, useIncidentUi } from './incident-ui-store';

type ReportForm = {
  source: IncidentSource;
  enterpriseId: string | undefined;
  category: AccidentCategory | undefined;
  title: string;
  occurredAt: string;
  receivedAt: string;
  datum: Datum;
  lng: number | null;
  lat: number | null;
  townshipCode: TownshipCode | undefined;
  deaths: number;
  seriousInjuries: number;
  injured: number;
  missing: number;
  trapped: number;
  directLossWan: number;
  hazmat: string;
  beyondCountyCapacity: boolean;
  description: string;
  reporterName: string;
  reporterPhone: string;
};

const CASUALTY_FIELDS = ['deaths', 'seriousInjuries', 'injured', 'missing', 'trapped'] as const;
/** The sources a person at the desk takes (the ingest API marks its own). */
const DESK_SOURCES = IncidentSourceSchema.options.filter((s) => s !== 'ingest_api');

/** Maps a schema path (e.g. location.lat, casualties.deaths) to the form field that holds it. */
function fieldFor(path: ReadonlyArray<PropertyKey>): keyof ReportForm | null {
  const [head, sub] = path;
  if (head === 'location') return sub === 'lat' ? 'lat' : 'lng';
  if (head === 'casualties' && typeof sub === 'string') return sub as keyof ReportForm;
  if (typeof head === 'string') return head as keyof ReportForm;
  return null;
}

const toIso = (local: string): string => {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
};

const NO_ENTERPRISES: ReadonlyArray<Enterprise> = [];

/**
 * 接报: the report form, built for a phone call at speed. The first field has the focus; Tab goes
 * down the form in the order a caller gives the facts; Enter in a field (or Ctrl+Enter anywhere,
 * also in the description) saves. Picking an enterprise fills its position and township and a
 * title; the time of report is the moment the form opened. Validated with the shared schema and
 * rules (rules/intake.ts) and sent through the outbox.
 */
export function ReportIncidentDrawer({ mode }: { mode: Mode }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportForm>();
  const open = useIncidentUi((s) => s.reportOpen);
  const picking = useIncidentUi((s) => s.picking);
  const picked = useIncidentUi((s) => s.picked);
  const loadedEnterprises = useReplicaRows('enterprises');
  const enterprises = loadedEnterprises ?? NO_ENTERPRISES;
  const chosenEnterprise = Form.useWatch('enterpriseId', form) as string | undefined;

  // the officer picks an enterprise now: its rows are read at once, not when the map has settled
  useEffect(() => {
    if (open) releaseDeferredReads();
  }, [open]);

  useEffect(() => {
    if (open) {
      form.resetFields();
      const now = toLocalInputValue(new Date());
      form.setFieldsValue({ occurredAt: now, receivedAt: now });
    }
  }, [open, form]);

  useEffect(() => {
    if (picked) {
      // the map gives WGS84
      form.setFieldsValue({ lng: picked.lng, lat: picked.lat, datum: 'WGS84' });
      void form.validateFields(['lng', 'lat']).catch(() => {});
    }
  }, [picked, form]);

  /** A title from the place and the category, until the officer types one. */
  const suggestTitle = (all: Partial<ReportForm>) => {
    if (form.isFieldTouched('title') || !all.category) return;
    const enterprise = enterprises.find((e) => e.id === all.enterpriseId);
    const place = enterprise?.name ?? townshipName(all.townshipCode, i18n.language) ?? '';
    form.setFieldsValue({
      title: t('intake.suggestedTitle', { place, category: categoryLabel(all.category, i18n.language) }).trim(),
    });
  };

  const onFinish = async (v: ReportForm) => {
    const enterprise = v.enterpriseId ? enterprises.find((e) => e.id === v.enterpriseId) : undefined;
    const typed = typeof v.lng === 'number' && typeof v.lat === 'number';
    const place = resolveIntakePlace(
      {
        ...(typed ? { location: { lng: v.lng as number, lat: v.lat as number }, datum: v.datum } : {}),
        ...(v.enterpriseId ? { enterpriseId: v.enterpriseId } : {}),
        ...(v.townshipCode ? { townshipCode: v.townshipCode } : {}),
      },
      enterprise,
    );
    if (!place.ok) {
      const name = place.field === 'enterpriseId' ? 'enterpriseId' : 'lng';
      form.setFields([{ name, errors: [place.field === 'location' ? t('report.locationRequired') : place.message] }]);
      void message.error(t('report.invalid'));
      return;
    }
    const receivedAt = toIso(v.receivedAt);
    if (receivedAtProblem(receivedAt, new Date().toISOString())) {
      form.setFields([{ name: 'receivedAt', errors: [t('intake.receivedLate')] }]);
      return;
    }
    const candidate = {
      title: v.title,
      category: v.category,
      source: v.source,
      occurredAt: toIso(v.occurredAt),
      receivedAt,
      location: place.place.location,
      ...(place.place.townshipCode ? { townshipCode: place.place.townshipCode } : {}),
      ...(v.enterpriseId ? { enterpriseId: v.enterpriseId } : {}),
      casualties: Object.fromEntries(CASUALTY_FIELDS.map((k) => [k, v[k] ?? 0])),
      directLossWan: v.directLossWan ?? 0,
      hazmat: v.hazmat ?? '',
      ...(v.beyondCountyCapacity ? { beyondCountyCapacity: true } : {}),
      description: v.description ?? '',
      reporterName: v.reporterName ?? '',
      reporterPhone: v.reporterPhone ?? '',
    };
    const parsed = IncidentReportFieldsSchema.safeParse(candidate);
    if (!parsed.success) {
      showIssues(parsed.error.issues);
      return;
    }
    const incidentId = ulid();
    try {
      ownReports.add(incidentId);
      await currentEngine().enqueue('incident.report', { incidentId, mode, report: parsed.data });
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
    if ('enterpriseId' in changed) {
      const enterprise = enterprises.find((e) => e.id === changed.enterpriseId);
      if (enterprise) {
        form.setFieldsValue({
          lng: enterprise.location.lng,
          lat: enterprise.location.lat,
          datum: 'WGS84',
          townshipCode: enterprise.townshipCode,
        });
        incidentUi.setPicked({ lng: enterprise.location.lng, lat: enterprise.location.lat });
        void message.info(t('intake.enterpriseFilled', { name: enterprise.name }), 2);
      }
      suggestTitle({ ...all, ...(enterprise ? { townshipCode: enterprise.townshipCode } : {}) });
    }
    if ('category' in changed || 'townshipCode' in changed) suggestTitle(all);
    if ('lng' in changed || 'lat' in changed) {
      const ok = typeof all.lng === 'number' && typeof all.lat === 'number' && all.datum === 'WGS84';
      incidentUi.setPicked(ok ? { lng: all.lng as number, lat: all.lat as number } : null);
    }
  };

  // Enter in a one-line field saves (not in a dropdown, where Enter picks an option, nor in the
  // description, where it is a new line); Ctrl/⌘+Enter saves from anywhere.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    const inField =
      target.tagName === 'INPUT' &&
      target.getAttribute('role') !== 'combobox' &&
      (target as HTMLInputElement).type !== 'checkbox';
    if (e.ctrlKey || e.metaKey || (inField && !e.shiftKey && !e.altKey)) {
      e.preventDefault();
      form.submit();
    }
  };

  /** Delete, or Backspace with no search typed, clears an optional dropdown. */
  const clearOnDelete = (name: 'enterpriseId' | 'townshipCode') => (e: KeyboardEvent<HTMLInputElement>) => {
    const typed = e.currentTarget.value;
    if (e.key === 'Delete' || (e.key === 'Backspace' && typed === '')) {
      if (form.getFieldValue(name) === undefined) return;
      form.setFieldsValue({ [name]: undefined });
      if (name === 'enterpriseId') suggestTitle({ ...form.getFieldsValue(), enterpriseId: undefined });
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
      size={480}
      // NOTE: no mask — the map must stay clickable for "pick on map".
      mask={false}
      destroyOnHidden
      data-testid="report-drawer"
      footer={
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('intake.keys')}
          </Typography.Text>
          <Space>
            <Button onClick={incidentUi.closeReport}>{t('report.cancel')}</Button>
            <Button type="primary" danger onClick={() => form.submit()} data-testid="report-submit">
              {t('report.submit')}
            </Button>
          </Space>
        </Space>
      }
    >
      {mode === 'drill' && <Alert type="info" showIcon title={t('report.drillNotice')} style={{ marginBottom: 12 }} />}
      <div onKeyDown={onKeyDown}>
        <Form
          form={form}
          layout="vertical"
          size="small"
          onFinish={(v) => void onFinish(v)}
          onValuesChange={onValuesChange}
          requiredMark
        >
          <Row gutter={8}>
            <Col span={10}>
              <Form.Item name="source" label={t('intake.source')} initialValue="phone" rules={[{ required: true }]}>
                <Select
                  autoFocus
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="report-source"
                  options={DESK_SOURCES.map((s) => ({ value: s, label: t(`intake.sources.${s}`) }))}
                />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item
                name="enterpriseId"
                label={
                  <Space size={4}>
                    {t('report.enterprise')}
                    {chosenEnterprise !== undefined && (
                      <Button
                        type="link"
                        size="small"
                        tabIndex={-1}
                        style={{ padding: 0, height: 'auto' }}
                        onClick={() => {
                          form.setFieldsValue({ enterpriseId: undefined });
                          suggestTitle({ ...form.getFieldsValue(), enterpriseId: undefined });
                        }}
                        data-testid="report-enterprise-clear"
                      >
                        {t('intake.clear')}
                      </Button>
                    )}
                  </Space>
                }
              >
                <Select
                  // NOTE: no allowClear: antd's clear button takes a Tab stop between fields. Delete
                  // (or Backspace with nothing typed) clears instead.
                  onInputKeyDown={clearOnDelete('enterpriseId')}
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="report-enterprise"
                  loading={loadedEnterprises === undefined}
                  options={enterprises.map((e) => ({ value: e.id, label: e.name }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={8}>
            <Col span={10}>
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
            <Col span={14}>
              <Form.Item name="title" label={t('report.fieldTitle')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={200} data-testid="report-title" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={8}>
            <Col span={12}>
              <Form.Item name="occurredAt" label={t('report.occurredAt')} rules={[{ required: true }]}>
                <Input type="datetime-local" data-testid="report-occurred-at" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="receivedAt" label={t('intake.receivedAt')} rules={[{ required: true }]}>
                <Input type="datetime-local" data-testid="report-received-at" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('report.location')} required style={{ marginBottom: 0 }}>
            <Row gutter={6}>
              <Col span={6}>
                <Button
                  icon={<AimOutlined />}
                  type={picking ? 'primary' : 'default'}
                  onClick={incidentUi.startPicking}
                  block
                  data-testid="report-pick"
                  title={t('report.pick')}
                >
                  {t('report.pick')}
                </Button>
              </Col>
              <Col span={6}>
                <Form.Item name="datum" initialValue="WGS84">
                  <Select
                    aria-label={t('intake.datum')}
                    data-testid="report-datum"
                    popupMatchSelectWidth={false}
                    options={DATUMS.map((d) => ({ value: d, label: t(`intake.datums.${d}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="lng">
                  <InputNumber placeholder={t('report.lng')} style={{ width: '100%' }} data-testid="report-lng" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="lat">
                  <InputNumber placeholder={t('report.lat')} style={{ width: '100%' }} data-testid="report-lat" />
                </Form.Item>
              </Col>
            </Row>
            {picking && <Alert type="warning" title={t('report.picking')} style={{ marginBottom: 12 }} />}
          </Form.Item>
          <Row gutter={8}>
            <Col span={12}>
              <Form.Item name="townshipCode" label={t('intake.township')}>
                <Select
                  onInputKeyDown={clearOnDelete('townshipCode')}
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="report-township"
                  options={TOWNSHIPS.map((tw) => ({
                    value: tw.code,
                    label: i18n.language === 'en' ? tw.nameEn : tw.nameZh,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="beyondCountyCapacity" label=" " valuePropName="checked" initialValue={false}>
                <Checkbox data-testid="report-beyond-capacity">{t('intake.beyondCapacity')}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={8}>
            {CASUALTY_FIELDS.map((name) => (
              <Col span={8} key={name}>
                {countInput(name)}
              </Col>
            ))}
            <Col span={8}>
              <Form.Item name="directLossWan" label={t('report.directLossWan')} initialValue={0}>
                <InputNumber min={0} max={1e9} style={{ width: '100%' }} data-testid="report-loss" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="hazmat" label={t('intake.hazmat')} initialValue="">
            <Input maxLength={500} placeholder={t('intake.hazmatPlaceholder')} data-testid="report-hazmat" />
          </Form.Item>
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
      </div>
    </Drawer>
  );
}

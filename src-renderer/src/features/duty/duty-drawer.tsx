import { useMemo, useState } from 'react';
import { Badge, Button, Drawer, Empty, Input, List, Segmented, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import { BookOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import { canSend } from '@common/auth/permissions';
import { normalizeIncident } from '@common/projection/project';
import { pendingHandoversFor } from '@common/rules/handover-rules';
import { handoverSummary } from '@common/rules/handover-summary';
import type { DutyCategory, HandoverSummary } from '@common/schemas/duty';
import type { User } from '@common/schemas/user';
import { useDb } from '../../db/db-context';
import { useReplicaRows } from '../../db/replica-tables';
import { useMapController } from '../../map/map-context';
import { formatDateTime } from '../../ui/format';
import { incidentUi } from '../incidents/incident-ui-store';
import { DrillBadge, GradeBadge, StateBadge } from '../incidents/incident-badges';
import { useNow } from '../incidents/use-now';
import { dutyLines, shiftIncidents, shiftStart } from './duty-logic';
import type { DutyLine } from './duty-logic';
import { dutyUi, useDutyUi } from './duty-ui-store';
import { HandoverSummaryView } from './handover-summary-view';
import { useDutyRows, useDutySend } from './use-duty';
import './duty.css';

const CATEGORIES: ReadonlyArray<DutyCategory> = ['intake', 'dispatch', 'handover', 'other'];

/** The header button: opens the duty log; a dot while a handover waits for this user. */
export function DutyLogButton({ user }: { user: User }) {
  const { t } = useTranslation();
  const rows = useDutyRows();
  const waiting = useMemo(
    () => (canSend(user.role, 'duty.acceptHandover') ? pendingHandoversFor(rows ?? [], user.id).length : 0),
    [rows, user],
  );
  return (
    <Badge dot={waiting > 0}>
      <Button icon={<BookOutlined />} onClick={() => dutyUi.open()} data-testid="duty-log-open">
        {t('duty.button')}
      </Button>
    </Badge>
  );
}

/** Who, when, from which workstation. */
function Signature({ sig }: { sig: { at: string; name: string; workstation: string } }) {
  const { i18n } = useTranslation();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {formatDateTime(sig.at, i18n.language, true)} · {sig.name}
      {sig.workstation ? ` · ${sig.workstation}` : ''}
    </Typography.Text>
  );
}

function LogLine({ line }: { line: DutyLine }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  switch (line.kind) {
    case 'entry':
      return (
        <div data-testid="duty-line" data-kind="entry">
          <Tag>{t(`duty.category.${line.row.category}`)}</Tag>
          <span className="duty-text">{line.row.text}</span>
          <div>
            <Signature sig={line.sig} />
          </div>
        </div>
      );
    case 'handover':
      return (
        <div data-testid="duty-line" data-kind="handover" data-handover-id={line.row.id}>
          <Tag color="purple">{t('duty.handedOver')}</Tag>
          <span>{t('duty.handedOverBy', { name: line.sig.name })}</span>
          {!line.row.accepted && <Tag color="orange">{t('duty.waiting')}</Tag>}
          {line.row.remarks && <div className="duty-text">{line.row.remarks}</div>}
          <div>
            <Signature sig={line.sig} />{' '}
            <Button type="link" size="small" onClick={() => setOpen((o) => !o)}>
              {t('duty.showSummary')}
            </Button>
          </div>
          {open && <HandoverSummaryView summary={line.row.summary} />}
        </div>
      );
    case 'accepted':
      return (
        <div data-testid="duty-line" data-kind="accepted" data-handover-id={line.row.id}>
          <Tag color="green">{t('duty.accepted')}</Tag>
          <span>{t('duty.acceptedBy', { name: line.sig.name })}</span>
          {line.row.accepted?.remarks && <div className="duty-text">{line.row.accepted.remarks}</div>}
          <div>
            <Signature sig={line.sig} />
          </div>
        </div>
      );
  }
}

function LogTab({ user }: { user: User }) {
  const { t } = useTranslation();
  const rows = useDutyRows();
  const send = useDutySend();
  const [category, setCategory] = useState<DutyCategory>('intake');
  const [text, setText] = useState('');
  const lines = useMemo(() => dutyLines(rows ?? []), [rows]);
  const mayWrite = canSend(user.role, 'duty.log');
  const save = async () => {
    if (!text.trim()) return;
    if (await send('duty.log', { entryId: ulid(), category, text }, t('duty.saved'))) setText('');
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {mayWrite && (
        <div data-testid="duty-entry-form">
          <Segmented
            size="small"
            value={category}
            onChange={(v) => setCategory(v)}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`duty.category.${c}`) }))}
            data-testid="duty-entry-category"
          />
          <Space.Compact style={{ width: '100%', marginTop: 6 }}>
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('duty.entryPlaceholder')}
              autoSize={{ minRows: 1, maxRows: 5 }}
              maxLength={4000}
              data-testid="duty-entry-text"
              onPressEnter={(e) => {
                if (!e.shiftKey) {
                  e.preventDefault();
                  void save();
                }
              }}
            />
            <Button type="primary" onClick={() => void save()} data-testid="duty-entry-submit">
              {t('duty.add')}
            </Button>
          </Space.Compact>
        </div>
      )}
      {lines.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.empty')} />
      ) : (
        <List
          size="small"
          data-testid="duty-log"
          dataSource={lines}
          rowKey={(l) => l.key}
          renderItem={(l) => (
            <List.Item>
              <LogLine line={l} />
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

function ShiftTab() {
  const controller = useMapController();
  const { t, i18n } = useTranslation();
  const db = useDb();
  const rows = useDutyRows();
  const now = useNow();
  const incidents = useLiveQuery(() => db.incidents.toArray(), [db]);
  // NOTE: the start only moves at a handover, so a minute's precision keeps the list from re-sorting every second.
  const minute = Math.floor(now / 60_000) * 60_000;
  const since = useMemo(() => shiftStart(rows ?? [], minute), [rows, minute]);
  const items = useMemo(() => shiftIncidents((incidents ?? []).map(normalizeIncident), since), [incidents, since]);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="duty-shift">
      <Typography.Text type="secondary">
        {t('duty.shiftSince', { since: formatDateTime(since, i18n.language) })}
      </Typography.Text>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.shiftEmpty')} />
      ) : (
        items.map(({ incident, steps }) => (
          <div key={incident.id} className="duty-shift-incident" data-testid="duty-shift-incident">
            <Space size={4} wrap>
              {incident.mode === 'drill' && <DrillBadge />}
              <StateBadge state={incident.state} />
              <GradeBadge grade={incident.grade} />
              <Typography.Link
                onClick={() => {
                  incidentUi.select(incident.id);
                  dutyUi.close();
                  controller?.flyTo(incident.location, 11);
                }}
              >
                {incident.title}
              </Typography.Link>
            </Space>
            <Timeline
              style={{ marginTop: 8 }}
              items={steps.map((s) => ({
                key: s.seq,
                content: (
                  <span>
                    {t(`states.${s.state}`)} · <Signature sig={{ at: s.at, name: s.by, workstation: s.workstation }} />
                  </span>
                ),
              }))}
            />
          </div>
        ))
      )}
    </Space>
  );
}

function HandoverTab() {
  const { t } = useTranslation();
  const db = useDb();
  const send = useDutySend();
  const enterprises = useReplicaRows('enterprises');
  const departments = useReplicaRows('departments');
  const [summary, setSummary] = useState<HandoverSummary | null>(null);
  const [remarks, setRemarks] = useState('');
  const [busy, setBusy] = useState(false);
  const generate = async () => {
    const [incidents, linkageActions] = await Promise.all([db.incidents.toArray(), db.linkageActions.toArray()]);
    setSummary(
      handoverSummary(
        {
          incidents: incidents.map(normalizeIncident),
          linkageActions,
          enterprises: enterprises ?? [],
          departments: departments ?? [],
        },
        Date.now(),
      ),
    );
  };
  const handOver = async () => {
    if (!summary) return;
    setBusy(true);
    try {
      if (await send('duty.handover', { handoverId: ulid(), summary, remarks }, t('duty.handOverDone'))) {
        setSummary(null);
        setRemarks('');
        dutyUi.tab('log');
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="duty-handover">
      <Button onClick={() => void generate()} data-testid="handover-generate">
        {summary ? t('duty.regenerate') : t('duty.generate')}
      </Button>
      {summary && (
        <>
          <HandoverSummaryView summary={summary} />
          <Typography.Text strong>{t('duty.remarks')}</Typography.Text>
          <Input.TextArea
            value={remarks}
            onChange={(e) => setRemarks(e.target.value)}
            placeholder={t('duty.remarksPlaceholder')}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={4000}
            data-testid="handover-remarks"
          />
          <Button type="primary" loading={busy} onClick={() => void handOver()} data-testid="handover-submit">
            {t('duty.handOver')}
          </Button>
        </>
      )}
    </Space>
  );
}

/** The duty log drawer: the log, this shift's incidents, and the handover. */
export function DutyDrawer({ user }: { user: User }) {
  const { t } = useTranslation();
  const open = useDutyUi((s) => s.open);
  const tab = useDutyUi((s) => s.tab);
  const mayHandOver = canSend(user.role, 'duty.handover');
  return (
    <Drawer
      title={t('duty.title')}
      open={open}
      onClose={dutyUi.close}
      size={520}
      destroyOnHidden
      data-testid="duty-drawer"
      rootClassName="duty-drawer"
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => dutyUi.tab(k as typeof tab)}
        items={[
          { key: 'log', label: t('duty.tabs.log'), children: <LogTab user={user} /> },
          { key: 'shift', label: t('duty.tabs.shift'), children: <ShiftTab /> },
          ...(mayHandOver ? [{ key: 'handover', label: t('duty.tabs.handover'), children: <HandoverTab /> }] : []),
        ]}
      />
    </Drawer>
  );
}

import { useMemo, useState } from 'react';
import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { canSend } from '@common/auth/permissions';
import { pendingHandoversFor } from '@common/rules/handover-rules';
import type { User } from '@common/schemas/user';
import { formatDateTime } from '../../ui/format';
import { dutyUi, useDutyUi } from './duty-ui-store';
import { HandoverSummaryView } from './handover-summary-view';
import { useDutyRows, useDutySend } from './use-duty';

/**
 * For the incoming officer: a banner while a handover waits for acknowledgement (by anyone
 * but the one who handed it over), and the dialog to read it and take over.
 */
export function HandoverBanner({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const rows = useDutyRows();
  const send = useDutySend();
  const reviewing = useDutyUi((s) => s.reviewing);
  const [remarks, setRemarks] = useState('');
  const [busy, setBusy] = useState(false);
  const mayAccept = canSend(user.role, 'duty.acceptHandover');
  const pending = useMemo(() => (mayAccept ? pendingHandoversFor(rows ?? [], user.id) : []), [rows, user, mayAccept]);
  const first = pending[0];
  // The dialog stays on the handover it opened with, even once it is acknowledged elsewhere.
  const open = rows?.find((r) => r.id === reviewing);
  const handover = open?.kind === 'handover' ? open : undefined;

  const accept = async () => {
    if (!handover) return;
    setBusy(true);
    try {
      if (await send('duty.acceptHandover', { handoverId: handover.id, remarks }, t('duty.acceptDone'))) {
        setRemarks('');
        dutyUi.review(null);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {first && (
        <Alert
          className="handover-banner"
          data-testid="handover-banner"
          type="warning"
          showIcon
          banner
          title={t('duty.bannerTitle', { name: first.by.name, at: formatDateTime(first.by.at, i18n.language) })}
          description={pending.length > 1 ? t('duty.bannerMore', { count: pending.length - 1 }) : undefined}
          action={
            <Button type="primary" size="small" onClick={() => dutyUi.review(first.id)} data-testid="handover-review">
              {t('duty.review')}
            </Button>
          }
        />
      )}
      <Modal
        open={handover !== undefined}
        title={handover ? t('duty.handedOverBy', { name: handover.by.name }) : ''}
        onCancel={() => dutyUi.review(null)}
        width={640}
        destroyOnHidden
        footer={
          handover && !handover.accepted ? (
            <Button type="primary" loading={busy} onClick={() => void accept()} data-testid="handover-accept">
              {t('duty.acceptButton')}
            </Button>
          ) : null
        }
      >
        {handover && (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="handover-dialog">
            <Typography.Text type="secondary">
              {formatDateTime(handover.by.at, i18n.language, true)} · {handover.by.workstation}
            </Typography.Text>
            {handover.remarks && (
              <div>
                <Typography.Text strong>{t('duty.remarks')}：</Typography.Text>
                <span data-testid="handover-dialog-remarks">{handover.remarks}</span>
              </div>
            )}
            <HandoverSummaryView summary={handover.summary} />
            {!handover.accepted && (
              <>
                <Typography.Text strong>{t('duty.acceptRemarks')}</Typography.Text>
                <Input.TextArea
                  value={remarks}
                  onChange={(e) => setRemarks(e.target.value)}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={4000}
                  data-testid="handover-accept-remarks"
                />
              </>
            )}
          </Space>
        )}
      </Modal>
    </>
  );
}

import { useState } from 'react';
import type { ReactNode } from 'react';
import { App, InputNumber, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { InvalidCommandError } from '../../sync/sync-engine';

/**
 * The frame of a one-step dialog on an order — the liaison's feedback, completion or decline, the
 * officer's cancel or reassignment: sends through the outbox, shows the refusal (the schema's,
 * naming the field) in the dialog, and closes once the command is saved. `children` gets the
 * submit function, so a text field can send with Ctrl+Enter.
 */
export function StepModal({
  step,
  task,
  testIdPrefix,
  onSend,
  onClose,
  children,
}: {
  /** key under linkage.steps.* */
  step: string;
  task: string;
  /** e.g. `liaison-step` → liaison-step-submit, liaison-step-error */
  testIdPrefix: string;
  onSend: () => Promise<void>;
  onClose: () => void;
  children: (submit: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const stepName = t(`linkage.steps.${step}`);

  const submit = async () => {
    setError(null);
    setSending(true);
    try {
      await onSend();
      void message.success(t('linkage.stepDone', { step: stepName }));
      onClose();
    } catch (e) {
      setError(e instanceof InvalidCommandError ? e.detail : String(e));
    } finally {
      setSending(false);
    }
  };
  const send = () => void submit();

  return (
    <Modal
      open
      title={`${stepName} · ${task}`}
      okText={t('linkage.ok')}
      cancelText={t('linkage.cancelButton')}
      confirmLoading={sending}
      onOk={send}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': `${testIdPrefix}-submit` }}
      width={460}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {children(send)}
        {error && (
          <Typography.Text type="danger" data-testid={`${testIdPrefix}-error`}>
            {error}
          </Typography.Text>
        )}
      </Space>
    </Modal>
  );
}

/** A whole number in a step dialog (personnel, vehicles, minutes): empty is null, never NaN. */
export function WholeNumberInput({
  value,
  onChange,
  min,
  max,
  label,
  testId,
}: {
  value: number | null;
  onChange: (value: number | null) => void;
  min: number;
  max: number;
  label: string;
  testId?: string;
}) {
  return (
    <InputNumber
      min={min}
      max={max}
      precision={0}
      value={value}
      onChange={(v) => onChange(typeof v === 'number' ? v : null)}
      addonBefore={label}
      data-testid={testId}
    />
  );
}

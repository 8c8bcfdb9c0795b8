import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CasualtyChange, Incident } from '@common/schemas/incident';
import { formatDateTime } from '../../ui/format';
import { casualtyLine } from './incident-feed';

/** Which figures differ from the entry before (the first entry has nothing to differ from). */
export function changedFigures(prev: CasualtyChange | undefined, next: CasualtyChange): Array<string> {
  if (!prev) return [];
  const keys = ['deaths', 'seriousInjuries', 'injured', 'missing', 'trapped', 'endangered', 'relocated'] as const;
  const changed: Array<string> = keys.filter((k) => prev.casualties[k] !== next.casualties[k]);
  if (prev.directLossWan !== next.directLossWan) changed.push('directLossWan');
  return changed;
}

/**
 * The casualty figures and direct loss over time (projected by the shared projection): each
 * entry with when, who and from which workstation, newest last, so a re-grade can be traced to
 * the update that caused it. Shown once the figures have changed at least once.
 */
export function CasualtyHistory({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const history = incident.casualtyHistory;
  if (history.length < 2) return null;
  return (
    <div className="workspace-casualty-history" data-testid="casualty-history">
      <Typography.Text type="secondary">{t('workspace.casualtyHistory')}：</Typography.Text>
      <ol>
        {history.map((h, i) => {
          const changed = changedFigures(history[i - 1], h);
          return (
            <li key={h.seq} data-testid="casualty-history-entry" data-seq={h.seq} data-deaths={h.casualties.deaths}>
              <span className={changed.length > 0 ? 'casualty-changed' : undefined}>
                {casualtyLine(h.casualties, t)} · {t('workspace.casualtyLoss', { value: h.directLossWan })}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                {formatDateTime(h.at, i18n.language, true)} · {t('workspace.casualtyBy', { by: h.by })}
                {h.workstation ? ` · ${h.workstation}` : ''}
                {h.seq > 0 ? ` · #${h.seq}` : ''}
              </Typography.Text>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

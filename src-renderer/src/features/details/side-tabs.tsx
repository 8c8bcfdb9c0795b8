import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PlansPanel } from '../plans/plans-panel';
import { SpatialTools } from '../spatial/spatial-tools';
import { panels, usePanels } from './panel-store';
import type { SideTab } from './panel-store';

/**
 * The side column: the incident feed (first, as before), the plans panel, the spatial tools. A
 * liaison's workstation puts its department inbox first and opens on it.
 */
export function SideTabs({ feed, inbox }: { feed: ReactNode; inbox?: ReactNode }) {
  const { t } = useTranslation();
  const tab = usePanels((s) => s.sideTab);
  const hasInbox = inbox !== undefined;
  useEffect(() => {
    if (hasInbox) panels.showTab('inbox');
  }, [hasInbox]);
  return (
    <Tabs
      className="side-tabs"
      size="small"
      activeKey={tab}
      onChange={(key) => panels.showTab(key as SideTab)}
      destroyOnHidden
      items={[
        ...(hasInbox
          ? [{ key: 'inbox', label: <span data-testid="side-tab-inbox">{t('linkage.inbox')}</span>, children: inbox }]
          : []),
        { key: 'feed', label: <span data-testid="side-tab-feed">{t('feed.title')}</span>, children: feed },
        {
          key: 'plans',
          label: <span data-testid="side-tab-plans">{t('panels.plans.tab')}</span>,
          children: <PlansPanel />,
        },
        {
          key: 'spatial',
          label: <span data-testid="side-tab-spatial">{t('panels.spatial.tab')}</span>,
          children: <SpatialTools />,
        },
      ]}
    />
  );
}

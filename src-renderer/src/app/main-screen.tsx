import { useEffect, useMemo, useRef } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { canSend } from '@common/auth/permissions';
import { DbContext } from '../db/db-context';
import { openAppDb } from '../db/instance';
import { ReplicaTablesProvider } from '../db/replica-tables';
import { IncidentAlerts } from '../features/alerts/incident-alerts';
import { DetailPanel } from '../features/details/detail-panel';
import { panels } from '../features/details/panel-store';
import { SideTabs } from '../features/details/side-tabs';
import { DutyDrawer } from '../features/duty/duty-drawer';
import { dutyUi } from '../features/duty/duty-ui-store';
import { HandoverBanner } from '../features/duty/handover-banner';
import { IncidentDetail } from '../features/incidents/incident-detail';
import { IncidentFeed } from '../features/incidents/incident-feed';
import { incidentUi } from '../features/incidents/incident-ui-store';
import { ReportIncidentDrawer } from '../features/incidents/report-incident-drawer';
import { DepartmentInbox } from '../features/linkage/department-inbox';
import { LinkageLayer } from '../features/linkage/linkage-layer';
import { linkageUi } from '../features/linkage/linkage-ui-store';
import { PanelsMapBridge } from '../features/spatial/map-bridge';
import { PlaceDataProvider } from '../features/spatial/place-data';
import { MapProvider } from '../map/map-context';
import { MapLayerPanel } from '../map/map-layer-panel';
import { MapLegend } from '../map/map-legend';
import { MapView } from '../map/map-view';
import { logger } from '../logger';
import { startSync, stopSync } from '../sync/runtime';
import { endSession } from '../sync/session';
import type { Session } from '../sync/session';
import { AppHeader } from '../ui/app-header';

export function MainScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const db = useMemo(() => openAppDb(session.hubUrl, session.user.username), [session]);
  const role = session.user.role;
  const canReport = canSend(role, 'incident.report');

  // NOTE: the engine lives as long as the session; a language switch must not restart it.
  const ui = useRef({ t, notification });
  useEffect(() => {
    ui.current = { t, notification };
  }, [t, notification]);

  useEffect(() => void performance.mark('wf:main-screen'), []);
  useEffect(() => {
    let cancelled = false;
    void startSync(session, {
      onCommandFailed: (failure) => {
        const { t: tr, notification: n } = ui.current;
        n.error({
          title: tr('failure.title', { command: tr(`commands.${failure.type}`) }),
          description: tr('failure.body', { message: failure.error.message, code: failure.error.code }),
          duration: 0,
        });
      },
      onSessionEnded: (message) => {
        stopSync();
        endSession(message);
      },
    }).catch((error: unknown) => {
      if (!cancelled) logger.error('could not start sync', error);
    });
    return () => {
      cancelled = true;
      stopSync();
      incidentUi.select(null);
      incidentUi.closeReport();
      linkageUi.close();
      dutyUi.reset();
      panels.reset();
    };
  }, [session]);

  const logout = () => {
    stopSync();
    endSession(null);
  };

  return (
    <DbContext.Provider value={db}>
      <ReplicaTablesProvider>
        <MapProvider>
          <PlaceDataProvider>
            <div className="main-screen" data-testid="main-screen">
              <AppHeader user={session.user} onLogout={logout} />
              <HandoverBanner user={session.user} />
              <div className="main-body">
                <div className="main-map">
                  <MapView />
                  <div className="map-side">
                    <MapLayerPanel />
                    <MapLegend />
                  </div>
                  <div className="detail-overlay">
                    <IncidentDetail user={session.user} />
                    <DetailPanel />
                  </div>
                </div>
                <aside className="main-side">
                  <SideTabs
                    feed={<IncidentFeed canReport={canReport} />}
                    inbox={role === 'liaison' ? <DepartmentInbox user={session.user} /> : undefined}
                  />
                </aside>
              </div>
              <DutyDrawer user={session.user} />
              {canReport && <ReportIncidentDrawer mode={role === 'drill_coordinator' ? 'drill' : 'real'} />}
            </div>
            <PanelsMapBridge />
            <LinkageLayer user={session.user} />
            <IncidentAlerts user={session.user} />
          </PlaceDataProvider>
        </MapProvider>
      </ReplicaTablesProvider>
    </DbContext.Provider>
  );
}

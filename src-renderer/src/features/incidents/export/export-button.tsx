import { useState } from 'react';
import { App, Button, Dropdown } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { COUNTY } from '@common/domain/county';
import type { Incident } from '@common/schemas/incident';
import type { User } from '@common/schemas/user';
import { bridge } from '../../../bridge/bridge';
import { useDb } from '../../../db/db-context';
import type { WatchfloorDb } from '../../../db/db';
import { logger } from '../../../logger';
import { useMapInstance } from '../../../map/map-context';
import type { IncidentDocumentData, IncidentDocumentKind } from './incident-document';
import { captureMapSnapshot } from './map-snapshot';
import type { MapSnapshot } from './map-snapshot';

/** Everything the documents say, read from the replica at export time. */
async function gather(
  db: WatchfloorDb,
  incident: Incident,
  user: User,
  map: MapSnapshot | undefined,
): Promise<IncidentDocumentData> {
  const [enterprise, notes, orders, departments] = await Promise.all([
    incident.enterpriseId ? db.enterprises.get(incident.enterpriseId) : undefined,
    db.incidentNotes.where('incidentId').equals(incident.id).toArray(),
    db.linkageActions.where('incidentId').equals(incident.id).toArray(),
    db.departments.toArray(),
  ]);
  const center = departments.find((d) => d.kind === 'command_center');
  return {
    incident,
    ...(enterprise ? { enterprise } : {}),
    notes,
    orders,
    departments,
    reportingUnit: center?.name ?? `${COUNTY.nameZh}应急管理局`,
    reporter: user.displayName,
    reporterPhone: center?.dutyPhone ?? '',
    reportTime: new Date().toISOString(),
    ...(map ? { map } : {}),
  };
}

/** The workspace's export menu: 事故信息快报 or 处置报告 as .docx, saved through the bridge. */
export function IncidentExportButton({ incident, user }: { incident: Incident; user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const db = useDb();
  const map = useMapInstance();
  const [busy, setBusy] = useState(false);

  const run = async (kind: IncidentDocumentKind) => {
    setBusy(true);
    const hide = message.loading(t('incidentExport.working'), 0);
    try {
      // The builder (and the docx library) load on first use only: most shifts never export.
      const documents = await import('./incident-document');
      let snapshot: MapSnapshot | undefined;
      if (kind === 'full' && map) {
        try {
          snapshot = await captureMapSnapshot(map, incident.location);
        } catch (error) {
          logger.warn('map snapshot failed; the report is made without it', error);
        }
      }
      const data = await gather(db, incident, user, snapshot);
      const bytes = await documents.incidentDocx(kind, data);
      const result = await bridge().saveDocument({
        suggestedName: documents.incidentDocxName(kind, incident, data.reportTime),
        type: 'docx',
        data: bytes,
      });
      if (!result.ok) void message.error(t('incidentExport.failed', { message: result.error.message }));
      else if (!result.saved) void message.info(t('incidentExport.cancelled'));
      else void message.success(t('incidentExport.saved', { name: result.fileName ?? '' }));
    } catch (error) {
      logger.error('export failed', error);
      void message.error(
        t('incidentExport.failed', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      hide();
      setBusy(false);
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      disabled={busy}
      menu={{
        items: [
          { key: 'express', label: <span data-testid="export-express">{t('incidentExport.express')}</span> },
          { key: 'full', label: <span data-testid="export-full">{t('incidentExport.full')}</span> },
        ],
        onClick: ({ key }) => void run(key as IncidentDocumentKind),
      }}
    >
      <Button size="small" icon={<FileWordOutlined />} loading={busy} data-testid="export-open">
        {t('incidentExport.button')}
      </Button>
    </Dropdown>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCIDENT_GRADE_CODES } from '@common/domain/accident-reporting-regulation';
import type { User } from '@common/schemas/user';
import { useDb } from '../../db/db-context';
import { useIncidents } from '../../db/queries';
import { categoryLabel } from '../../ui/format';
import { incidentUiStore } from '../incidents/incident-ui-store';
import { alert, ownReports } from './alert';
import { incidentsToAlert } from './alert-patterns';
import { useCaughtUp } from './use-caught-up';

/** More new incidents than this at once (a reconnect after a long gap) make one summary alert. */
const MAX_SEPARATE_ALERTS = 3;

/**
 * No UI: raises the new-incident alert (sound by grade + native notification) for incidents that
 * arrive live. The incidents already in the replica once the login catch-up has been applied are
 * the baseline and never alert; neither do this workstation's own reports. Liaisons are alerted by
 * their inbox instead.
 */
export function IncidentAlerts({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const rows = useIncidents();
  const seen = useRef<Set<string> | null>(null);
  const [ready, setReady] = useState(false);

  const caughtUp = useCaughtUp();

  // The baseline: the incidents in the replica once the login catch-up has been applied.
  useEffect(() => {
    if (!caughtUp) return;
    let cancelled = false;
    void db.incidents
      .toCollection()
      .primaryKeys()
      .then((ids) => {
        if (cancelled) return;
        seen.current = new Set(ids as Array<string>);
        setReady(true);
      });
    return () => {
      cancelled = true;
    };
  }, [db, caughtUp]);

  useEffect(() => {
    const known = seen.current;
    if (!ready || !known || user.role === 'liaison') return;
    const fresh = incidentsToAlert(rows, known, { displayName: user.displayName, ownIncidentIds: ownReports.ids() });
    for (const row of rows) known.add(row.id);
    if (fresh.length === 0) return;
    const byId = new Map(rows.map((r) => [r.id, r]));
    // A real-only view never shows a drill (DESIGN, drill isolation): nor does it sound one.
    const realOnly = incidentUiStore.getState().filter.mode === 'real';
    const incidents = fresh.flatMap((id) => byId.get(id) ?? []).filter((i) => !(realOnly && i.mode === 'drill'));
    if (incidents.length === 0) return;
    const drillMark = t('alerts.drill');
    if (incidents.length > MAX_SEPARATE_ALERTS) {
      const worst = incidents.reduce((a, b) =>
        ACCIDENT_GRADE_CODES.indexOf(b.grade) > ACCIDENT_GRADE_CODES.indexOf(a.grade) ? b : a,
      );
      const allDrill = incidents.every((i) => i.mode === 'drill');
      void alert(
        {
          kind: 'incident',
          severity: worst.grade,
          mode: allDrill ? 'drill' : 'real',
          title: t('alerts.manyIncidents', { count: incidents.length }),
          body: incidents.map((i) => (i.mode === 'drill' ? `【${drillMark}】${i.title}` : i.title)).join('\n'),
        },
        { drillMark },
      );
      return;
    }
    for (const incident of incidents) {
      void alert(
        {
          kind: 'incident',
          severity: incident.grade,
          mode: incident.mode,
          title: t('alerts.newIncident', {
            grade: t(`workspace.grade.${incident.grade}`),
            title: incident.title,
          }),
          body: [
            categoryLabel(incident.category, i18n.language),
            t('feed.casualties', { ...incident.casualties }),
            t(`intake.sources.${incident.source}`),
          ].join(' · '),
        },
        { drillMark },
      );
    }
  }, [rows, ready, user, t, i18n.language]);

  return null;
}

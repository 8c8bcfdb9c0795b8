import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { townshipName } from '../../ui/format';
import { HAZARD_GRADE_COLORS, RISK_COLORS, TEAM_STATUS_COLORS } from '../../map/symbology';
import type { HazardGradeKey } from '../../map/symbology';
import type { RiskLevel } from '@common/schemas/enterprise';
import type { TeamStatus } from '@common/schemas/rescue-team';
import { formatFigure } from './hazard-working';

/** A titled block of a detail panel. */
export function Section({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="panel-section" data-testid={testId}>
      <h4 className="panel-section-title">{title}</h4>
      {children}
    </section>
  );
}

/** Label–value rows: denser and easier to scan at 3 a.m. than a two-column table. */
export function Facts({ rows }: { rows: ReadonlyArray<readonly [ReactNode, ReactNode, string?] | false | null> }) {
  return (
    <dl className="panel-facts">
      {rows.map((row, i) =>
        row ? (
          <div className="panel-fact" key={i} data-testid={row[2]}>
            <dt>{row[0]}</dt>
            <dd>{row[1]}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}

/** A phone number the workstation (or a softphone) can dial. */
export function PhoneLink({ phone }: { phone: string }) {
  if (!phone) return <span className="panel-muted">—</span>;
  return (
    <a className="panel-phone" href={`tel:${phone.replace(/[^0-9+]/g, '')}`} data-testid="phone-link">
      <PhoneOutlined /> {phone}
    </a>
  );
}

export function useTownshipName(): (code: string | undefined) => string {
  const { i18n } = useTranslation();
  return (code) => townshipName(code, i18n.language) ?? '—';
}

/** 四色 risk as the map draws it. */
export function RiskTag({ level }: { level: RiskLevel }) {
  const { t } = useTranslation();
  return (
    <Tag
      variant="solid"
      color={RISK_COLORS[level]}
      className={`risk-tag risk-${level}`}
      data-testid="risk-tag"
      data-risk={level}
      style={level === 'general' ? { color: '#3d3200' } : undefined}
    >
      {t(`panels.risk.${level}`)}
    </Tag>
  );
}

/** GB 18218 grade 一级..四级 in the warning colours, or "not a major hazard source". */
export function GradeTag({ grade }: { grade: 1 | 2 | 3 | 4 | null }) {
  const { t } = useTranslation();
  const key: HazardGradeKey = grade ?? 0;
  return (
    <Tag
      variant="solid"
      color={HAZARD_GRADE_COLORS[key]}
      data-testid="grade-tag"
      data-grade={grade ?? 'none'}
      style={grade === 3 ? { color: '#3d3200' } : undefined}
    >
      {t(`panels.grade.${grade ?? 'none'}`)}
    </Tag>
  );
}

export function TeamStatusTag({ status }: { status: TeamStatus }) {
  const { t } = useTranslation();
  return (
    <Tag variant="solid" color={TEAM_STATUS_COLORS[status]} data-testid="team-status" data-status={status}>
      {t(`panels.teamStatus.${status}`)}
    </Tag>
  );
}

/** km with one decimal (two below 1 km): what a dispatcher reads out. */
export function formatKm(km: number): string {
  return km < 1 ? km.toFixed(2) : km.toFixed(1);
}

export function Km({ km }: { km: number }) {
  const { t } = useTranslation();
  return (
    <span className="panel-km" data-testid="km" data-km={km}>
      {t('panels.detail.km', { km: formatKm(km) })}
    </span>
  );
}

export function formatLngLat(p: { lng: number; lat: number }): string {
  return `${p.lng.toFixed(5)}, ${p.lat.toFixed(5)}`;
}

export { formatFigure };

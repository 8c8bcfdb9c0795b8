import { Descriptions, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Incident } from '@common/schemas/incident';
import { categoryLabel, formatDateTime, townshipName } from '../../ui/format';
import { incidentTownship } from './workspace-logic';

/**
 * The reported facts of an incident in its workspace: the short ones two to a row (one left
 * alone fills its row), then the long ones a row each.
 * NOTE: built as `items`, not as JSX children: an optional text field is '' when empty, and
 * `{field && <Item/>}` then passes '' along, which took a slot of the grid.
 */
export function IncidentFacts({ incident, enterpriseName }: { incident: Incident; enterpriseName?: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const township = incidentTownship(incident);
  const short: NonNullable<DescriptionsProps['items']> = [
    { key: 'category', label: t('report.category'), children: categoryLabel(incident.category, language) },
    { key: 'occurred', label: t('detail.occurredAt'), children: formatDateTime(incident.occurredAt, language) },
    {
      key: 'reported',
      label: t('detail.reportedAt'),
      children: `${formatDateTime(incident.reportedAt, language)} · ${incident.reportedBy}`,
    },
    {
      key: 'source',
      label: t('intake.source'),
      children: (
        <span data-testid="detail-source" data-source={incident.source}>
          {t(`intake.sources.${incident.source}`)}
        </span>
      ),
    },
    {
      key: 'township',
      label: t('intake.township'),
      children: (
        <>
          {townshipName(township, language) ?? township}
          {incident.beyondCountyCapacity && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              {t('intake.beyondCapacity')}
            </Tag>
          )}
        </>
      ),
    },
    {
      key: 'location',
      label: t('detail.location'),
      children: `${incident.location.lng.toFixed(5)}, ${incident.location.lat.toFixed(5)}`,
    },
  ];
  if (incident.directLossWan > 0)
    short.push({
      key: 'loss',
      label: t('detail.loss'),
      children: t('detail.lossValue', { value: incident.directLossWan }),
    });
  const lastShort = short.at(-1);
  if (short.length % 2 === 1 && lastShort) lastShort.span = 'filled';

  const long: NonNullable<DescriptionsProps['items']> = [];
  if (incident.hazmat !== '') long.push({ key: 'hazmat', label: t('intake.hazmat'), children: incident.hazmat });
  if (enterpriseName) long.push({ key: 'enterprise', label: t('detail.enterprise'), children: enterpriseName });
  if (incident.description !== '')
    long.push({ key: 'description', label: t('detail.description'), children: incident.description });
  const reporter = `${incident.reporterName} ${incident.reporterPhone}`.trim();
  if (reporter !== '') long.push({ key: 'reporter', label: t('detail.reporter'), children: reporter });

  return (
    <Descriptions
      size="small"
      column={2}
      className="detail-facts"
      items={[...short, ...long.map((item) => ({ ...item, span: 2 }))]}
    />
  );
}

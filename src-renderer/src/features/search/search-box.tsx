import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { AutoComplete, Input, Tag } from 'antd';
import type { GetRef } from 'antd';
import { SearchOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { townshipName } from '../../ui/format';
import type { DetailKind } from '../details/panel-store';
import { useShow } from '../details/use-show';
import { usePlaceData, useTeamData } from '../spatial/place-data';
import type { PlaceData, TeamData } from '../spatial/place-data';
import { creditCodeHint } from './search-index';
import type { SearchHit } from './search-index';
import { useSearch } from './use-search';

const townshipOf = (code: string | undefined, language: string) => townshipName(code, language) ?? '';

/** The second line of a hit: what kind of thing it is and where. */
function subtitle(hit: SearchHit, data: PlaceData, teams: TeamData, t: TFunction, language: string): string {
  const { kind, id } = hit.entry;
  const parts: Array<string> = [];
  switch (kind) {
    case 'enterprises': {
      const e = data.byId.enterprises.get(id);
      if (e) parts.push(t(`panels.sector.${e.sector}`), townshipOf(e.townshipCode, language));
      if (hit.match === 'addressContains' && e) parts.push(e.address);
      if ((hit.match === 'codeExact' || hit.match === 'codePrefix') && e) parts.push(e.creditCode);
      break;
    }
    case 'hazardSources': {
      const h = data.byId.hazardSources.get(id);
      const e = h ? data.byId.enterprises.get(h.enterpriseId) : undefined;
      if (e) parts.push(e.name);
      break;
    }
    case 'rescueTeams': {
      const team = teams.byId.get(id);
      if (team) parts.push(t(`panels.teamType.${team.type}`), t(`panels.teamStatus.${team.status}`));
      break;
    }
    case 'receptors': {
      const r = data.byId.receptors.get(id);
      if (r) parts.push(t(`panels.receptorKind.${r.kind}`), townshipOf(r.townshipCode, language));
      break;
    }
    case 'shelters':
    case 'supplyDepots': {
      const p = data.byId[kind].get(id);
      if (p) parts.push(townshipOf(p.townshipCode, language), p.address);
      break;
    }
    case 'plans': {
      const p = data.byId.plans.get(id);
      if (p) parts.push(t(`panels.planType.${p.type}`), t(`panels.ownerKind.${p.ownerKind}`));
      break;
    }
  }
  return parts.filter(Boolean).join(' · ');
}

const optionValue = (kind: DetailKind, id: string) => `${kind}|${id}`;

/**
 * The one search box: enterprise name, 统一社会信用代码 (exact or prefix), address; teams,
 * shelters, receptors, depots, hazard sources and plans by name. `/` or Ctrl+K focuses it;
 * arrows and Enter pick; the map flies there and the detail opens.
 */
export function SearchBox() {
  const { t, i18n } = useTranslation();
  const data = usePlaceData();
  const teams = useTeamData();
  const search = useSearch();
  const show = useShow();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const query = useDeferredValue(text);
  const ref = useRef<GetRef<typeof AutoComplete>>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if ((e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        ref.current?.focus();
      } else if (e.key === '/' && !typing && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        ref.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const hits = useMemo(() => (query.trim() ? search(query, 30) : []), [search, query]);
  const hint = creditCodeHint(query);

  const options = useMemo(() => {
    const groups = new Map<DetailKind, Array<SearchHit>>();
    for (const hit of hits) {
      const list = groups.get(hit.entry.kind);
      if (list) list.push(hit);
      else groups.set(hit.entry.kind, [hit]);
    }
    const language = i18n.language;
    return [...groups].map(([kind, list]) => ({
      label: <span className="search-group">{t(`panels.kinds.${kind}`)}</span>,
      title: kind,
      options: list.map((hit) => ({
        value: optionValue(hit.entry.kind, hit.entry.id),
        label: (
          <div className="search-option" data-testid="search-option" data-kind={kind} data-id={hit.entry.id}>
            <div className="search-option-name">
              {hit.entry.name}
              {(hit.match === 'codeExact' || hit.match === 'codePrefix') && (
                <Tag className="search-match-tag" color="blue">
                  {t('panels.search.byCode')}
                </Tag>
              )}
              {hit.match === 'addressContains' && (
                <Tag className="search-match-tag">{t('panels.search.byAddress')}</Tag>
              )}
            </div>
            <div className="search-option-sub">{subtitle(hit, data, teams, t, language)}</div>
          </div>
        ),
      })),
    }));
  }, [hits, data, teams, t, i18n.language]);

  const onSelect = (value: string) => {
    const [kind, id] = value.split('|') as [DetailKind, string];
    setText('');
    setOpen(false);
    ref.current?.blur();
    show({ kind, id });
  };

  return (
    <div className="search-box" data-testid="search-box">
      <AutoComplete
        ref={ref}
        value={text}
        options={options}
        open={open && text.trim().length > 0}
        onOpenChange={setOpen}
        onSearch={(v) => {
          setText(v);
          setOpen(true);
        }}
        onSelect={onSelect}
        onInputKeyDown={(e) => {
          if (e.key === 'Escape') {
            setText('');
            ref.current?.blur();
          }
        }}
        defaultActiveFirstOption
        popupMatchSelectWidth={520}
        filterOption={false}
        notFoundContent={
          text.trim() ? (
            <span data-testid="search-empty">{data.loaded ? t('panels.search.none') : t('panels.search.loading')}</span>
          ) : null
        }
        popupRender={(menu) => (
          <div data-testid="search-results">
            {hint && (
              <div className="search-hint" data-testid="search-code-hint">
                <WarningOutlined />{' '}
                {hint.kind === 'checkFailed'
                  ? t('panels.search.checkFailed', { expected: hint.expected })
                  : t('panels.search.badCharacters')}
              </div>
            )}
            {menu}
          </div>
        )}
      >
        <Input
          prefix={<SearchOutlined />}
          placeholder={t('panels.search.placeholder')}
          suffix={<kbd className="search-kbd">/</kbd>}
          allowClear
          aria-label={t('panels.search.placeholder')}
          data-testid="search-input"
        />
      </AutoComplete>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Select, Spin, Tag } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import {
  AED_VENUE_LABELS,
  walkingDirection,
  wgs84ToGcj02,
  type AedMapConfig,
  type LatLng,
  type PublicAed,
} from '@boai/contracts';
import { Logo } from '../../brand/Logo.tsx';
import { api } from '../../lib/api.ts';
import styles from '../portal.module.css';
import { AedMap } from './AedMap.tsx';
import own from './nearestAeds.module.css';

type Where =
  | { kind: 'locating' }
  | { kind: 'refused'; reason: string }
  | { kind: 'point'; point: LatLng; source: 'gps' | 'map' | 'area'; label?: string; areaId?: number };

const shownDistance = (m: number) => (m < 1000 ? `${m} 米` : `${(m / 1000).toFixed(1)} 公里`);
/** AMap's own page for a point (GCJ-02), which opens the AMap app for walking directions when installed. */
const amapLink = (d: PublicAed) => {
  const g = wgs84ToGcj02(d);
  return `https://uri.amap.com/marker?position=${g.lng.toFixed(6)},${g.lat.toFixed(6)}&name=${encodeURIComponent(`AED·${d.venueName}`)}&coordinate=gaode`;
};

/**
 * 附近的 AED: phone-first. Uses the browser's location; if it is refused (or there is none), the person
 * taps the map or chooses an area. The list — distance and a walking direction for each of the ten
 * nearest devices — works without map tiles, which may be blocked or offline.
 */
export default function NearestAeds() {
  const [where, setWhere] = useState<Where>(() =>
    'geolocation' in navigator ? { kind: 'locating' } : { kind: 'refused', reason: '此浏览器无法定位' },
  );
  const [tilesFailed, setTilesFailed] = useState(false);
  const config = useQuery({
    queryKey: ['public-aed-map'],
    queryFn: () => api.get<AedMapConfig>('/api/public/aeds/map'),
  });
  const requestPosition = () => {
    if (!('geolocation' in navigator)) return;
    navigator.geolocation.getCurrentPosition(
      (pos) =>
        setWhere({
          kind: 'point',
          point: { lat: pos.coords.latitude, lng: pos.coords.longitude },
          source: 'gps',
        }),
      (err) =>
        setWhere({
          kind: 'refused',
          reason: err.code === err.PERMISSION_DENIED ? '未获得定位权限' : '暂时无法定位',
        }),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  };
  const locate = () => {
    if (!('geolocation' in navigator)) return;
    setWhere({ kind: 'locating' });
    requestPosition();
  };
  useEffect(requestPosition, []);

  const point = where.kind === 'point' ? where.point : null;
  const nearest = useQuery({
    queryKey: ['public-aed-nearest', point?.lat, point?.lng],
    queryFn: () =>
      api.get<PublicAed[]>('/api/public/aeds/nearest', { lat: point!.lat, lng: point!.lng, limit: 10 }),
    enabled: point !== null,
  });
  const devices = nearest.data ?? [];

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Logo size={30} />
        <span>附近的 AED</span>
      </header>
      <main className={own.main}>
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 10 }}
          message="有人倒地、没有反应、没有正常呼吸：立即拨打 120，开始胸外按压，请身边的人去取最近的 AED。"
        />
        {config.data && (
          <AedMap
            config={config.data}
            me={point}
            devices={devices}
            onPick={(p) => setWhere({ kind: 'point', point: p, source: 'map' })}
            onTilesFailed={() => setTilesFailed(true)}
          />
        )}
        {tilesFailed && (
          <div className={own.mapNote}>地图底图暂时无法加载，不影响下方列表；也可以点地图选择位置。</div>
        )}
        <div className={own.where} data-testid="aed-where">
          {where.kind === 'locating' && (
            <>
              <Spin size="small" /> 正在获取您的位置…
            </>
          )}
          {where.kind === 'point' && (
            <span>
              {where.source === 'gps'
                ? '按您当前位置'
                : where.source === 'map'
                  ? '按地图上选的位置'
                  : `按「${where.label}」`}
              查找
            </span>
          )}
          {where.kind === 'refused' && <span>{where.reason}。请点地图选择位置，或选择区域：</span>}
          {config.data && where.kind !== 'locating' && (
            <Select<number>
              data-testid="aed-area"
              placeholder="选择区域"
              style={{ minWidth: 200 }}
              value={where.kind === 'point' && where.source === 'area' ? where.areaId : undefined}
              options={config.data.areas.map((a) => ({
                value: a.orgId,
                label: `${a.name}（${a.devices} 台）`,
              }))}
              onChange={(id) => {
                const a = config.data!.areas.find((x) => x.orgId === id)!;
                setWhere({
                  kind: 'point',
                  point: { lat: a.lat, lng: a.lng },
                  source: 'area',
                  label: a.name,
                  areaId: a.orgId,
                });
              }}
            />
          )}
          {where.kind !== 'locating' && (
            <Button size="small" icon={<AimOutlined />} onClick={locate}>
              重新定位
            </Button>
          )}
        </div>
        {nearest.isFetching && <Spin style={{ display: 'block', margin: 24 }} />}
        {nearest.isError && <Alert type="error" showIcon message="查询失败，请稍后再试" />}
        {point && nearest.isSuccess && devices.length === 0 && <Empty description="附近没有登记的 AED" />}
        <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="aed-list">
          {point &&
            devices.map((d, i) => (
              <li key={d.id} className={own.item}>
                <div className={own.rank}>{i + 1}</div>
                <div className={own.body}>
                  <div className={own.venue}>{d.venueName}</div>
                  <div className={own.address}>
                    <Tag color="red" bordered={false}>
                      {AED_VENUE_LABELS[d.venueType].zh}
                    </Tag>
                    {d.address}
                  </div>
                  <div className={own.direction}>{walkingDirection(point, d).text}</div>
                </div>
                <div className={own.distance}>
                  {shownDistance(d.distanceMeters)}
                  <a href={amapLink(d)} target="_blank" rel="noreferrer">
                    导航
                  </a>
                </div>
              </li>
            ))}
        </ol>
      </main>
    </div>
  );
}

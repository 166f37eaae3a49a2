import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, GlobalOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { DISASTER_EVENT_STATUS_LABELS, DISASTER_TYPE_LABELS, RESPONSE_LEVEL_LABELS } from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { Page } from '../common/Page.tsx';
import { EVENTS_KEY, eventApi } from './api.ts';
import { eventDict } from './dict.ts';
import { CloseEventForm, EventForm } from './EventForms.tsx';
import { AllocationsSection, AppealsSection, DeploymentsSection, GoodsSection } from './EventSections.tsx';
import { NeedsTable } from './NeedsTable.tsx';

export const LEVEL_COLORS = { I: 'red', II: 'volcano', III: 'orange', IV: 'gold' } as const;

/**
 * 事件页: the header, the needs list against what relief sent (GET /api/relief/events/:id/flow), the
 * appeals with the money raised, the goods given to them, the allocations and any rescue teams sent.
 */
export function EventDetail({ id, onBack }: { id: number; onBack: () => void }) {
  const t = useT(eventDict);
  const label = useLabel();
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const query = useQuery({ queryKey: [...EVENTS_KEY, 'detail', id], queryFn: () => eventApi.detail(id) });
  const flow = useQuery({
    queryKey: [...EVENTS_KEY, 'flow', id],
    queryFn: () => eventApi.flow(id),
    retry: false,
  });
  const e = query.data;
  const back = (
    <Button key="back" icon={<ArrowLeftOutlined />} onClick={onBack}>
      {t('back')}
    </Button>
  );
  if (!e)
    return (
      <Page title={t('title')} extra={[back]}>
        {query.isError ? <Alert type="error" showIcon message={query.error.message} /> : <Spin />}
      </Page>
    );
  const manage = e.canManage && e.status === 'active';
  return (
    <Page
      title={<span id="event-title">{e.name}</span>}
      extra={[
        back,
        <Button key="public" icon={<GlobalOutlined />} href={`/p/events/${e.id}`} target="_blank">
          {t('publicPage')}
        </Button>,
        manage ? (
          <Button key="edit" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('edit')}
          </Button>
        ) : null,
        manage ? (
          <Button key="close" danger icon={<StopOutlined />} onClick={() => setClosing(true)}>
            {t('close')}
          </Button>
        ) : null,
      ]}
    >
      {!e.canManage && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('readOnlyHint', { org: e.orgName })}
        />
      )}
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('type')}>{label(DISASTER_TYPE_LABELS[e.type])}</Descriptions.Item>
          <Descriptions.Item label={t('level')}>
            <Tag color={LEVEL_COLORS[e.responseLevel]}>{label(RESPONSE_LEVEL_LABELS[e.responseLevel])}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('status')}>
            <Tag id="event-status" color={e.status === 'active' ? 'red' : 'default'}>
              {label(DISASTER_EVENT_STATUS_LABELS[e.status])}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('area')}>{e.area}</Descriptions.Item>
          <Descriptions.Item label={t('startsOn')}>{e.startsOn}</Descriptions.Item>
          <Descriptions.Item label={t('endsOn')}>{e.endsOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('org')}>{e.orgName}</Descriptions.Item>
        </Descriptions>
        {e.summary && <Typography.Paragraph style={{ marginBottom: 0 }}>{e.summary}</Typography.Paragraph>}
      </Card>
      <Card id="event-needs" size="small" title={t('needsTitle')} style={{ marginTop: 16 }}>
        <NeedsTable event={e} flow={flow.data} flowFailed={flow.isError} />
      </Card>
      <Card id="event-allocations" size="small" title={t('allocationsTitle')} style={{ marginTop: 16 }}>
        <AllocationsSection flow={flow.data} />
      </Card>
      <Card id="event-appeals" size="small" title={t('appealsTitle')} style={{ marginTop: 16 }}>
        <AppealsSection event={e} />
      </Card>
      <Card size="small" title={t('goodsTitle')} style={{ marginTop: 16 }}>
        <GoodsSection event={e} />
      </Card>
      <DeploymentsSection eventId={e.id} />
      <EventForm event={e} open={editing} onClose={() => setEditing(false)} />
      <CloseEventForm event={closing ? e : null} onClose={() => setClosing(false)} />
    </Page>
  );
}

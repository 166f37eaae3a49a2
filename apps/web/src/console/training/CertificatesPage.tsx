import { useState } from 'react';
import { Button, Form, Input, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ProColumns } from '@ant-design/pro-components';
import {
  CERTIFICATE_STATE_LABELS,
  CERTIFICATE_STATES,
  COURSE_KIND_LABELS,
  type Certificate,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { Page } from '../common/Page.tsx';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useCan } from '../auth/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { TRAINING_KEY, trainingApi } from './api.ts';
import { trainingDict } from './dict.ts';

const CERTS_KEY = [...TRAINING_KEY, 'certificates'];
const STATE_COLORS = { valid: 'green', expired: 'default', revoked: 'red', superseded: 'gold' } as const;

const toParams = (v: SearchValues) => ({
  orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  state: typeof v.state === 'string' ? v.state : undefined,
  q: typeof v.q === 'string' && v.q ? v.q : undefined,
});

/** 救护证书: search by number or holder, state as of now, PDF, revoke with a reason, export. */
export default function CertificatesPage() {
  const t = useT(trainingDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const [revoking, setRevoking] = useState<Certificate | null>(null);

  const columns: ProColumns<Certificate>[] = [
    {
      title: t('search'),
      dataIndex: 'q',
      hideInTable: true,
      fieldProps: { placeholder: `${t('number')} / ${t('holder')}` },
    },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear />,
    },
    {
      title: t('state'),
      dataIndex: 'state',
      valueType: 'select',
      valueEnum: Object.fromEntries(
        CERTIFICATE_STATES.map((s) => [s, { text: label(CERTIFICATE_STATE_LABELS[s]) }]),
      ),
      render: (_, c) => <Tag color={STATE_COLORS[c.state]}>{label(CERTIFICATE_STATE_LABELS[c.state])}</Tag>,
    },
    { title: t('number'), dataIndex: 'number', search: false },
    { title: t('holder'), dataIndex: 'holderName', search: false },
    { title: t('idCard'), dataIndex: 'idCardMasked', search: false },
    { title: t('kind'), search: false, render: (_, c) => label(COURSE_KIND_LABELS[c.kind]) },
    { title: t('course'), dataIndex: 'courseName', search: false },
    { title: t('org'), dataIndex: 'orgName', search: false },
    { title: t('issuedOn'), dataIndex: 'issuedOn', search: false },
    { title: t('validUntil'), dataIndex: 'validUntil', search: false },
    {
      title: `${t('renews')} / ${t('supersededBy')}`,
      search: false,
      render: (_, c) => c.supersededBy ?? c.renews ?? '',
    },
    {
      title: tc('actions'),
      valueType: 'option',
      render: (_, c) => [
        <a key="pdf" href={trainingApi.pdfUrl(c.id)} target="_blank" rel="noreferrer">
          {t('pdf')}
        </a>,
        <Link key="rescues" to={`/console/rescues?certificateId=${c.id}`}>
          {t('rescues')}
        </Link>,
        can('training:manage') && c.state !== 'revoked' && c.state !== 'superseded' ? (
          <a key="revoke" data-action="revoke" onClick={() => setRevoking(c)}>
            {t('revoke')}
          </a>
        ) : null,
      ],
    },
  ];

  return (
    <Page title={t('certificatesTitle')}>
      <QueryTable<Certificate, ReturnType<typeof toParams>>
        queryKey={CERTS_KEY}
        fetch={(p) => trainingApi.certificates(p)}
        toParams={toParams}
        columns={columns}
        rowKey="id"
        toolBarRender={(p) => [
          <Button key="x" icon={<DownloadOutlined />} href={trainingApi.certificatesXlsxUrl(p)} download>
            {t('export')}
          </Button>,
        ]}
      />
      <MutationForm<{ reason: string }>
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('revokeTitle', { number: revoking?.number ?? '' })}
        invalidate={[CERTS_KEY]}
        submit={(v) => trainingApi.revoke(revoking!.id, v.reason)}
      >
        <Form.Item
          name="reason"
          label={t('reason')}
          rules={[{ required: true, message: tc('required', { field: t('reason') }) }]}
        >
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
      </MutationForm>
    </Page>
  );
}

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Result, Spin, Tag } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { CERTIFICATE_STATE_LABELS, COURSE_KIND_LABELS, type PublicCertificate } from '@boai/contracts';
import { Logo } from '../../brand/Logo.tsx';
import { api, isApiError } from '../../lib/api.ts';
import { HolderRescues } from '../rescues/HolderRescues.tsx';
import styles from '../portal.module.css';

const RESULT = {
  valid: { status: 'success', title: '证书有效' },
  expired: { status: 'warning', title: '证书已过期' },
  revoked: { status: 'error', title: '证书已撤销' },
  superseded: { status: 'info', title: '证书已复训换发，此证不再有效' },
} as const;

/**
 * 救护证书核验: where the QR code on a certificate leads. Phone-first. The number alone shows nothing
 * about the holder: the checker types the holder's name, and only a match shows the certificate and
 * whether it is valid right now.
 */
export default function CertificateCheck() {
  const { number } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const [name, setName] = useState(search.get('name') ?? '');
  const query = useQuery({
    queryKey: ['public-certificate', number, name],
    queryFn: () => api.get<PublicCertificate>(`/api/public/certificates/${number}`, { name }),
    enabled: !!number && !!name,
    retry: false,
  });
  const r = query.data;
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Logo size={30} />
        <span>救护证书核验</span>
      </header>
      <main style={{ padding: 16, maxWidth: 560, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}>
        <Form
          layout="vertical"
          key={number}
          initialValues={{ number, name }}
          onFinish={(v: { number: string; name: string }) => {
            setName(v.name.trim());
            const n = v.number.trim().toUpperCase();
            if (n !== number) navigate(`/p/certificates/${n}`);
          }}
        >
          <Form.Item name="number" label="证书编号" rules={[{ required: true, message: '请输入证书编号' }]}>
            <Input
              id="certificate-number"
              placeholder="JH 开头的 16 位编号"
              maxLength={16}
              autoCapitalize="characters"
            />
          </Form.Item>
          <Form.Item
            name="name"
            label="持证人姓名"
            rules={[{ required: true, message: '请输入持证人姓名' }]}
            extra="为保护持证人信息，须输入姓名，姓名一致才显示证书内容"
          >
            <Input id="holder-name" placeholder="持证人姓名" maxLength={50} />
          </Form.Item>
          <Button id="verify-certificate" type="primary" htmlType="submit" block size="large">
            核验
          </Button>
        </Form>
        <div style={{ marginTop: 16 }}>
          {query.isFetching && <Spin style={{ display: 'block', margin: 40 }} />}
          {query.error && (
            <Alert
              type="warning"
              showIcon
              message={
                isApiError(query.error) && query.error.status === 404
                  ? '未查到该证书编号，请核对后重试'
                  : query.error.message
              }
            />
          )}
          {r && !r.nameMatches && (
            <Alert
              id="name-mismatch"
              type="warning"
              showIcon
              message="姓名与证书不一致，无法显示证书信息。请核对持证人姓名（须与身份证一致）。"
            />
          )}
          {r && r.nameMatches && (
            <div id="certificate-result">
              <Result
                status={RESULT[r.state].status}
                title={RESULT[r.state].title}
                subTitle={`核验时间 ${r.checkedAt}（以核验时刻为准）`}
                style={{ padding: '16px 0' }}
              />
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label="证书编号">
                  {r.number}{' '}
                  <Tag color={r.state === 'valid' ? 'success' : 'error'}>
                    {CERTIFICATE_STATE_LABELS[r.state].zh}
                  </Tag>
                </Descriptions.Item>
                <Descriptions.Item label="持证人">{r.holderName}</Descriptions.Item>
                <Descriptions.Item label="身份证号">{r.idCardMasked ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="证书类别">{COURSE_KIND_LABELS[r.kind].zh}</Descriptions.Item>
                <Descriptions.Item label="培训项目">{r.courseName}</Descriptions.Item>
                <Descriptions.Item label="发证单位">{r.orgName}</Descriptions.Item>
                <Descriptions.Item label="发证日期">{r.issuedOn}</Descriptions.Item>
                <Descriptions.Item label="有效期至">{r.validUntil}</Descriptions.Item>
              </Descriptions>
              {r.supersededBy && (
                <p style={{ marginTop: 12 }}>
                  新证书：
                  <Link to={`/p/certificates/${r.supersededBy}?name=${encodeURIComponent(r.holderName)}`}>
                    {r.supersededBy}
                  </Link>
                </p>
              )}
              <HolderRescues number={r.number} name={name} />
            </div>
          )}
        </div>
      </main>
    </div>
  );
}

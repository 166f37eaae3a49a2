import { Col, Row, Typography } from 'antd';
import type { AuditEntry } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { auditDict } from './dict.ts';

function Json({ title, value }: { title: string; value: unknown }) {
  const t = useT(auditDict);
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        style={{
          margin: '6px 0 0',
          padding: 12,
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          borderRadius: 4,
          fontSize: 12,
          maxHeight: 360,
          overflow: 'auto',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
        }}
      >
        {value === null || value === undefined ? t('empty') : JSON.stringify(value, null, 2)}
      </pre>
    </>
  );
}

/** The record before and after the change, side by side (stacked on phones). */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const t = useT(auditDict);
  return (
    <Row gutter={[16, 12]} style={{ maxWidth: 1100 }}>
      <Col xs={24} md={12}>
        <Json title={t('before')} value={entry.before} />
      </Col>
      <Col xs={24} md={12}>
        <Json title={t('after')} value={entry.after} />
      </Col>
    </Row>
  );
}

import { useState } from 'react';
import { Button, InputNumber, Popover, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useT } from '../../../lib/i18n.tsx';
import { reliefStockDict } from './dict.ts';

/** 打印标签: asks how many labels per batch, then opens the PDF sheet (A4, 24 a page) to print. */
export function LabelsButton({
  url,
  size,
  type = 'default',
  id,
}: {
  url: (copies: number) => string;
  size?: 'small' | 'middle';
  type?: 'default' | 'link' | 'primary';
  id?: string;
}) {
  const t = useT(reliefStockDict);
  const [copies, setCopies] = useState(1);
  return (
    <Popover
      trigger="click"
      content={
        <Space direction="vertical">
          <Space>
            {t('copies')}
            <InputNumber<number>
              min={1}
              max={500}
              precision={0}
              value={copies}
              onChange={(v) => setCopies(v ?? 1)}
            />
          </Space>
          <Typography.Text type="secondary">{t('copiesHint')}</Typography.Text>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            href={url(copies)}
            target="_blank"
            rel="noreferrer"
          >
            {t('printLabels')}
          </Button>
        </Space>
      }
    >
      <Button id={id} size={size} type={type} icon={<PrinterOutlined />}>
        {t('printLabels')}
      </Button>
    </Popover>
  );
}

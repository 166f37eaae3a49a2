import { Button, Space } from 'antd';
import { FilePdfOutlined, QrcodeOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import type { Appeal } from '@boai/contracts';
import { defineDict, useT } from '../../lib/i18n.tsx';

const dict = defineDict({
  actions: { zh: '扫码捐赠', en: 'Scan to donate' },
  qr: { zh: '二维码', en: 'QR code' },
  poster: { zh: '海报', en: 'Poster' },
  qrHint: { zh: '下载捐赠二维码（PNG）', en: 'Download the donation QR code (PNG)' },
  posterHint: { zh: '打开可打印的 A4 扫码捐赠海报（PDF）', en: 'Open the printable A4 poster (PDF)' },
});

/** 二维码 / 海报 for one appeal: the PNG to place in the society's own material, the poster to print. */
export function AppealQrButton({ appeal }: { appeal: Appeal }) {
  const t = useT(dict);
  return (
    <Space size={0}>
      <Button
        type="link"
        size="small"
        icon={<QrcodeOutlined />}
        href={`/api/appeals/${appeal.id}/qr.png`}
        download={`${appeal.name}-二维码.png`}
        title={t('qrHint')}
      >
        {t('qr')}
      </Button>
      <Button
        type="link"
        size="small"
        icon={<FilePdfOutlined />}
        href={`/api/appeals/${appeal.id}/poster.pdf`}
        target="_blank"
        title={t('posterHint')}
      >
        {t('poster')}
      </Button>
    </Space>
  );
}

/** The appeals table's column holding the buttons. */
export function useAppealQrColumn(): ProColumns<Appeal> {
  const t = useT(dict);
  return {
    title: t('actions'),
    key: 'qr',
    search: false,
    // The 操作 column stays in view at the right edge while the wide table scrolls under it (antd convention).
    fixed: 'right',
    width: 170,
    render: (_, a) => <AppealQrButton appeal={a} />,
  };
}

import { useState } from 'react';
import { Button, Dropdown, Modal, Result, type MenuProps } from 'antd';
import {
  DownOutlined,
  FilePdfOutlined,
  HistoryOutlined,
  RollbackOutlined,
  StopOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { formatFen, type Gift } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { useCan } from '../auth/index.ts';
import { giftsApi } from './api.ts';
import { donationsDict } from './dict.ts';
import { isIssuing } from './giftCells.tsx';
import { GiftReceiptsDrawer } from './GiftReceiptsDrawer.tsx';
import { VoidGiftForm, type VoidAction } from './VoidGiftForm.tsx';

// The number being voided is kept from the moment the form opens: the refreshed list already shows the new one.
type Open =
  | { kind: 'history' }
  | { kind: 'void'; action: VoidAction; voided: string }
  | { kind: 'reissued'; gift: Gift; voided: string };

/**
 * A gift's row menu: its receipt PDF and 捐赠证书, its receipt history, and — for staff who may void
 * receipts — 冲红重开 and 撤销捐赠. A cancelled gift has neither a live receipt nor a certificate.
 */
export function GiftActions({ gift }: { gift: Gift }) {
  const t = useT(donationsDict);
  const tc = useT(commonDict);
  const can = useCan();
  const [open, setOpen] = useState<Open | null>(null);
  const live = gift.status === 'confirmed' && !isIssuing(gift);
  const link = (href: string, action: string, text: string) => (
    <a href={href} target="_blank" rel="noreferrer" data-action={action}>
      {text}
    </a>
  );

  const items: MenuProps['items'] = [
    {
      key: 'receipt',
      icon: <FilePdfOutlined />,
      disabled: !live,
      label: link(giftsApi.receiptPdfUrl(gift.id), 'receipt-pdf', t('receiptPdf') + ' PDF'),
    },
    {
      key: 'certificate',
      icon: <TrophyOutlined />,
      disabled: !live,
      label: link(giftsApi.certificateUrl(gift.id), 'certificate', t('certificate')),
    },
    {
      key: 'history',
      icon: <HistoryOutlined />,
      label: <span data-action="receipt-history">{t('receiptHistory')}</span>,
      onClick: () => setOpen({ kind: 'history' }),
    },
    ...(can('donations:void')
      ? ([
          { type: 'divider' },
          {
            key: 'reissue',
            icon: <RollbackOutlined />,
            disabled: !live,
            label: <span data-action="reissue">{t('reissue')}</span>,
            onClick: () => setOpen({ kind: 'void', action: 'reissue', voided: gift.receiptNo }),
          },
          {
            key: 'cancel',
            icon: <StopOutlined />,
            danger: true,
            disabled: !live,
            label: <span data-action="cancel">{t('cancelGift')}</span>,
            onClick: () => setOpen({ kind: 'void', action: 'cancel', voided: gift.receiptNo }),
          },
        ] satisfies MenuProps['items'])
      : []),
  ];

  const close = () => setOpen(null);
  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight" destroyOnHidden>
        <Button id={`gift-actions-${gift.id}`} size="small" type="link">
          {tc('actions')} <DownOutlined />
        </Button>
      </Dropdown>
      {open?.kind === 'history' && <GiftReceiptsDrawer gift={gift} onClose={close} />}
      {open?.kind === 'void' && (
        <VoidGiftForm
          gift={gift}
          action={open.action}
          onClose={close}
          onDone={(after) =>
            setOpen(open.action === 'reissue' ? { kind: 'reissued', gift: after, voided: open.voided } : null)
          }
        />
      )}
      <Modal
        open={open?.kind === 'reissued'}
        onCancel={close}
        footer={
          <Button id="gift-reissued-ok" type="primary" onClick={close}>
            {tc('ok')}
          </Button>
        }
      >
        {open?.kind === 'reissued' && (
          <Result
            status="success"
            title={t('reissued', { receiptNo: open.gift.receiptNo })}
            subTitle={
              <>
                {open.gift.donorName} · {formatFen(open.gift.amountFen, { symbol: true })}
                <br />
                {t('reissuedFrom', { receiptNo: open.voided })}
              </>
            }
          />
        )}
      </Modal>
    </>
  );
}

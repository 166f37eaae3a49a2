import { Tabs } from 'antd';
import { useT } from '../../../lib/i18n.tsx';
import { Page } from '../../common/Page.tsx';
import { DonorGoodsTab } from './DonorGoodsTab.tsx';
import { reliefReportsDict } from './dict.ts';
import { MovementsTab } from './MovementsTab.tsx';
import { StockReportTab } from './StockReportTab.tsx';
import { SummaryTab } from './SummaryTab.tsx';

/** 物资报表: stock on hand, movements by period and line by line, and where donated goods went. */
export default function ReportsPage() {
  const t = useT(reliefReportsDict);
  return (
    <Page title={t('title')}>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'stock', label: t('tabStock'), children: <StockReportTab /> },
          { key: 'summary', label: t('tabSummary'), children: <SummaryTab /> },
          { key: 'movements', label: t('tabMovements'), children: <MovementsTab /> },
          { key: 'donors', label: t('tabDonors'), children: <DonorGoodsTab /> },
        ]}
      />
    </Page>
  );
}

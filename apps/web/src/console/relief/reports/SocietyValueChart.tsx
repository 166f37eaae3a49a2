import ReactECharts from 'echarts-for-react/esm/core';
import { formatFen, type StockOnHandReport } from '@boai/contracts';
import { useLang } from '../../../lib/i18n.tsx';
import { echarts } from './charts.ts';

/** The stock's value per society of the report, largest first, as horizontal bars (yuan). */
export function SocietyValueChart({ societies }: { societies: StockOnHandReport['bySociety'] }) {
  const { lang } = useLang();
  const compact = new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN', { notation: 'compact' });
  const shown = [...societies]
    .sort((a, b) => b.valueFen - a.valueFen)
    .slice(0, 20)
    .reverse();
  const option = {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => formatFen(Math.round(v * 100), { symbol: true }),
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact.format(v) } },
    yAxis: { type: 'category', data: shown.map((s) => s.orgName) },
    series: [{ type: 'bar', data: shown.map((s) => s.valueFen / 100), itemStyle: { color: '#cf1322' } }],
  };
  return (
    <ReactECharts
      echarts={echarts}
      option={option}
      notMerge
      style={{ height: Math.max(160, 28 * shown.length + 40) }}
    />
  );
}

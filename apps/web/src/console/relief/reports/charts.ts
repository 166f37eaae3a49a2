import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the bar chart the stock report draws: the whole of echarts would double the page's bundle.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { echarts };

import type { ThemeConfig } from 'antd';

/** 中国红 as the primary colour; everything else stays antd's sober defaults, as government service sites do. */
export const RED = '#c8161d';

// A focused field must not look like a field in error (both would be red): fields focus in blue.
const FOCUS = '#1677ff';
const field = {
  activeBorderColor: FOCUS,
  hoverBorderColor: '#4096ff',
  activeShadow: '0 0 0 2px rgba(5, 145, 255, 0.1)',
};

export const theme: ThemeConfig = {
  token: {
    colorPrimary: RED,
    colorLink: '#b01218',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Input: field,
    InputNumber: field,
    DatePicker: field,
    Select: {
      activeBorderColor: FOCUS,
      hoverBorderColor: '#4096ff',
      activeOutlineColor: 'rgba(5, 145, 255, 0.1)',
    },
  },
};

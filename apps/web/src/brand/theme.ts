import type { ThemeConfig } from 'antd';

/** 中国红 as the primary colour; everything else stays antd's sober defaults, as government service sites do. */
export const RED = '#c8161d';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: RED,
    colorLink: '#b01218',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
};

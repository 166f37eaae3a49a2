import { defineDict } from '../../lib/i18n.tsx';

export const shellDict = defineDict({
  brand: { zh: '博爱 · 数字红会', en: 'Boai · Digital Red Cross' },
  home: { zh: '工作台', en: 'Workbench' },
  orgs: { zh: '组织机构', en: 'Societies' },
  users: { zh: '工作人员', en: 'Staff' },
  roles: { zh: '角色权限', en: 'Roles' },
  audit: { zh: '审计日志', en: 'Audit trail' },
  donors: { zh: '捐赠人', en: 'Donors' },
  appeals: { zh: '募捐项目', en: 'Appeals' },
  gifts: { zh: '捐款登记', en: 'Gifts' },
  disclosure: { zh: '每日公示', en: 'Daily disclosure' },
  goods: { zh: '物资捐赠', en: 'Gifts of goods' },
  giftImport: { zh: '导入到账明细', en: 'Import statements' },
  donationReports: { zh: '捐赠统计', en: 'Donation reports' },
  disbursements: { zh: '拨付管理', en: 'Disbursements' },
  profile: { zh: '个人中心', en: 'My account' },
  logout: { zh: '退出登录', en: 'Sign out' },
  switchTo: { zh: 'English', en: '中文' },
  switchTitle: { zh: '切换语言', en: 'Switch language' },
  expired: { zh: '会话已过期，请重新登录', en: 'Your session has expired, please sign in again' },
  mustChangePassword: { zh: '请先修改初始密码后再继续使用', en: 'Please change your initial password first' },
});

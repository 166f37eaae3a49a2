import { defineDict } from '../../lib/i18n.tsx';

/** Words every console page uses. */
export const commonDict = defineDict({
  ok: { zh: '确定', en: 'OK' },
  cancel: { zh: '取消', en: 'Cancel' },
  save: { zh: '保存', en: 'Save' },
  create: { zh: '新建', en: 'New' },
  edit: { zh: '编辑', en: 'Edit' },
  view: { zh: '查看', en: 'View' },
  actions: { zh: '操作', en: 'Actions' },
  saved: { zh: '已保存', en: 'Saved' },
  done: { zh: '操作成功', en: 'Done' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  required: { zh: '请填写{field}', en: '{field} is required' },
  select: { zh: '请选择{field}', en: 'Please choose {field}' },
  loading: { zh: '加载中…', en: 'Loading…' },
  loadFailed: { zh: '加载失败', en: 'Failed to load' },
  retry: { zh: '重试', en: 'Retry' },
  forbidden: { zh: '您没有访问此页面的权限', en: 'You are not allowed to see this page' },
  notFound: { zh: '页面不存在', en: 'Page not found' },
  backHome: { zh: '返回工作台', en: 'Back to the workbench' },
  active: { zh: '正常', en: 'Active' },
  inactive: { zh: '已停用', en: 'Inactive' },
  none: { zh: '无', en: 'None' },
});

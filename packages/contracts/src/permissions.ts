/**
 * The permission catalogue: `module:action`. Roles carry these; every endpoint declares one (or is public).
 * The console builds its menu from the same list, so a permission added here shows up everywhere at once.
 */
export const PERMISSIONS = {
  'orgs:read': { zh: '查看组织', en: 'View societies' },
  'orgs:create': { zh: '新建组织', en: 'Create societies' },
  'orgs:update': { zh: '修改组织（更名、调整隶属）', en: 'Rename and move societies' },
  'orgs:deactivate': { zh: '停用组织', en: 'Deactivate societies' },
  'staff:read': { zh: '查看工作人员', en: 'View staff' },
  'staff:create': { zh: '新建工作人员', en: 'Create staff' },
  'staff:update': { zh: '修改工作人员（停用、解锁、重置密码）', en: 'Update staff' },
  'staff:assign': { zh: '分配角色', en: 'Assign roles' },
  'roles:read': { zh: '查看角色', en: 'View roles' },
  'roles:manage': { zh: '管理角色', en: 'Manage roles' },
  'audit:read': { zh: '查看审计日志', en: 'View audit trail' },
  'audit:export': { zh: '导出审计日志', en: 'Export audit trail' },
  'donations:read': { zh: '查看捐赠', en: 'View donations' },
  'donations:manage': { zh: '登记捐赠人与捐赠', en: 'Record donors and gifts' },
  'donations:void': { zh: '作废（冲红）票据、撤销捐赠', en: 'Void receipts and cancel gifts' },
  'disbursements:request': { zh: '申请拨付', en: 'Request disbursements' },
  'disbursements:approve': { zh: '审批拨付', en: 'Approve disbursements' },
  'disclosure:publish': { zh: '发布每日公示', en: 'Publish daily disclosure' },
  'ledger:view': { zh: '查看公开账本（状态、条目、校验）', en: 'View the transparency log' },
  'training:read': { zh: '查看应急救护培训（课程、班级、学员、证书）', en: 'View first-aid training' },
  'training:manage': {
    zh: '管理应急救护培训（开班、导入学员、录入成绩、发证、撤证）',
    en: 'Manage first-aid training',
  },
  'relief:read': { zh: '查看应急救援（物资、仓库、调拨、灾害事件、救援队）', en: 'View relief' },
  'relief:manage': { zh: '管理应急救援（入库、调拨、盘点、灾害事件、救援队）', en: 'Manage relief' },
  'relief:approve': { zh: '审批应急救援（调拨、盘点差异、报废）', en: 'Approve relief' },
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const permissionList = Object.keys(PERMISSIONS) as Permission[];
export const isPermission = (s: string): s is Permission => Object.hasOwn(PERMISSIONS, s);

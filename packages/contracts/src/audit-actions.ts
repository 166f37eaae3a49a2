/**
 * Every action the audit trail records, with its label. `recordAudit` only accepts these codes,
 * so a new action without a label does not compile.
 */
export const AUDIT_ACTIONS = {
  'orgs.create': { zh: '新建组织', en: 'Society created' },
  'orgs.update': { zh: '修改组织', en: 'Society updated' },
  'orgs.move': { zh: '调整隶属', en: 'Society moved' },
  'orgs.deactivate': { zh: '停用组织', en: 'Society deactivated' },
  'orgs.activate': { zh: '启用组织', en: 'Society reactivated' },
  'staff.create': { zh: '新建工作人员', en: 'Staff created' },
  'staff.update': { zh: '修改工作人员', en: 'Staff updated' },
  'staff.unlock': { zh: '解除登录锁定', en: 'Login lock lifted' },
  'staff.grants': { zh: '分配角色', en: 'Roles assigned' },
  'staff.reset_password': { zh: '重置密码', en: 'Password reset' },
  'roles.create': { zh: '新建角色', en: 'Role created' },
  'roles.update': { zh: '修改角色', en: 'Role updated' },
  'auth.login.success': { zh: '登录成功', en: 'Login' },
  'auth.login.password_ok': { zh: '密码正确，待双因素验证', en: 'Password accepted, second factor pending' },
  'auth.login.failed': { zh: '登录失败', en: 'Login failed' },
  'auth.login.locked': { zh: '登录被锁定', en: 'Login refused: locked' },
  'auth.totp.failed': { zh: '动态验证码错误', en: 'Wrong TOTP code' },
  'auth.totp.enrol_failed': { zh: '绑定双因素失败', en: 'TOTP enrolment failed' },
  'auth.totp.disable_failed': { zh: '关闭双因素失败', en: 'TOTP disabling failed' },
  'auth.totp.enabled': { zh: '开启双因素', en: 'TOTP enabled' },
  'auth.totp.disabled': { zh: '关闭双因素', en: 'TOTP disabled' },
  'auth.logout': { zh: '退出登录', en: 'Logout' },
  'auth.password.changed': { zh: '修改密码', en: 'Password changed' },
  'auth.password.change_failed': { zh: '修改密码失败', en: 'Password change failed' },
  'audit.export': { zh: '导出审计日志', en: 'Audit trail exported' },
  'donors.create': { zh: '登记捐赠人', en: 'Donor registered' },
  'donors.update': { zh: '修改捐赠人', en: 'Donor updated' },
  'appeals.create': { zh: '新建募捐项目', en: 'Appeal created' },
  'gifts.create': { zh: '登记捐款并开具票据', en: 'Gift recorded and receipted' },
  'pii.rotate': { zh: '个人信息密钥轮换', en: 'Personal-data key rotation' },
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const auditActionLabel = (code: string, lang: 'zh' | 'en' = 'zh'): string =>
  Object.hasOwn(AUDIT_ACTIONS, code) ? AUDIT_ACTIONS[code as AuditAction][lang] : code;

/**
 * Messages for every error code, Chinese first. Adding a code means adding both languages here;
 * the type makes a missing translation a compile error.
 */
const zh = {
  VALIDATION_FAILED: '提交的内容有误，请检查标出的字段',
  BAD_REQUEST: '请求格式不正确',
  BODY_TOO_LARGE: '提交的内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  NOT_FOUND: '未找到该记录，或您无权查看',
  ROUTE_NOT_FOUND: '接口不存在',
  METHOD_NOT_ALLOWED: '不支持该请求方法',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '会话已过期，请重新登录',
  FORBIDDEN: '您没有执行此操作的权限',
  PASSWORD_CHANGE_REQUIRED: '请先修改密码',
  SECOND_FACTOR_REQUIRED: '请先完成双因素验证',
  INTERNAL: '服务器内部错误，请稍后再试',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  AUTH_INVALID_CREDENTIALS: '用户名或密码错误',
  AUTH_LOCKED: '登录失败次数过多，请 {minutes} 分钟后再试',
  AUTH_TOTP_INVALID: '动态验证码不正确',
  AUTH_TOTP_NOT_ENABLED: '尚未开启双因素验证',
  AUTH_TOTP_REQUIRED_BY_ROLE: '您的角色要求开启双因素验证，不能关闭',
  AUTH_WRONG_STAGE: '登录步骤不正确，请重新登录',
  PASSWORD_TOO_SHORT: '密码至少 {minLength} 位',
  PASSWORD_TOO_SIMPLE: '密码需包含大写字母、小写字母、数字、符号中的至少 {minClasses} 类',
  PASSWORD_CONTAINS_USERNAME: '密码不能包含用户名',
  PASSWORD_SAME_AS_OLD: '新密码不能与当前密码相同',
  PASSWORD_CURRENT_WRONG: '当前密码不正确',
  ORG_PARENT_NOT_FOUND: '上级组织不存在或无权访问',
  ORG_LEVEL_INVALID: '组织层级必须低于上级组织的层级',
  ORG_PARENT_INACTIVE: '上级组织已停用',
  ORG_MOVE_INTO_SELF: '不能把组织移到它自己或它的下级之下',
  ORG_MOVE_ROOT: '不能移动顶级组织',
  ORG_USCC_TAKEN: '该统一社会信用代码已被其他组织使用',
  ORG_HAS_ACTIVE_CHILDREN: '该组织还有未停用的下级组织，请先停用下级',
  ORG_ALREADY_INACTIVE: '该组织已停用',
  ORG_ALREADY_ACTIVE: '该组织未停用',
  ORG_INACTIVE: '该组织已停用',
  USERNAME_TAKEN: '用户名已被使用',
  USER_ORG_INACTIVE: '所属组织已停用',
  ROLE_CODE_TAKEN: '该组织下已有相同编码的角色',
  ROLE_BUILTIN_READONLY: '内置角色不能修改',
  ROLE_NOT_FOUND: '角色不存在或无权使用',
  GRANT_EXCEEDS_OWN: '不能授予超出自己权限范围的角色',
  GRANT_SCOPE_OUTSIDE: '只能在自己管辖的组织范围内授权',
  CANNOT_DEACTIVATE_SELF: '不能停用自己的账号',
  GIFT_DATE_IN_FUTURE: '到账日期不能晚于今天',
  GIFT_DONOR_OTHER_ORG: '捐赠人须为本组织登记的捐赠人',
  GIFT_APPEAL_OTHER_ORG: '只能定向到本组织的募捐项目',
  GIFT_APPEAL_CLOSED: '该募捐项目已结束',
  RECEIPT_PENDING: '票据正在开具，请稍候再试',
  GIFT_CANCELLED: '该笔捐赠已撤销',
  GIFT_FUNDS_COMMITTED: '该笔捐款已被拨付或申请拨付，不能撤销；请先撤销相应拨付',
  IDEMPOTENCY_KEY_FORMAT: '幂等键应为 8–100 位字母、数字或 _ . : -',
  IDEMPOTENCY_KEY_REUSED: '该幂等键已用于另一个不同的请求',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  VALIDATION_FAILED: 'Some fields are invalid',
  BAD_REQUEST: 'Malformed request',
  BODY_TOO_LARGE: 'Request body too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  NOT_FOUND: 'Not found, or you may not see it',
  ROUTE_NOT_FOUND: 'No such endpoint',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  UNAUTHENTICATED: 'Please log in',
  SESSION_EXPIRED: 'Your session has expired; please log in again',
  FORBIDDEN: 'You do not have permission to do this',
  PASSWORD_CHANGE_REQUIRED: 'Please change your password first',
  SECOND_FACTOR_REQUIRED: 'Please complete two-factor verification first',
  INTERNAL: 'Internal server error; please try again later',
  RATE_LIMITED: 'Too many requests; please try again later',
  AUTH_INVALID_CREDENTIALS: 'Wrong username or password',
  AUTH_LOCKED: 'Too many failed attempts; try again in {minutes} minutes',
  AUTH_TOTP_INVALID: 'Wrong verification code',
  AUTH_TOTP_NOT_ENABLED: 'Two-factor verification is not enabled',
  AUTH_TOTP_REQUIRED_BY_ROLE: 'Your role requires two-factor verification',
  AUTH_WRONG_STAGE: 'Unexpected login step; please log in again',
  PASSWORD_TOO_SHORT: 'Password must be at least {minLength} characters',
  PASSWORD_TOO_SIMPLE: 'Password must mix at least {minClasses} of: upper case, lower case, digits, symbols',
  PASSWORD_CONTAINS_USERNAME: 'Password must not contain the username',
  PASSWORD_SAME_AS_OLD: 'New password must differ from the current one',
  PASSWORD_CURRENT_WRONG: 'Current password is wrong',
  ORG_PARENT_NOT_FOUND: 'Parent society not found or not accessible',
  ORG_LEVEL_INVALID: "A society's level must be below its parent's",
  ORG_PARENT_INACTIVE: 'The parent society is deactivated',
  ORG_MOVE_INTO_SELF: 'A society cannot be moved under itself or its descendants',
  ORG_MOVE_ROOT: 'The top society cannot be moved',
  ORG_USCC_TAKEN: 'This unified social credit code is already used',
  ORG_HAS_ACTIVE_CHILDREN: 'Deactivate the societies below it first',
  ORG_ALREADY_INACTIVE: 'The society is already deactivated',
  ORG_ALREADY_ACTIVE: 'The society is active',
  ORG_INACTIVE: 'The society is deactivated',
  USERNAME_TAKEN: 'Username already taken',
  USER_ORG_INACTIVE: "The user's society is deactivated",
  ROLE_CODE_TAKEN: 'A role with this code already exists in the society',
  ROLE_BUILTIN_READONLY: 'Built-in roles cannot be changed',
  ROLE_NOT_FOUND: 'Role not found or not usable',
  GRANT_EXCEEDS_OWN: 'You cannot grant permissions you do not hold',
  GRANT_SCOPE_OUTSIDE: 'You can only grant roles within your own societies',
  CANNOT_DEACTIVATE_SELF: 'You cannot deactivate your own account',
  GIFT_DATE_IN_FUTURE: 'The date received cannot be in the future',
  GIFT_DONOR_OTHER_ORG: 'The donor must be registered by the receiving society',
  GIFT_APPEAL_OTHER_ORG: "A gift can only be designated to the receiving society's own appeals",
  GIFT_APPEAL_CLOSED: 'The appeal is closed',
  RECEIPT_PENDING: 'The receipt is being issued; try again in a moment',
  GIFT_CANCELLED: 'This gift has been cancelled',
  GIFT_FUNDS_COMMITTED: 'This money is already committed to disbursements; cancel those first',
  IDEMPOTENCY_KEY_FORMAT: 'Idempotency-Key must be 8–100 letters, digits or _ . : -',
  IDEMPOTENCY_KEY_REUSED: 'This Idempotency-Key was already used for a different request',
};

export type Lang = 'zh-CN' | 'en';
const catalogs: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zh, en };

export function messageFor(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = catalogs[lang][key] ?? catalogs['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** Chinese unless the caller clearly asks for English (Accept-Language or the `lang` query). */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

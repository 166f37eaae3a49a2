import { defineDict } from '../../lib/i18n.tsx';

export const profileDict = defineDict({
  title: { zh: '个人中心', en: 'My account' },
  info: { zh: '我的信息', en: 'About me' },
  username: { zh: '用户名', en: 'Username' },
  displayName: { zh: '姓名', en: 'Name' },
  org: { zh: '所属组织', en: 'Society' },
  roles: { zh: '角色', en: 'Roles' },
  idleTimeout: { zh: '无操作自动退出', en: 'Idle sign-out' },
  minutes: { zh: '{n} 分钟', en: '{n} min' },
  password: { zh: '修改密码', en: 'Change password' },
  currentPassword: { zh: '当前密码', en: 'Current password' },
  newPassword: { zh: '新密码', en: 'New password' },
  changePassword: { zh: '修改密码', en: 'Change password' },
  passwordChanged: { zh: '密码已修改', en: 'Password changed' },
  mustChange: {
    zh: '您正在使用初始密码或密码已被重置，请先设置新密码。',
    en: 'You are using an initial or reset password. Please set a new one.',
  },
  twoFactor: { zh: '双因素认证', en: 'Two-factor authentication' },
  totpOn: { zh: '已启用', en: 'On' },
  totpOff: { zh: '未启用', en: 'Off' },
  totpRequired: { zh: '您的角色要求启用双因素认证', en: 'Your role requires two-factor authentication' },
  totpIntro: {
    zh: '启用后，登录时除密码外还需输入身份验证器应用生成的 6 位动态验证码。',
    en: 'Once on, signing in also asks for the 6-digit code from your authenticator app.',
  },
  enable: { zh: '启用双因素认证', en: 'Turn on' },
  enableStep: {
    zh: '用身份验证器应用扫描二维码（或输入密钥），然后输入生成的 6 位验证码。',
    en: 'Scan the QR code with your authenticator app (or type the key), then enter the 6-digit code.',
  },
  confirmEnable: { zh: '确认启用', en: 'Turn on' },
  enabled: { zh: '双因素认证已启用', en: 'Two-factor authentication is on' },
  disable: { zh: '停用双因素认证', en: 'Turn off' },
  disableStep: {
    zh: '请输入身份验证器当前的 6 位验证码以确认停用。',
    en: 'Enter the current 6-digit code to turn it off.',
  },
  confirmDisable: { zh: '确认停用', en: 'Turn off' },
  disabled: { zh: '双因素认证已停用', en: 'Two-factor authentication is off' },
});

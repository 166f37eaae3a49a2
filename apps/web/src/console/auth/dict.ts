import { defineDict } from '../../lib/i18n.tsx';

export const authDict = defineDict({
  title: { zh: '博爱 · 数字红会 工作平台', en: 'Boai · Digital Red Cross Workbench' },
  brand: { zh: '博爱 · 数字红会', en: 'Boai · Digital Red Cross' },
  subtitle: { zh: '中国红十字会 工作人员统一登录', en: 'Red Cross staff sign-in' },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  login: { zh: '登录', en: 'Sign in' },
  totpTitle: { zh: '双因素验证', en: 'Two-factor verification' },
  totpHint: {
    zh: '请打开身份验证器应用，输入显示的 6 位动态验证码。',
    en: 'Open your authenticator app and enter the 6-digit code.',
  },
  totp: { zh: '动态验证码', en: 'Verification code' },
  enrolTitle: { zh: '绑定身份验证器', en: 'Set up an authenticator' },
  enrolHint: {
    zh: '您的角色要求启用双因素认证。请用身份验证器应用（如 Microsoft Authenticator、Google Authenticator、FreeOTP）扫描二维码，或手动输入密钥，然后输入生成的 6 位验证码。',
    en: 'Your role requires two-factor authentication. Scan the QR code with an authenticator app (or type the key), then enter the 6-digit code it shows.',
  },
  secret: { zh: '密钥', en: 'Key' },
  back: { zh: '返回重新登录', en: 'Back to sign-in' },
  expired: { zh: '会话已过期，请重新登录', en: 'Your session has expired, please sign in again' },
  loggedOut: { zh: '您已退出登录', en: 'You have signed out' },
  codeFormat: { zh: '请输入 6 位数字验证码', en: 'Enter the 6-digit code' },
  footer: { zh: '中国红十字会 · 人道 博爱 奉献', en: 'Red Cross Society · Humanity, Fraternity, Dedication' },
  mustChangePassword: { zh: '请先修改初始密码后再继续使用', en: 'Please change your initial password first' },
  passwordHint: {
    zh: '至少 {minLength} 位，且包含小写字母、大写字母、数字、符号中的至少 {minClasses} 类',
    en: 'At least {minLength} characters, using at least {minClasses} of: lowercase, uppercase, digits, symbols',
  },
  passwordTooShort: { zh: '密码至少 {minLength} 位', en: 'At least {minLength} characters' },
  passwordClasses: {
    zh: '还需包含更多字符类别（当前 {have} 类，至少 {minClasses} 类）',
    en: 'Use more kinds of characters ({have} of at least {minClasses})',
  },
  confirmPassword: { zh: '确认新密码', en: 'Confirm new password' },
  confirmMismatch: { zh: '两次输入的密码不一致', en: 'The passwords do not match' },
});

import { defineDict } from '../../lib/i18n.tsx';

export const homeDict = defineDict({
  welcome: { zh: '{name}，您好', en: 'Hello, {name}' },
  society: { zh: '所属组织', en: 'Society' },
  roles: { zh: '我的角色', en: 'My roles' },
  twoFactor: { zh: '双因素认证', en: 'Two-factor authentication' },
  totpOn: { zh: '已启用', en: 'On' },
  totpOff: { zh: '未启用', en: 'Off' },
  totpRequiredOff: {
    zh: '您的角色要求启用双因素认证，请前往个人中心设置。',
    en: 'Your role requires two-factor authentication: set it up in My account.',
  },
  quickLinks: { zh: '快捷入口', en: 'Quick links' },
  motto: { zh: '人道 · 博爱 · 奉献', en: 'Humanity · Fraternity · Dedication' },
});

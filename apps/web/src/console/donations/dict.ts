import { defineDict } from '../../lib/i18n.tsx';

export const donationsDict = defineDict({
  donorsTitle: { zh: '捐赠人', en: 'Donors' },
  keyword: { zh: '关键词', en: 'Keyword' },
  keywordHint: {
    zh: '姓名/名称，或完整手机号/身份证号/信用代码',
    en: 'Name, or a full mobile / ID card / credit code',
  },
  org: { zh: '登记组织', en: 'Society' },
  kind: { zh: '类型', en: 'Type' },
  kindPerson: { zh: '个人', en: 'Person' },
  kindEnterprise: { zh: '企业/组织', en: 'Enterprise / organisation' },
  kindAnonymous: { zh: '匿名', en: 'Anonymous' },
  name: { zh: '名称', en: 'Name' },
  personName: { zh: '姓名', en: 'Full name' },
  enterpriseName: { zh: '名称', en: 'Name' },
  publicName: { zh: '公示名称', en: 'Public name' },
  publicNameHint: {
    zh: '公示与功德榜使用此名称',
    en: 'The name shown in public disclosures and on the honour roll',
  },
  idCard: { zh: '身份证', en: 'ID card' },
  idCardNumber: { zh: '身份证号', en: 'ID card number' },
  mobile: { zh: '手机', en: 'Mobile' },
  mobileNumber: { zh: '手机号', en: 'Mobile number' },
  uscc: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  contact: { zh: '联系人', en: 'Contact person' },
  createdAt: { zh: '登记时间', en: 'Registered' },
  optional: { zh: '选填', en: 'Optional' },
  nameConsent: { zh: '同意公开姓名', en: 'Agrees to show the name' },
  nameConsentHelp: {
    zh: '不同意时公示为“张*三”',
    en: 'Otherwise shown masked, like “张*三”',
  },
  anonymousNote: { zh: '公示为“爱心人士”', en: 'Shown publicly as “爱心人士” (a kind-hearted person)' },
  createDonor: { zh: '登记捐赠人', en: 'Register a donor' },
  editDonor: { zh: '编辑捐赠人', en: 'Edit donor' },
  registered: { zh: '已登记', en: 'Registered' },
  foundExisting: {
    zh: '已找到已登记的捐赠人：{name}（未重复登记）',
    en: 'Found the donor already registered: {name} (not registered twice)',
  },
  mobileKeep: { zh: '当前 {masked}，不修改请留空', en: 'Now {masked}; leave blank to keep' },
  identityFixed: {
    zh: '身份证号与信用代码登记后不可修改',
    en: 'The ID card number and credit code cannot be changed after registration',
  },
});

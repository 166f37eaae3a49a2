import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Dropdown, Spin, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { useT } from '../../lib/i18n.tsx';
import { Logo } from '../../brand/Logo.tsx';
import { RED } from '../../brand/theme.ts';
import { authApi, useCan, useMe } from '../auth/index.ts';
import { consoleModules, modulePath } from '../modules.tsx';
import { shellDict } from './dict.ts';
import { LangSwitch } from './LangSwitch.tsx';
import { useIdleLogout } from './useIdleLogout.ts';
import { useLeaveSession } from './useLeaveSession.ts';

/** The console frame: red header, side menu (a drawer on phones) with only what the user may open, user menu. */
export default function ConsoleLayout() {
  const t = useT(shellDict);
  const { data: me } = useMe();
  const can = useCan();
  const location = useLocation();
  const navigate = useNavigate();
  const leave = useLeaveSession();
  useIdleLogout(me?.idleTimeoutMinutes);

  const menu = consoleModules
    .filter((m) => !m.permission || can(m.permission))
    .map((m) => ({ path: modulePath(m), name: t(m.label), icon: m.icon }));

  // ProLayout matches menu paths as prefixes, so the workbench ('/console') would light up on every
  // page: pick the longest module path the address starts with, the workbench only when exact.
  const selected = menu
    .map((m) => m.path)
    .filter((p) => location.pathname === p || location.pathname.startsWith(`${p}/`))
    .filter((p) => p !== '/console' || location.pathname.replace(/\/$/, '') === '/console')
    .sort((a, b) => b.length - a.length)[0];

  const logout = async () => {
    await authApi.logout().catch(() => undefined);
    leave('logout');
  };

  return (
    <ProLayout
      title={t('brand')}
      logo={<Logo size={28} />}
      layout="mix"
      fixedHeader
      fixSiderbar
      splitMenus={false}
      siderWidth={208}
      location={{ pathname: location.pathname }}
      selectedKeys={selected ? [selected] : []}
      route={{ path: '/console', routes: menu }}
      menu={{ locale: false }}
      onMenuHeaderClick={() => void navigate('/console')}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      token={{
        header: {
          colorBgHeader: RED,
          colorHeaderTitle: '#fff',
          colorTextRightActionsItem: '#fff',
          colorBgRightActionsItemHover: 'rgba(255,255,255,0.15)',
          colorTextMenu: '#fff',
        },
        sider: {
          colorMenuBackground: '#fff',
          colorTextMenuSelected: RED,
          colorBgMenuItemSelected: '#fff1f0',
        },
        pageContainer: { paddingBlockPageContainerContent: 16, paddingInlinePageContainerContent: 16 },
      }}
      avatarProps={{
        icon: <UserOutlined />,
        size: 'small',
        title: (
          <span id="current-user" style={{ color: '#fff' }}>
            {me?.displayName}
          </span>
        ),
        render: (_props, dom) => (
          <Dropdown
            menu={{
              items: [
                {
                  key: 'profile',
                  icon: <UserOutlined />,
                  label: <Link to="/console/profile">{t('profile')}</Link>,
                },
                { type: 'divider' },
                {
                  key: 'logout',
                  icon: <LogoutOutlined />,
                  label: <span id="logout">{t('logout')}</span>,
                  onClick: () => void logout(),
                },
              ],
            }}
          >
            {dom}
          </Dropdown>
        ),
      }}
      actionsRender={() => [
        <Typography.Text
          key="org"
          id="current-org"
          ellipsis
          style={{ color: '#fff' }}
          className="boai-header-org"
          title={me?.orgName}
        >
          {me?.orgName}
        </Typography.Text>,
        <LangSwitch key="lang" dark />,
      ]}
    >
      <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
        <Outlet />
      </Suspense>
    </ProLayout>
  );
}

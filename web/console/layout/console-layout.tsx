import { DownOutlined, KeyOutlined, LogoutOutlined, PoweroffOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, Layout, Menu, Result, Spin, theme, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { authApi } from '../api/endpoints.ts';
import { APP_TITLE } from '../components/page-container.tsx';
import { useMe, useSession } from '../session/session.tsx';
import { HeaderSearch } from '../pages/search/header-search.tsx';
import { findNav, isGroup, nav } from './nav.tsx';

type MenuItem = NonNullable<MenuProps['items']>[number];

function SideMenu() {
  const { can } = useSession();
  const { pathname } = useLocation();
  const items = nav.flatMap((item): MenuItem[] => {
    if (!isGroup(item)) {
      if (item.permission && !can(item.permission)) return [];
      return [{ key: item.path, icon: item.icon, label: <Link to={item.path} data-testid={item.testId}>{item.label}</Link> }];
    }
    const children = item.children
      .filter((leaf) => !leaf.permission || can(leaf.permission))
      .map((leaf) => ({ key: leaf.path, icon: leaf.icon, label: <Link to={leaf.path} data-testid={leaf.testId}>{leaf.label}</Link> }));
    return children.length ? [{ key: item.key, icon: item.icon, label: item.label, children }] : [];
  });
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[pathname]}
      defaultOpenKeys={nav.filter(isGroup).map((group) => group.key)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}

function UserMenu() {
  const me = useMe();
  const { setMe } = useSession();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const signOut = async (everywhere: boolean) => {
    await (everywhere ? authApi.logoutAll() : authApi.logout()).catch(() => undefined);
    navigate('/login');
    setMe(null);
    void message.success(everywhere ? '已退出全部设备' : '已退出登录');
  };
  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: () => navigate('/change-password') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void signOut(false) },
    {
      key: 'logout-all',
      icon: <PoweroffOutlined />,
      label: '退出全部设备',
      onClick: () =>
        modal.confirm({
          title: '退出全部设备？',
          content: '将结束您在所有浏览器和设备上的登录，包括当前这一个。',
          okText: '全部退出',
          onOk: () => signOut(true),
        }),
    },
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <a className="user-menu" data-testid="user-menu" onClick={(event) => event.preventDefault()}>
        <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1677ff' }} />
        <span className="user-name">{me.displayName}</span>
        <span className="user-org">{me.orgName}</span>
        <DownOutlined style={{ fontSize: 10 }} />
      </a>
    </Dropdown>
  );
}

/** Pages the user may not open answer 403 here too; the server refuses their data in any case. */
function PermittedOutlet() {
  const { can } = useSession();
  const { pathname } = useLocation();
  const found = findNav(pathname);
  if (found?.leaf.permission && !can(found.leaf.permission)) {
    return <Result status="403" title="没有访问权限" subTitle={`您的角色未包含“${found.leaf.label}”所需的权限，如需使用请联系安全管理员。`} />;
  }
  return (
    <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
      <Outlet />
    </Suspense>
  );
}

export function ConsoleLayout() {
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  // On a phone the menu folds away entirely rather than into a strip of icons.
  const [narrow, setNarrow] = useState(false);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="console-header">
        <Link to="/" className="brand">
          <span className="brand-mark">法</span>
          <span className="brand-title">{APP_TITLE}</span>
        </Link>
        <HeaderSearch />
        <UserMenu />
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={208}
          breakpoint="lg"
          onBreakpoint={setNarrow}
          collapsedWidth={narrow ? 0 : 80}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <SideMenu />
        </Layout.Sider>
        <Layout.Content className="console-content">
          <PermittedOutlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

import { Breadcrumb, Flex, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { findNav } from '../layout/nav.tsx';

export const APP_TITLE = 'Fazhi 法治政府建设平台';

/** Title, breadcrumb (from the menu) and the page's own actions; sets the browser tab's title too. */
export function PageContainer({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  const { pathname } = useLocation();
  const found = findNav(pathname);
  useEffect(() => {
    document.title = `${title} - ${APP_TITLE}`;
  }, [title]);
  const items = [
    { title: <Link to="/">工作台</Link> },
    ...(found?.group ? [{ title: found.group.label }] : []),
    ...(pathname === '/' ? [] : [{ title }]),
  ];
  return (
    <div className="page">
      <Breadcrumb items={items} style={{ marginBottom: 8 }} />
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </div>
  );
}

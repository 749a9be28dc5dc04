import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SiteInfo } from './site.ts';

const nav: [string, string][] = [
  ['/documents', '规范性文件'],
  ['/#policy', '政策文件'],
  ['/enforcement/decisions', '执法公示'],
  ['/reconsideration/apply', '行政复议'],
  ['/track', '办理进度查询'],
  ['/decisions', '重大行政决策'],
  ['/disclosure/apply', '依申请公开'],
  ['/consultation', '征求意见'],
  ['/messages', '政民互动'],
];

/** The portal's frame: the county's header with the site navigation, and the footer. */
export function PortalLayout({ site, title, children }: { site: SiteInfo; title?: string; children: ReactNode }) {
  const navigate = useNavigate();
  useEffect(() => {
    document.title = title ? `${title} - ${site.title}` : site.title;
  }, [site.title, title]);
  return (
    <div className="portal">
      <header className="portal-header">
        <div className="portal-inner">
          <Link to="/" className="portal-brand">
            <span className="portal-emblem">法</span>
            <div>
              <h1 className="portal-title">{site.title}</h1>
              <div className="portal-tagline">依法行政 · 政务公开 · 便民服务</div>
            </div>
          </Link>
          <Input.Search
            className="portal-search"
            size="large"
            placeholder="全站搜索"
            maxLength={100}
            enterButton={<SearchOutlined />}
            aria-label="全站搜索"
            onSearch={(q) => q.trim() && navigate(`/search?q=${encodeURIComponent(q.trim())}`)}
            data-testid="portal-header-search"
          />
        </div>
        <nav className="portal-nav">
          <div className="portal-inner">
            {nav.map(([to, label]) => (
              <Link key={to} to={to}>
                {label}
              </Link>
            ))}
          </div>
        </nav>
      </header>
      <main className="portal-inner portal-main">{children}</main>
      <footer className="portal-footer">
        <div className="portal-inner">
          <div>{site.sponsor ? `主办单位：${site.sponsor}` : site.title}</div>
          <div>
            <a href="/console/" data-testid="portal-console-link">
              工作人员入口
            </a>
          </div>
        </div>
      </footer>
    </div>
  );
}

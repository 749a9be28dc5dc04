import {
  AuditOutlined,
  CommentOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { Button, Card, Col, Empty, Form, Input, Row, Tabs, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import type { SiteInfo } from './site.ts';

const SOON = '服务即将开通';

function Section({ id, icon, title, subtitle, children }: { id: string; icon: ReactNode; title: string; subtitle: string; children: ReactNode }) {
  return (
    <Card
      id={id}
      className="portal-section"
      title={
        <span className="section-title">
          {icon}
          <span>{title}</span>
          <span className="section-subtitle">{subtitle}</span>
        </span>
      }
    >
      {children}
    </Card>
  );
}

const empty = (description: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} />;

function tabs(items: [string, string][]) {
  return <Tabs size="small" items={items.map(([label, emptyText]) => ({ key: label, label, children: empty(emptyText) }))} />;
}

/** 依申请公开 (政府信息公开条例 arts 27–33): the forms are shown so that people see what is coming. */
function Disclosure() {
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} md={14}>
        <Typography.Title level={5}>提交申请</Typography.Title>
        <Form layout="vertical" disabled>
          <Form.Item label="申请人姓名或名称">
            <Input placeholder="自然人填写姓名，法人或其他组织填写名称" />
          </Form.Item>
          <Form.Item label="联系电话">
            <Input placeholder="用于告知办理结果" />
          </Form.Item>
          <Form.Item label="所需政府信息的内容描述">
            <Input.TextArea rows={3} placeholder="请尽量写明文件名称、文号或其他便于查找的特征" />
          </Form.Item>
          <Button type="primary" block data-testid="portal-apply-submit">
            {SOON}
          </Button>
        </Form>
      </Col>
      <Col xs={24} md={10}>
        <Typography.Title level={5}>查询办理进度</Typography.Title>
        <Typography.Paragraph type="secondary">提交申请后获得查询码，凭查询码查看受理、补正、答复等办理进度。</Typography.Paragraph>
        <Form layout="vertical" disabled>
          <Form.Item label="查询码">
            <Input placeholder="例如 YSQ-2026-000123" />
          </Form.Item>
          <Button block data-testid="portal-track-submit">
            {SOON}
          </Button>
        </Form>
      </Col>
    </Row>
  );
}

export function HomePage({ site }: { site: SiteInfo }) {
  useEffect(() => {
    document.title = site.title;
  }, [site.title]);
  const nav = [
    ['#policy', '政策文件'],
    ['#enforcement', '执法公示'],
    ['#disclosure', '依申请公开'],
    ['#interaction', '政民互动'],
  ];
  return (
    <div className="portal">
      <header className="portal-header">
        <div className="portal-inner">
          <div className="portal-brand">
            <span className="portal-emblem">法</span>
            <div>
              <h1 className="portal-title">{site.title}</h1>
              <div className="portal-tagline">依法行政 · 政务公开 · 便民服务</div>
            </div>
          </div>
          <Input.Search
            className="portal-search"
            size="large"
            placeholder="全站搜索即将开通"
            enterButton={<SearchOutlined />}
            disabled
            aria-label="全站搜索"
          />
        </div>
        <nav className="portal-nav">
          <div className="portal-inner">
            {nav.map(([href, label]) => (
              <a key={href} href={href}>
                {label}
              </a>
            ))}
          </div>
        </nav>
      </header>
      <main className="portal-inner portal-main">
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Section id="policy" icon={<FileProtectOutlined />} title="政策文件" subtitle="规范性文件 · 重大行政决策">
              {tabs([
                ['规范性文件', '暂无已发布的文件'],
                ['重大行政决策', '暂无已公开的决策事项'],
              ])}
            </Section>
          </Col>
          <Col xs={24} lg={12}>
            <Section id="enforcement" icon={<AuditOutlined />} title="执法公示" subtitle="执法主体 · 执法人员 · 执法结果">
              {tabs([
                ['执法主体', '暂无公示的执法主体'],
                ['执法人员', '暂无公示的执法人员'],
                ['执法结果', '暂无公示的执法结果'],
              ])}
            </Section>
          </Col>
          <Col xs={24} lg={14}>
            <Section id="disclosure" icon={<FileSearchOutlined />} title="依申请公开" subtitle="提交申请 · 查询办理进度">
              <Disclosure />
            </Section>
          </Col>
          <Col xs={24} lg={10}>
            <Section id="interaction" icon={<CommentOutlined />} title="政民互动" subtitle="网民留言 · 网上调查">
              {tabs([
                ['网民留言', '暂无公开的留言'],
                ['网上调查', '暂无进行中的调查'],
              ])}
            </Section>
          </Col>
        </Row>
      </main>
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

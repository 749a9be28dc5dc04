import { AuditOutlined, CommentOutlined, FileProtectOutlined, FileSearchOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Col, List, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PortalLayout } from './layout.tsx';
import { MessageLinks } from './messages/messages-pages.tsx';
import type { SiteInfo } from './site.ts';

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

/** A section's published pages, each with what it holds. */
function links(items: [string, string, string][]) {
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={([to, title, description]) => (
        <List.Item>
          <List.Item.Meta title={<Link to={to}>{title}</Link>} description={description} />
        </List.Item>
      )}
    />
  );
}

/** 依申请公开 (政府信息公开条例 arts 27–33): apply online, follow the application, download the reply. */
function Disclosure() {
  return (
    <Row gutter={[16, 12]} align="middle">
      <Col xs={24} md={15}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          公民、法人或者其他组织可以向行政机关申请获取相关政府信息。行政机关自收到申请之日起二十个工作日内答复（《政府信息公开条例》第三十三条）。网上提交后获得查询码，凭查询码和证件号码后六位查看办理进度、提交补正、下载答复书。
        </Typography.Paragraph>
      </Col>
      <Col xs={24} md={9} className="portal-actions">
        <Link to="/disclosure/apply">
          <Button type="primary" data-testid="portal-disclosure-apply">
            网上申请
          </Button>
        </Link>
        <Link to="/disclosure/track">
          <Button data-testid="portal-disclosure-track">查询办理进度</Button>
        </Link>
        <Link to="/disclosure-reports">
          <Button data-testid="portal-disclosure-reports">信息公开年报</Button>
        </Link>
      </Col>
    </Row>
  );
}

export function HomePage({ site }: { site: SiteInfo }) {
  return (
    <PortalLayout site={site}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Section id="policy" icon={<FileProtectOutlined />} title="政策文件" subtitle="规范性文件 · 重大行政决策">
            {links([
              ['/documents', '规范性文件库', '现行有效、已修改、已废止的规范性文件及清理结果'],
              ['/decisions', '重大行政决策', '决策事项目录、征求意见、决策公开及采纳情况说明'],
              ['/consultation', '征求意见', '正在公开征求意见的草案'],
            ])}
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section id="enforcement" icon={<AuditOutlined />} title="执法公示" subtitle="执法主体 · 执法人员 · 执法结果">
            {links([
              ['/enforcement/disclosure', '事前公示', '执法主体、执法事项及依据、裁量基准、首违不罚等清单、乡镇赋权事项'],
              ['/enforcement/officers', '执法人员（亮证）', '按姓名或执法证号查询持证执法人员'],
              ['/enforcement/decisions', '执法决定公示', '行政处罚等执法决定（事后公开）'],
            ])}
          </Section>
        </Col>
        <Col xs={24}>
          <Section id="reconsideration" icon={<SafetyCertificateOutlined />} title="行政复议" subtitle="网上申请 · 补正材料 · 查询结果">
            <Row gutter={[16, 12]} align="middle">
              <Col xs={24} md={16}>
                <Typography.Paragraph style={{ marginBottom: 0 }}>
                  公民、法人或者其他组织认为行政机关的行政行为侵犯其合法权益的，可以自知道该行政行为之日起六十日内申请行政复议（《行政复议法》第二十条）。网上提交后获得查询码，凭查询码和证件号码后六位查看受理、补正和复议决定。
                </Typography.Paragraph>
              </Col>
              <Col xs={24} md={8} className="portal-actions">
                <Link to="/reconsideration/apply">
                  <Button type="primary" data-testid="portal-reconsideration-apply">
                    网上申请行政复议
                  </Button>
                </Link>
                <Link to="/track">
                  <Button data-testid="portal-reconsideration-track">查询办理进度</Button>
                </Link>
              </Col>
            </Row>
          </Section>
        </Col>
        <Col xs={24} lg={14}>
          <Section id="disclosure" icon={<FileSearchOutlined />} title="依申请公开" subtitle="提交申请 · 查询办理进度">
            <Disclosure />
          </Section>
        </Col>
        <Col xs={24} lg={10}>
          <Section id="interaction" icon={<CommentOutlined />} title="政民互动" subtitle="网民留言 · 网上调查">
            <Typography.Paragraph>对政府工作的咨询、建议、投诉和求助，可以网上留言，凭查询码查看答复并评价；经留言人同意的留言和答复在本网站公开。</Typography.Paragraph>
            <MessageLinks />
          </Section>
        </Col>
      </Row>
    </PortalLayout>
  );
}

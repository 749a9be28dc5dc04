import { Card, Col, Descriptions, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { PageContainer } from '../../components/page-container.tsx';
import { allowedLeaves } from '../../layout/nav.tsx';
import { adminKindLabels } from '../../lib/labels.ts';
import { roleNames, useMe, useSession } from '../../session/session.tsx';
import { TodoSummaryCard } from '../cases/todo-summary-card.tsx';
import { RemindersCard } from './reminders-card.tsx';

/** What the platform covers, stage by stage; the menu grows as each module lands. */
const coverage = [
  { title: '机构与人员', text: '机构树、用户账号、角色与数据范围（本机构、本机构及下级、本行政区）。' },
  { title: '政策文件', text: '规范性文件的起草、合法性审核、备案与清理；重大行政决策全过程记录。' },
  { title: '行政执法', text: '执法主体、人员与执法证，执法事项与裁量基准，“三项制度”与案卷评查。' },
  { title: '复议与应诉', text: '行政复议受理、审理期限（按工作日计算）、决定；行政应诉与负责人出庭。' },
  { title: '政务公开', text: '主动公开、依申请公开办理期限与答复类型，政府信息公开工作年度报告。' },
  { title: '安全与审计', text: '三员分立、密码与锁定策略、接口令牌；全部写操作与敏感查询均记入防篡改审计日志。' },
];

export function HomePage() {
  const me = useMe();
  const { can } = useSession();
  const links = allowedLeaves(can).filter((leaf) => leaf.path !== '/');
  const roles = roleNames(me);
  return (
    <PageContainer title="工作台">
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <TodoSummaryCard />
        </Col>
        <Col span={24}>
          <RemindersCard />
        </Col>
        <Col xs={24} xl={14}>
          <Card title={`您好，${me.displayName}`} data-testid="welcome-card">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'org', label: '所属机构', children: me.orgName },
                { key: 'username', label: '用户名', children: me.username },
                {
                  key: 'roles',
                  label: '角色',
                  children: roles.length ? (
                    <Space wrap size={[4, 4]}>
                      {roles.map((name) => (
                        <Tag key={name} color="blue">
                          {name}
                        </Tag>
                      ))}
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">尚未分配角色，请联系安全管理员</Typography.Text>
                  ),
                },
                ...(me.adminKind
                  ? [{ key: 'kind', label: '管理员类别', children: <Tag color={adminKindLabels[me.adminKind].color}>{adminKindLabels[me.adminKind].label}</Tag> }]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="常用功能">
            {links.length ? (
              <List
                size="small"
                dataSource={links}
                renderItem={(leaf) => (
                  <List.Item>
                    <Link to={leaf.path}>
                      <Space>
                        {leaf.icon}
                        {leaf.label}
                      </Space>
                    </Link>
                  </List.Item>
                )}
              />
            ) : (
              <Empty description="您的角色暂无可用的管理功能" />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card title="平台覆盖的工作">
            <Row gutter={[16, 16]}>
              {coverage.map((item) => (
                <Col key={item.title} xs={24} md={12} xl={8}>
                  <Typography.Text strong>{item.title}</Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                    {item.text}
                  </Typography.Paragraph>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}

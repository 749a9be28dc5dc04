import { Button, Card, Empty, Flex, Tooltip, Typography } from 'antd';
import type { CaseAction, CaseDetail } from '../../api/types.ts';

/**
 * One button per step the user may take from here. A disabled step keeps its place, with the reason
 * under it in grey (and in a tooltip), so the user sees what the case waits for without hovering.
 */
export function CaseActionsCard({ detail, onAct }: { detail: CaseDetail; onAct: (action: CaseAction) => void }) {
  // What can be done now comes first; the steps that wait follow with their reasons.
  const actions = [...detail.actions.filter((a) => a.enabled), ...detail.actions.filter((a) => !a.enabled)];
  const firstEnabled = actions[0]?.enabled ? actions[0].action : undefined;
  return (
    <Card title="办理" data-testid="case-actions">
      {detail.actions.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={detail.terminal ? '本案已办结，没有后续操作' : '您在本案当前状态下没有可办理的操作'}
        />
      ) : (
        <Flex wrap gap={16} align="flex-start">
          {actions.map((action) =>
            action.enabled ? (
              <Button
                key={action.action}
                type={action.action === firstEnabled ? 'primary' : 'default'}
                onClick={() => onAct(action)}
                data-testid={`case-action-${action.action}`}
              >
                {action.label}
              </Button>
            ) : (
              <Flex key={action.action} vertical gap={4} style={{ maxWidth: 240 }}>
                <Tooltip title={action.reason}>
                  {/* A disabled button swallows hover events; the span lets the tooltip show. */}
                  <span style={{ display: 'inline-block', cursor: 'not-allowed', alignSelf: 'flex-start' }}>
                    <Button disabled data-testid={`case-action-${action.action}`}>
                      {action.label}
                    </Button>
                  </span>
                </Tooltip>
                {action.reason && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`case-action-${action.action}-reason`}>
                    {action.reason}
                  </Typography.Text>
                )}
              </Flex>
            ),
          )}
        </Flex>
      )}
    </Card>
  );
}

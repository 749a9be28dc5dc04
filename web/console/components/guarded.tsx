import { Button, Tooltip, type ButtonProps } from 'antd';
import { useSession } from '../session/session.tsx';

/** A button that stays visible but disabled, with the reason, when the user lacks the permission. */
export function GuardedButton({ permission, disabledReason, ...props }: ButtonProps & { permission: string; disabledReason?: string }) {
  const { can } = useSession();
  const allowed = can(permission);
  const reason = !allowed ? '没有此操作的权限' : props.disabled ? disabledReason : undefined;
  const button = <Button {...props} disabled={!allowed || props.disabled} />;
  return reason ? (
    <Tooltip title={reason}>
      {/* A disabled button swallows hover events; the span lets the tooltip show. */}
      <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>{button}</span>
    </Tooltip>
  ) : (
    button
  );
}

/** Spreads a data-testid onto antd props objects (okButtonProps …) whose types do not list data-* keys. */
export const testId = (id: string) => ({ 'data-testid': id }) as Record<string, string>;

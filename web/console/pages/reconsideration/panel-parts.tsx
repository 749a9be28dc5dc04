import { Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, showError } from '../../api/client.ts';
import type { CaseDetail } from '../../api/types.ts';

/**
 * The module's view of the case on the page, loaded again whenever the case moves on (its version
 * changes after a step), so that what a step recorded (补正事项, the outcome) shows at once.
 */
export function useModuleView<T>(detail: CaseDetail, fetch: (id: string) => Promise<T>) {
  // Kept with the case it belongs to: going from one case to another never shows the previous one's fields.
  const [loaded, setLoaded] = useState<{ id: string; view: T }>();
  const [failed, setFailed] = useState(false);
  const { id, version } = detail;
  const reload = useCallback(async () => {
    try {
      setLoaded({ id, view: await fetch(id) });
      setFailed(false);
    } catch (error) {
      // 404 cannot happen for a case the page just read; anything else is worth telling.
      if (!(error instanceof ApiError) || error.status !== 401) showError(error);
      setFailed(true);
    }
  }, [fetch, id]);
  useEffect(() => {
    void reload();
  }, [reload, version]);
  return { view: loaded?.id === id ? loaded.view : undefined, failed, reload };
}

/** A free text as entered (line breaks kept), folded after a few lines. */
export function LongText({ text, testId }: { text: string; testId?: string }) {
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} ellipsis={{ rows: 4, expandable: 'collapsible', symbol: (expanded) => (expanded ? '收起' : '展开') }} data-testid={testId}>
      {text}
    </Typography.Paragraph>
  );
}

import { Form } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PortalError, portalGet } from './api.ts';

/** The tracking code and its verification (the last characters of the ID number or the phone). */
export interface TrackQuery {
  code: string;
  verify: string;
}

/**
 * An application followed on the portal without an account: the lookup form, the answer and the last
 * query (to reload after a correction or a rating). The code is kept in the address, never the
 * verification, so a link or a reload fills the form in.
 */
export function useTracking<T>(path: string) {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<TrackQuery>();
  const [query, setQuery] = useState<TrackQuery>();
  const [tracking, setTracking] = useState<T>();
  const [problem, setProblem] = useState<string>();
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    async (q: TrackQuery) => {
      setLoading(true);
      setProblem(undefined);
      try {
        setTracking(await portalGet<T>(path, { code: q.code, verify: q.verify }));
        setQuery(q);
      } catch (error) {
        setTracking(undefined);
        setProblem(error instanceof PortalError ? error.message : '查询失败，请稍后重试');
      } finally {
        setLoading(false);
      }
    },
    [path],
  );

  useEffect(() => {
    const code = params.get('code');
    if (code) form.setFieldValue('code', code);
  }, [params, form]);

  const search = (values: TrackQuery) => {
    const q = { code: values.code.trim().toUpperCase(), verify: values.verify.trim().toUpperCase() };
    setParams({ code: q.code }, { replace: true });
    void load(q);
  };

  return { form, query, tracking, problem, loading, load, search };
}

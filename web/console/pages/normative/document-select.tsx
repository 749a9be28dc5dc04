import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import { normativeApi, type DocumentFilter } from './normative-api.ts';

/** Picks published documents by title or 文号 (searched on the server as the user types). */
export function DocumentSelect(props: Omit<SelectProps<string | string[]>, 'options' | 'onSearch' | 'showSearch' | 'filterOption'> & { filter?: DocumentFilter }) {
  const { filter, ...rest } = props;
  const [q, setQ] = useState<string | undefined>();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const filterKey = JSON.stringify(filter ?? {});
  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      normativeApi
        .pick(q, JSON.parse(filterKey) as DocumentFilter)
        .then((page) => live && setOptions(page.items.map((d) => ({ value: d.id, label: `《${d.title}》${d.docNo ? `（${d.docNo}）` : ''}${d.statusLabel ? ` ${d.statusLabel}` : ''}` }))))
        .catch(() => live && setOptions([]))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, filterKey]);
  return <Select allowClear showSearch={{ filterOption: false, onSearch: setQ }} loading={loading} options={options} placeholder="输入标题或文号查找已公布的文件" {...rest} />;
}

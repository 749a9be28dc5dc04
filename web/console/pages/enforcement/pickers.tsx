import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import { registryApi, type BodyItem, type MatterItem } from './registry-api.ts';

/** The 执法主体 the user may read, by name. */
export function BodySelect(props: Omit<SelectProps<string>, 'options'> & { onBody?: (body: BodyItem | undefined) => void }) {
  const { onBody, ...rest } = props;
  const [bodies, setBodies] = useState<BodyItem[]>([]);
  useEffect(() => {
    registryApi.bodies({ page: 1, pageSize: 500, status: 'active', sort: 'name' }).then(({ items }) => setBodies(items), () => setBodies([]));
  }, []);
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="执法主体"
      options={bodies.map((b) => ({ value: b.id, label: b.name }))}
      {...rest}
      onChange={(value, option) => {
        rest.onChange?.(value, option);
        onBody?.(bodies.find((b) => b.id === value));
      }}
    />
  );
}

/** An 执法事项, searched by code or name on the server; `current` labels the value being edited. */
export function MatterSelect({ current, ...props }: Omit<SelectProps<string>, 'options'> & { current?: { id: string; label: string } }) {
  const [q, setQ] = useState('');
  const [matters, setMatters] = useState<MatterItem[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => {
      registryApi.matters({ page: 1, pageSize: 50, q: q || undefined, status: 'active', sort: 'code' }).then(({ items }) => setMatters(items), () => setMatters([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);
  return (
    <Select<string>
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder="输入事项编码或名称搜索"
      options={[
        ...(current && !matters.some((m) => m.id === current.id) ? [{ value: current.id, label: current.label }] : []),
        ...matters.map((m) => ({ value: m.id, label: `${m.code} ${m.name}` })),
      ]}
      {...props}
    />
  );
}

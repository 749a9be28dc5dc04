import { Select, type SelectProps } from 'antd';
import { useEffect, useRef, useState } from 'react';

export interface CaseOption {
  value: string;
  label: string;
}

/**
 * Picks a case by searching the server (name, party, 案号) as the user types; the first page is
 * loaded when the list opens. `search` is asked again whenever it changes (its filters changed).
 * A refusal (no permission for that module) disables the picker with `unavailable` as its hint.
 */
export function CaseSearchSelect({
  search,
  unavailable,
  ...props
}: Omit<SelectProps<string>, 'options' | 'showSearch' | 'onSearch' | 'filterOption'> & { search: (q: string | undefined) => Promise<CaseOption[]>; unavailable: string }) {
  const [options, setOptions] = useState<CaseOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const [picked, setPicked] = useState<CaseOption>();
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const run = (q: string | undefined) => {
    const ticket = ++latest.current;
    setLoading(true);
    search(q).then(
      (found) => {
        if (ticket !== latest.current) return;
        setOptions(found);
        setFailed(false);
        setLoading(false);
      },
      () => {
        if (ticket !== latest.current) return;
        setFailed(true);
        setLoading(false);
      },
    );
  };

  useEffect(() => {
    run(undefined);
    return () => clearTimeout(timer.current);
  }, [search]);

  // The chosen case keeps its label while later searches list others.
  const shown = picked && !options.some((o) => o.value === picked.value) ? [picked, ...options] : options;

  return (
    <Select<string>
      allowClear
      loading={loading}
      options={shown}
      showSearch={{
        filterOption: false,
        onSearch: (q) => {
          clearTimeout(timer.current);
          // One request once the user pauses typing, not one per key.
          timer.current = setTimeout(() => run(q.trim() || undefined), 300);
        },
      }}
      notFoundContent={loading ? '查找中…' : '没有符合条件的案件'}
      {...props}
      onChange={(value, option) => {
        setPicked(option && !Array.isArray(option) ? (option as CaseOption) : undefined);
        props.onChange?.(value, option);
      }}
      placeholder={failed ? unavailable : props.placeholder}
      disabled={failed || props.disabled}
    />
  );
}

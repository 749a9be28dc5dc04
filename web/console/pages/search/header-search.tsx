import { Input } from 'antd';
import { useNavigate } from 'react-router';

/** The header's search box: opens the search page with the words typed. */
export function HeaderSearch() {
  const navigate = useNavigate();
  return (
    <Input.Search
      className="header-search"
      placeholder="全文检索"
      allowClear
      maxLength={100}
      onSearch={(q) => q.trim() && navigate(`/search?q=${encodeURIComponent(q.trim())}`)}
      style={{ maxWidth: 280, marginInline: 'auto 16px' }}
      data-testid="header-search"
    />
  );
}

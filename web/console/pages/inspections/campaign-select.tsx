import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import { campaignsApi, type CampaignItem } from './inspections-api.ts';

/** Picks one of the county's 专项整治 campaigns (newest first), searchable by title. */
export function CampaignSelect(props: Omit<SelectProps<string>, 'options'>) {
  const [campaigns, setCampaigns] = useState<CampaignItem[] | null>(null);
  useEffect(() => {
    campaignsApi.list({ page: 1, pageSize: 500 }).then(
      (page) => setCampaigns(page.items),
      () => setCampaigns([]),
    );
  }, []);
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={!campaigns}
      placeholder="专项整治行动"
      popupMatchSelectWidth={false}
      options={(campaigns ?? []).map((c) => ({ value: c.id, label: `${c.title}（${c.startsOn.slice(0, 4)}）` }))}
      {...props}
    />
  );
}

import { ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter, Route, Routes } from 'react-router';
import { HomePage } from './home-page.tsx';
import { ReconsiderationApplyPage } from './reconsideration-apply-page.tsx';
import { TrackPage } from './track-page.tsx';
import { DEFAULT_SITE } from './site.ts';

export function PortalApp() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b91c1c', borderRadius: 6 } }}>
      <BrowserRouter basename="/portal">
        <Routes>
          <Route index element={<HomePage site={DEFAULT_SITE} />} />
          <Route path="reconsideration/apply" element={<ReconsiderationApplyPage site={DEFAULT_SITE} />} />
          <Route path="track" element={<TrackPage site={DEFAULT_SITE} />} />
          <Route path="*" element={<Result status="404" title="页面不存在" extra={<a href="/portal/">返回首页</a>} />} />
        </Routes>
      </BrowserRouter>
    </ConfigProvider>
  );
}

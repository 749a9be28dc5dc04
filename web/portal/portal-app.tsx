import { ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter, Route, Routes } from 'react-router';
import { HomePage } from './home-page.tsx';
import { ReconsiderationApplyPage } from './reconsideration-apply-page.tsx';
import { TrackPage } from './track-page.tsx';
import { DecisionPage, DecisionsPage } from './decisions/decisions-pages.tsx';
import { ConsultationListPage } from './consultation/consultation-list-page.tsx';
import { ConsultationPage } from './consultation/consultation-page.tsx';
import { SearchPage } from './search/search-page.tsx';
import { CleanupPage, CleanupsPage, DocumentPage, DocumentsPage } from './normative/normative-pages.tsx';
import { EnforcementDecisionPage, EnforcementDecisionsPage } from './enforcement-decisions/enforcement-decisions-pages.tsx';
import { DisclosurePage as EnforcementDisclosurePage, OfficersPage as EnforcementOfficersPage } from './enforcement/registry-pages.tsx';
import { DisclosureApplyPage } from './disclosure/apply-page.tsx';
import { DisclosureTrackPage } from './disclosure/track-page.tsx';
import { DisclosureReportPage, DisclosureReportsPage } from './disclosure-report/disclosure-report-pages.tsx';
import { LeaveMessagePage, PublicMessagePage, PublicMessagesPage } from './messages/messages-pages.tsx';
import { TrackMessagePage } from './messages/track-message-page.tsx';
import { SurveyPage, SurveyResultsPage, SurveysPage } from './messages/surveys-pages.tsx';
import { DEFAULT_SITE } from './site.ts';

export function PortalApp() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b91c1c', borderRadius: 6 } }}>
      <BrowserRouter basename="/portal">
        <Routes>
          <Route index element={<HomePage site={DEFAULT_SITE} />} />
          <Route path="reconsideration/apply" element={<ReconsiderationApplyPage site={DEFAULT_SITE} />} />
          <Route path="track" element={<TrackPage site={DEFAULT_SITE} />} />
          <Route path="decisions" element={<DecisionsPage site={DEFAULT_SITE} />} />
          <Route path="decisions/:id" element={<DecisionPage site={DEFAULT_SITE} />} />
          <Route path="consultation" element={<ConsultationListPage site={DEFAULT_SITE} />} />
          <Route path="consultation/:id" element={<ConsultationPage site={DEFAULT_SITE} />} />
          <Route path="search" element={<SearchPage site={DEFAULT_SITE} />} />
          <Route path="documents" element={<DocumentsPage site={DEFAULT_SITE} />} />
          <Route path="documents/cleanups" element={<CleanupsPage site={DEFAULT_SITE} />} />
          <Route path="documents/cleanups/:id" element={<CleanupPage site={DEFAULT_SITE} />} />
          <Route path="documents/:id" element={<DocumentPage site={DEFAULT_SITE} />} />
          <Route path="enforcement/decisions" element={<EnforcementDecisionsPage site={DEFAULT_SITE} />} />
          <Route path="enforcement/decisions/:id" element={<EnforcementDecisionPage site={DEFAULT_SITE} />} />
          <Route path="enforcement/officers" element={<EnforcementOfficersPage site={DEFAULT_SITE} />} />
          <Route path="enforcement/disclosure" element={<EnforcementDisclosurePage site={DEFAULT_SITE} />} />
          <Route path="disclosure/apply" element={<DisclosureApplyPage site={DEFAULT_SITE} />} />
          <Route path="disclosure/track" element={<DisclosureTrackPage site={DEFAULT_SITE} />} />
          <Route path="disclosure-reports" element={<DisclosureReportsPage site={DEFAULT_SITE} />} />
          <Route path="disclosure-reports/:id" element={<DisclosureReportPage site={DEFAULT_SITE} />} />
          <Route path="messages" element={<PublicMessagesPage site={DEFAULT_SITE} />} />
          <Route path="messages/new" element={<LeaveMessagePage site={DEFAULT_SITE} />} />
          <Route path="messages/track" element={<TrackMessagePage site={DEFAULT_SITE} />} />
          <Route path="messages/:id" element={<PublicMessagePage site={DEFAULT_SITE} />} />
          <Route path="surveys" element={<SurveysPage site={DEFAULT_SITE} />} />
          <Route path="surveys/:id" element={<SurveyPage site={DEFAULT_SITE} />} />
          <Route path="surveys/:id/results" element={<SurveyResultsPage site={DEFAULT_SITE} />} />
          <Route path="*" element={<Result status="404" title="页面不存在" extra={<a href="/portal/">返回首页</a>} />} />
        </Routes>
      </BrowserRouter>
    </ConfigProvider>
  );
}

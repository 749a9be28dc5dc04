import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import '../shared/time.ts';
import { connectClient } from './api/client.ts';
import { ConsoleLayout } from './layout/console-layout.tsx';
import { SessionProvider, useSession } from './session/session.tsx';

/** Each page is its own chunk, loaded when first opened. */
const page = <P extends object, K extends string>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const LoginPage = page(() => import('./pages/auth/login-page.tsx'), 'LoginPage');
const ChangePasswordPage = page(() => import('./pages/auth/change-password-page.tsx'), 'ChangePasswordPage');
const HomePage = page(() => import('./pages/home/home-page.tsx'), 'HomePage');
const OrgsPage = page(() => import('./pages/orgs/orgs-page.tsx'), 'OrgsPage');
const UsersPage = page(() => import('./pages/users/users-page.tsx'), 'UsersPage');
const RolesPage = page(() => import('./pages/roles/roles-page.tsx'), 'RolesPage');
const TokensPage = page(() => import('./pages/tokens/tokens-page.tsx'), 'TokensPage');
const SecurityPage = page(() => import('./pages/security/security-page.tsx'), 'SecurityPage');
const AuditPage = page(() => import('./pages/audit/audit-page.tsx'), 'AuditPage');
const CalendarPage = page(() => import('./pages/calendar/calendar-page.tsx'), 'CalendarPage');
const TodoPage = page(() => import('./pages/cases/todo-page.tsx'), 'TodoPage');
const CasePage = page(() => import('./pages/cases/case-page.tsx'), 'CasePage');
const NormativeListPage = page(() => import('./pages/normative/normative-list-page.tsx'), 'NormativeListPage');
const NormativeSettingsPage = page(() => import('./pages/normative/settings-page.tsx'), 'NormativeSettingsPage');
const NormativeExpiringPage = page(() => import('./pages/normative/expiring-page.tsx'), 'ExpiringPage');
const CampaignsPage = page(() => import('./pages/normative/campaigns-page.tsx'), 'CampaignsPage');
const CampaignPage = page(() => import('./pages/normative/campaign-page.tsx'), 'CampaignPage');
const LegalityQueuePage = page(() => import('./pages/legality/legality-queue-page.tsx'), 'LegalityQueuePage');
const StatisticsPage = page(() => import('./pages/statistics/statistics-page.tsx'), 'StatisticsPage');
const ReconsiderationListPage = page(() => import('./pages/reconsideration/reconsideration-list-page.tsx'), 'ReconsiderationListPage');
const LitigationListPage = page(() => import('./pages/litigation/litigation-list-page.tsx'), 'LitigationListPage');
const LitigationSettingsPage = page(() => import('./pages/litigation/settings-page.tsx'), 'LitigationSettingsPage');
const EnforcementBodiesPage = page(() => import('./pages/enforcement/bodies-page.tsx'), 'BodiesPage');
const EnforcementOfficersPage = page(() => import('./pages/enforcement/officers-page.tsx'), 'OfficersPage');
const EnforcementOfficerPage = page(() => import('./pages/enforcement/officer-page.tsx'), 'OfficerPage');
const EnforcementMattersPage = page(() => import('./pages/enforcement/matters-pages.tsx'), 'MattersPage');
const EnforcementBenchmarksPage = page(() => import('./pages/enforcement/matters-pages.tsx'), 'BenchmarksPage');
const EnforcementLeniencyPage = page(() => import('./pages/enforcement/matters-pages.tsx'), 'LeniencyPage');
const EnforcementDelegationsPage = page(() => import('./pages/enforcement/delegations-page.tsx'), 'DelegationsPage');
const EnforcementCaseListPage = page(() => import('./pages/enforcement-cases/case-list-page.tsx'), 'CaseListPage');
const EnforcementPublicationsPage = page(() => import('./pages/enforcement-cases/publications-page.tsx'), 'PublicationsPage');
const EnforcementCoercivePage = page(() => import('./pages/enforcement-cases/coercive-page.tsx'), 'CoercivePage');
const InspectionsListPage = page(() => import('./pages/inspections/inspections-list-page.tsx'), 'InspectionsListPage');
const InspectionPage = page(() => import('./pages/inspections/inspection-page.tsx'), 'InspectionPage');
const EnforcementCampaignsPage = page(() => import('./pages/campaigns/campaigns-page.tsx'), 'CampaignsPage');
const EnforcementCampaignPage = page(() => import('./pages/campaigns/campaign-page.tsx'), 'CampaignPage');
const DecisionListPage = page(() => import('./pages/decisions/decision-list-page.tsx'), 'DecisionListPage');
const CatalogueListPage = page(() => import('./pages/decisions/catalogue-pages.tsx'), 'CatalogueListPage');
const CataloguePage = page(() => import('./pages/decisions/catalogue-pages.tsx'), 'CataloguePage');
const DecisionSettingsPage = page(() => import('./pages/decisions/settings-page.tsx'), 'DecisionSettingsPage');
const MeetingsPage = page(() => import('./pages/meetings/meetings-pages.tsx'), 'MeetingsPage');
const MeetingPage = page(() => import('./pages/meetings/meetings-pages.tsx'), 'MeetingPage');
const LegislationListPage = page(() => import('./pages/legislation/legislation-list-page.tsx'), 'LegislationListPage');
const LegislationRequestsPage = page(() => import('./pages/legislation/requests-page.tsx'), 'LegislationRequestsPage');
const ProposalsListPage = page(() => import('./pages/proposals/proposals-list-page.tsx'), 'ProposalsListPage');
const ProposalSummaryPage = page(() => import('./pages/proposals/summary-page.tsx'), 'ProposalSummaryPage');
const ProposalSettingsPage = page(() => import('./pages/proposals/settings-page.tsx'), 'ProposalSettingsPage');
const ConsultationListPage = page(() => import('./pages/consultation/consultation-list-page.tsx'), 'ConsultationListPage');
const ConsultationPage = page(() => import('./pages/consultation/consultation-page.tsx'), 'ConsultationPage');
const SearchPage = page(() => import('./pages/search/search-page.tsx'), 'SearchPage');
const DisclosureListPage = page(() => import('./pages/disclosure/disclosure-list-page.tsx'), 'DisclosureListPage');
const DisclosureSettingsPage = page(() => import('./pages/disclosure/settings-page.tsx'), 'DisclosureSettingsPage');
const ProactivePage = page(() => import('./pages/disclosure-report/proactive-page.tsx'), 'ProactivePage');
const DisclosureReportsPage = page(() => import('./pages/disclosure-report/reports-page.tsx'), 'ReportsPage');
const DisclosureReportPage = page(() => import('./pages/disclosure-report/report-page.tsx'), 'ReportPage');
const EvaluationsPage = page(() => import('./pages/evaluations/evaluations-page.tsx'), 'EvaluationsPage');
const EvaluationCampaignPage = page(() => import('./pages/evaluations/campaign-page.tsx'), 'EvaluationCampaignPage');
const EvaluationFilePage = page(() => import('./pages/evaluations/file-page.tsx'), 'EvaluationFilePage');
const RectificationPage = page(() => import('./pages/evaluations/evaluations-page.tsx'), 'RectificationPage');
const EvaluationSheetsPage = page(() => import('./pages/evaluations/sheets-page.tsx'), 'EvaluationSheetsPage');
const MessageListPage = page(() => import('./pages/messages/message-list-page.tsx'), 'MessageListPage');
const MessageSettingsPage = page(() => import('./pages/messages/settings-page.tsx'), 'MessageSettingsPage');
const SurveyListPage = page(() => import('./pages/messages/survey-list-page.tsx'), 'SurveyListPage');
const SurveyPage = page(() => import('./pages/messages/survey-page.tsx'), 'SurveyPage');

/** Gives the API client the router's navigate and antd's context-aware message. */
function ClientBridge() {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  useEffect(() => connectClient({ navigate, message }), [navigate, message]);
  return null;
}

const fullScreenSpin = <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;

/** Loads the signed-in user once; pages below it may assume one. */
function RequireSession({ children }: { children: ReactNode }) {
  const { me, refresh } = useSession();
  const location = useLocation();
  useEffect(() => {
    if (me === undefined) void refresh();
  }, [me, refresh]);
  if (me === undefined) return fullScreenSpin;
  if (me === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  // 首次登录 (or after a reset): nothing else until the password is changed.
  if (me.mustChangePassword && location.pathname !== '/change-password') return <Navigate to="/change-password" replace />;
  return children;
}

function ChangePasswordRoute() {
  const { me } = useSession();
  // Forced change: a page of its own, without the menu the user may not use yet.
  if (me?.mustChangePassword) return <ChangePasswordPage standalone />;
  return <ConsoleLayout />;
}

const notFound = <Result status="404" title="页面不存在" extra={<Link to="/">返回工作台</Link>} />;

export function ConsoleApp() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1d4ed8', borderRadius: 6 } }}>
      <AntApp>
        <BrowserRouter basename="/console">
          <ClientBridge />
          <SessionProvider>
            <Suspense fallback={fullScreenSpin}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route element={<RequireSession><ChangePasswordRoute /></RequireSession>}>
                  <Route path="/change-password" element={<ChangePasswordPage />} />
                </Route>
                <Route element={<RequireSession><ConsoleLayout /></RequireSession>}>
                  <Route index element={<HomePage />} />
                  <Route path="/todo" element={<TodoPage />} />
                  <Route path="/cases/:id" element={<CasePage />} />
                  <Route path="/reconsideration" element={<ReconsiderationListPage />} />
                  {/* A 复议 case is the generic case page, under the module's own address. */}
                  <Route path="/reconsideration/:id" element={<CasePage />} />
                  <Route path="/litigation" element={<LitigationListPage />} />
                  <Route path="/litigation/settings" element={<LitigationSettingsPage />} />
                  <Route path="/litigation/:id" element={<CasePage />} />
                  <Route path="/decisions" element={<DecisionListPage />} />
                  <Route path="/decisions/catalogues" element={<CatalogueListPage />} />
                  <Route path="/decisions/catalogues/:id" element={<CataloguePage />} />
                  <Route path="/decisions/settings" element={<DecisionSettingsPage />} />
                  <Route path="/decisions/:id" element={<CasePage />} />
                  <Route path="/meetings" element={<MeetingsPage />} />
                  <Route path="/meetings/:id" element={<MeetingPage />} />
                  <Route path="/legislation" element={<LegislationListPage />} />
                  <Route path="/legislation/requests" element={<LegislationRequestsPage />} />
                  <Route path="/legislation/:id" element={<CasePage />} />
                  <Route path="/proposals" element={<ProposalsListPage />} />
                  <Route path="/proposals/summary" element={<ProposalSummaryPage />} />
                  <Route path="/proposals/settings" element={<ProposalSettingsPage />} />
                  <Route path="/proposals/:id" element={<CasePage />} />
                  <Route path="/consultation" element={<ConsultationListPage />} />
                  <Route path="/consultation/:id" element={<ConsultationPage />} />
                  <Route path="/search" element={<SearchPage />} />
                  <Route path="/disclosure" element={<DisclosureListPage />} />
                  <Route path="/disclosure/settings" element={<DisclosureSettingsPage />} />
                  <Route path="/disclosure/:id" element={<CasePage />} />
                  <Route path="/proactive-disclosures" element={<ProactivePage />} />
                  <Route path="/disclosure-reports" element={<DisclosureReportsPage />} />
                  <Route path="/disclosure-reports/:id" element={<DisclosureReportPage />} />
                  <Route path="/normative" element={<NormativeListPage />} />
                  <Route path="/normative/settings" element={<NormativeSettingsPage />} />
                  <Route path="/normative/expiring" element={<NormativeExpiringPage />} />
                  <Route path="/normative/campaigns" element={<CampaignsPage />} />
                  <Route path="/normative/campaigns/:id" element={<CampaignPage />} />
                  <Route path="/normative/:id" element={<CasePage />} />
                  <Route path="/legality" element={<LegalityQueuePage />} />
                  <Route path="/enforcement-cases" element={<EnforcementCaseListPage />} />
                  <Route path="/enforcement-cases/publications" element={<EnforcementPublicationsPage />} />
                  <Route path="/enforcement-cases/publications/:id" element={<CasePage />} />
                  <Route path="/enforcement-cases/coercive" element={<EnforcementCoercivePage />} />
                  <Route path="/enforcement-cases/:id" element={<CasePage />} />
                  <Route path="/inspections" element={<InspectionsListPage />} />
                  <Route path="/inspections/:id" element={<InspectionPage />} />
                  <Route path="/campaigns" element={<EnforcementCampaignsPage />} />
                  <Route path="/campaigns/:id" element={<EnforcementCampaignPage />} />
                  <Route path="/evaluations" element={<EvaluationsPage />} />
                  <Route path="/evaluations/sheets" element={<EvaluationSheetsPage />} />
                  <Route path="/evaluations/rectification" element={<RectificationPage />} />
                  <Route path="/evaluations/campaigns/:id" element={<EvaluationCampaignPage />} />
                  <Route path="/evaluations/files/:id" element={<EvaluationFilePage />} />
                  <Route path="/enforcement/bodies" element={<EnforcementBodiesPage />} />
                  <Route path="/enforcement/officers" element={<EnforcementOfficersPage />} />
                  <Route path="/enforcement/officers/:id" element={<EnforcementOfficerPage />} />
                  <Route path="/enforcement/matters" element={<EnforcementMattersPage />} />
                  <Route path="/enforcement/benchmarks" element={<EnforcementBenchmarksPage />} />
                  <Route path="/enforcement/leniency" element={<EnforcementLeniencyPage />} />
                  <Route path="/enforcement/delegations" element={<EnforcementDelegationsPage />} />
                  <Route path="/messages" element={<MessageListPage />} />
                  <Route path="/messages/settings" element={<MessageSettingsPage />} />
                  <Route path="/messages/:id" element={<CasePage />} />
                  <Route path="/surveys" element={<SurveyListPage />} />
                  <Route path="/surveys/:id" element={<SurveyPage />} />
                  <Route path="/statistics" element={<StatisticsPage />} />
                  <Route path="/system/orgs" element={<OrgsPage />} />
                  <Route path="/system/users" element={<UsersPage />} />
                  <Route path="/system/roles" element={<RolesPage />} />
                  <Route path="/system/api-tokens" element={<TokensPage />} />
                  <Route path="/system/security" element={<SecurityPage />} />
                  <Route path="/system/calendar" element={<CalendarPage />} />
                  <Route path="/audit/logs" element={<AuditPage />} />
                  <Route path="*" element={notFound} />
                </Route>
              </Routes>
            </Suspense>
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

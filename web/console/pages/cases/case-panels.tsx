import { Alert, Card } from 'antd';
import { Component, lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { CaseDetail } from '../../api/types.ts';

/** What a module's panel is given: the generic case detail, and a reload for after its own saves. */
export interface CasePanelProps {
  detail: CaseDetail;
  /** Reloads the case page, e.g. after the panel saved something that changes the steps on offer. */
  onChanged: () => void;
}

type PanelLoader = () => Promise<ComponentType<CasePanelProps>>;

/**
 * The case page is generic; a module shows its own fields of a case (行政复议: applicant, respondent,
 * outcome …) in a panel above the 全过程记录. One line per case type, loaded only when such a case
 * is opened, e.g.
 *   reconsideration: () => import('../reconsideration/reconsideration-panel.tsx').then((m) => m.ReconsiderationPanel),
 * A case type without an entry shows no panel.
 */
const casePanels: Partial<Record<string, PanelLoader>> = {
  reconsideration: () => import('../reconsideration/reconsideration-panel.tsx').then((m) => m.ReconsiderationPanel),
  reconsideration_opinion: () => import('../reconsideration/follow-up-panel.tsx').then((m) => m.FollowUpPanel),
  reconsideration_review: () => import('../reconsideration/follow-up-panel.tsx').then((m) => m.FollowUpPanel),
  litigation: () => import('../litigation/litigation-panel.tsx').then((m) => m.LitigationPanel),
  normative_document: () => import('../normative/normative-panel.tsx').then((m) => m.NormativePanel),
  decision: () => import('../decisions/decision-panel.tsx').then((m) => m.DecisionPanel),
  legislation: () => import('../legislation/consultation-panel.tsx').then((m) => m.ConsultationPanel),
  legislation_request: () => import('../legislation/request-panel.tsx').then((m) => m.RequestPanel),
  proposal: () => import('../proposals/proposal-panel.tsx').then((m) => m.ProposalPanel),
  proposal_opinion: () => import('../proposals/proposal-panel.tsx').then((m) => m.OpinionPanel),
  enforcement_penalty: () => import('../enforcement-cases/penalty-panel.tsx').then((m) => m.PenaltyPanel),
  enforcement_publicity: () => import('../enforcement-cases/publication-panel.tsx').then((m) => m.PublicationPanel),
  disclosure_request: () => import('../disclosure/disclosure-panel.tsx').then((m) => m.DisclosurePanel),
  citizen_message: () => import('../messages/message-panel.tsx').then((m) => m.MessagePanel),
  disclosure_annual_report: () => import('../disclosure-report/report-case-panel.tsx').then((m) => m.ReportCasePanel),
};

const loaded = new Map<string, LazyExoticComponent<ComponentType<CasePanelProps>>>();

function panelFor(caseType: string) {
  const load = casePanels[caseType];
  if (!load) return undefined;
  let panel = loaded.get(caseType);
  if (!panel) {
    panel = lazy(async () => ({ default: await load() }));
    loaded.set(caseType, panel);
  }
  return panel;
}

/** A panel that fails (its chunk did not load, a bug) costs the panel, not the case page. */
class PanelBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <Alert type="warning" showIcon title="本案的专项信息暂时无法显示，请刷新页面后重试" /> : this.props.children;
  }
}

/** The module's own panel for the case's type, if it has one. */
export function CaseModulePanel({ detail, onChanged }: CasePanelProps) {
  const Panel = panelFor(detail.caseType);
  if (!Panel) return null;
  return (
    <PanelBoundary key={detail.caseType}>
      <Suspense fallback={<Card loading />}>
        <Panel detail={detail} onChanged={onChanged} />
      </Suspense>
    </PanelBoundary>
  );
}

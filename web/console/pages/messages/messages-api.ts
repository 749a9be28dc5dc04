import type { MessageCategory, MessageChannel, MessageState, QuestionKind, Satisfaction, SurveyPhase, SurveyStatus } from '../../../../contracts/messages.ts';
import { api, download } from '../../api/client.ts';
import type { DeadlineMark, Page } from '../../api/types.ts';

/** Shapes of /api/messages and /api/surveys (server/modules/messages/messages.schemas.ts is the source of truth). */

export const MESSAGES = { read: 'messages.read', handle: 'messages.handle', coordinate: 'messages.coordinate', surveys: 'messages.surveys', personal: 'messages.personal' } as const;
export const MESSAGE = 'citizen_message';

export const messageSorts = ['receivedOn', 'dueOn', 'repliedOn', 'title'] as const;
export type MessageSort = (typeof messageSorts)[number];

export type MessageFilter = {
  state?: MessageState;
  channel?: MessageChannel;
  category?: MessageCategory;
  orgId?: string;
  mark?: 'overdue' | 'dueSoon';
  from?: string;
  to?: string;
  toPublish?: boolean;
  satisfaction?: Satisfaction;
  q?: string;
  sort?: MessageSort;
  order?: 'asc' | 'desc';
};
export type MessageQuery = MessageFilter & { page: number; pageSize: number };

export interface MessageItem {
  id: string;
  title: string;
  state: MessageState;
  stateLabel: string;
  version: number;
  dueOn: string | null;
  mark: DeadlineMark;
  orgId: string;
  orgName: string;
  trackingCode: string | null;
  channel: MessageChannel;
  channelLabel: string;
  category: MessageCategory;
  categoryLabel: string;
  receivedOn: string;
  citizenName: string | null;
  citizenPhoneMask: string | null;
  content: string;
  publicConsent: boolean;
  published: boolean;
  publicContent: string | null;
  replyText: string | null;
  repliedOn: string | null;
  replyDueOn: string | null;
  onTime: boolean | null;
  satisfaction: Satisfaction | null;
  satisfactionLabel: string | null;
}

export interface NewMessage {
  channel: MessageChannel;
  category: MessageCategory;
  receivedOn: string;
  subject: string;
  content: string;
  name?: string;
  phone: string;
  publicConsent: boolean;
}

export interface MessageSettings {
  portalDays: number;
  hotlineDays: number;
  mailboxDays: number;
  otherDays: number;
  reviewReplies: boolean;
  revisionDays: number;
  deductMonths: number;
  vetoMonths: number;
}

export interface Question {
  id: string;
  seq: number;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  required: boolean;
}

export interface SurveyItem {
  id: string;
  title: string;
  description: string | null;
  orgName: string;
  opensOn: string;
  closesOn: string;
  status: SurveyStatus;
  statusLabel: string;
  phase: SurveyPhase | null;
  phaseLabel: string | null;
  resultsPublic: boolean;
  responses: number;
  version: number;
}
export type SurveyDetail = SurveyItem & { questions: Question[] };

export interface SurveyInput {
  title: string;
  description?: string;
  opensOn: string;
  closesOn: string;
  resultsPublic: boolean;
  questions: { kind: QuestionKind; prompt: string; options: string[]; required: boolean }[];
}

export interface QuestionResult {
  id: string;
  seq: number;
  kind: QuestionKind;
  prompt: string;
  answered: number;
  options: { label: string; count: number }[];
  texts: string[];
  textCount: number;
}
export interface SurveyResults {
  survey: SurveyItem;
  responses: number;
  questions: QuestionResult[];
}

export type SurveyStep = 'publish' | 'withdraw' | 'showResults' | 'hideResults';

export const messagesApi = {
  list: (query: MessageQuery) => api.get<Page<MessageItem>>('messages', query),
  exportXlsx: (filter: MessageFilter) => download('messages/export.xlsx', filter, '网民诉求.xlsx'),
  get: (id: string) => api.get<MessageItem>(`messages/${id}`),
  phone: (id: string) => api.get<{ phone: string }>(`messages/${id}/phone`),
  enter: (body: NewMessage) => api.post<MessageItem>('messages', body),
  settings: () => api.get<{ value: MessageSettings; version: number }>('messages/settings'),
  saveSettings: (value: MessageSettings, version: number) => api.put<{ value: MessageSettings; version: number }>('messages/settings', { value, version }),
  surveys: (query: { page: number; pageSize: number; status?: SurveyStatus; q?: string; year?: number }) => api.get<Page<SurveyItem>>('surveys', query),
  survey: (id: string) => api.get<SurveyDetail>(`surveys/${id}`),
  createSurvey: (body: SurveyInput) => api.post<SurveyDetail>('surveys', body),
  updateSurvey: (id: string, body: SurveyInput & { version: number }) => api.put<SurveyDetail>(`surveys/${id}`, body),
  surveyStep: (id: string, step: SurveyStep, version: number) => api.post<SurveyDetail>(`surveys/${id}/${step}`, { version }),
  results: (id: string) => api.get<SurveyResults>(`surveys/${id}/results`),
  exportResults: (id: string, title: string) => download(`surveys/${id}/results.xlsx`, undefined, `${title}-调查结果.xlsx`),
};

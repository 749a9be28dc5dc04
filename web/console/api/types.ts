/** Shapes of the /api answers the console reads; the server's zod schemas are the source of truth. */

import type { AdminKind, DataScope, OrgStatus, OrgType } from '../../../contracts/labels.ts';

export type { AdminKind, DataScope, OrgType };

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RoleRef {
  id: string;
  code: string;
  name: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  regionCode: string;
  mustChangePassword: boolean;
  adminKind: AdminKind | null;
  permissions: Record<string, DataScope>;
  roles: (RoleRef | string)[];
}

export interface PasswordPolicy {
  passwordMinLength: number;
  passwordMinClasses: number;
  passwordHistory: number;
  /** The rule in one Chinese sentence. */
  description?: string;
}

export interface Region {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

export type Status = OrgStatus;

export interface Org {
  id: string;
  regionCode: string;
  parentId: string | null;
  path: string;
  depth: number;
  code: string;
  name: string;
  shortName: string | null;
  type: OrgType;
  creditCode: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  address: string | null;
  status: Status;
  sortOrder: number;
  version: number;
  childCount: number;
  userCount: number;
  updatedAt: string;
}

export interface OrgInput {
  regionCode?: string;
  parentId?: string;
  code: string;
  name: string;
  shortName?: string;
  type: OrgType;
  creditCode?: string;
  contactPerson?: string;
  contactPhone?: string;
  address?: string;
  sortOrder?: number;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  regionCode: string;
  phoneMask: string | null;
  email: string | null;
  title: string | null;
  status: Status;
  locked: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  isService: boolean;
  lastLoginAt: string | null;
  roles: RoleRef[];
  version: number;
}

export interface UserQuery {
  orgId?: string;
  subtree?: boolean;
  q?: string;
  status?: Status;
  roleId?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface PermissionDef {
  code: string;
  name: string;
  adminKind?: AdminKind | null;
  scoped?: boolean;
}

export interface Grant {
  permission: string;
  scope: DataScope;
}

export interface Role {
  id: string;
  code: string;
  name: string;
  description: string | null;
  adminKind: AdminKind | null;
  builtin: boolean;
  userCount: number;
  permissions: Grant[];
  version: number;
}

export interface ApiToken {
  id: string;
  name: string;
  userId: string;
  username: string;
  displayName?: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface SecuritySettings {
  passwordMinLength: number;
  passwordMinClasses: number;
  passwordHistory: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
  version: number;
}

export interface AuditRow {
  chain: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  userAgent: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  orgId: string | null;
  orgName: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
  prevHash: string;
  hash: string;
}

export interface AuditQuery {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  page?: number;
  pageSize?: number;
}

export interface ChainBreak {
  chain: string;
  seq: number;
  reason: string;
  detail?: string;
}

export interface AuditVerification {
  ok: boolean;
  chains: { chain: string; rows: number; headSeq?: number; broken?: ChainBreak }[];
  firstBroken?: ChainBreak;
}

/** Yellow: due within 3 working days; red: past due (server/modules/cases computes both). */
export type DeadlineMark = 'overdue' | 'dueSoon' | null;

export interface TodoQuery {
  caseType?: string;
  orgId?: string;
  assignedToMe?: boolean;
  mark?: 'overdue' | 'dueSoon';
  page?: number;
  pageSize?: number;
}

/** Due work that is not a case clock (certificates expiring, rectifications), counted for the 工作台. */
export interface Reminder {
  code: string;
  label: string;
  level: 'warning' | 'overdue';
  /** Console path of the page listing the records. */
  link: string;
  count: number;
}

export interface TodoItem {
  id: string;
  caseType: string;
  caseTypeLabel: string;
  caseNo: string | null;
  title: string;
  state: string;
  stateLabel: string;
  orgId: string;
  orgName: string;
  /** YYYY-MM-DD, the earliest running clock's due date. */
  dueOn: string | null;
  /** Past the last published holiday calendar: computed on weekdays only. */
  dueProvisional: boolean;
  mark: DeadlineMark;
  openedAt: string;
  version: number;
}

export type ClockUnit = 'workingDays' | 'days' | 'months';
export type ClockStatus = 'running' | 'paused' | 'stopped';

export interface CaseClock {
  name: string;
  /** Chinese name, e.g. 受理审查期限. */
  label: string;
  unit: ClockUnit | string;
  n: number;
  basis: string;
  startedOn: string;
  dueOn: string;
  provisional: boolean;
  status: ClockStatus | string;
  pausedOn: string | null;
  /** The one extension granted, in the clock's unit. */
  extendedN: number | null;
  extensionUnit: ClockUnit | string | null;
  extensionBasis: string | null;
  stoppedOn: string | null;
  mark: DeadlineMark;
}

export interface CaseEvent {
  seq: number;
  at: string;
  actorName: string | null;
  action: string;
  actionLabel: string;
  fromState: string | null;
  fromStateLabel: string | null;
  toState: string;
  toStateLabel: string;
  reason: string | null;
  data: unknown;
  fileIds: string[];
  /** The attachments' names, for those the server lists (ids without an entry were not found). */
  files: { id: string; name: string; size: number; mime: string }[];
  /** `data` labelled by the step's form (option labels, organisation names), in the form's order. */
  dataFields: { name: string; label: string; value: string }[];
}

export interface CaseType {
  caseType: string;
  label: string;
  states: { state: string; label: string; terminal: boolean }[];
}

/** One input of a step's form, derived by the server from the action's zod schema (kernel/workflow/action-fields.ts). */
export interface ActionField {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'date' | 'number' | 'boolean' | 'select' | 'multiselect' | 'org';
  required: boolean;
  /** Options read from the server (an /api path with :caseId). */
  optionsFrom?: string;
  options?: { value: string; label: string }[];
  /** Shown (and sent) only while another field has one of these values. */
  showWhen?: { field: string; values: string[] };
  /** The legal basis or a hint, under the input. */
  help?: string;
  /** Longest text, or largest number. */
  max?: number;
  min?: number;
}

export interface CaseAction {
  action: string;
  label: string;
  enabled: boolean;
  /** Why a disabled action waits (guard, permission, assignment). */
  reason?: string;
  reasonRequired: boolean;
  minFiles: number;
  fields: ActionField[];
}

export interface CaseDetail {
  id: string;
  caseType: string;
  caseTypeLabel: string;
  caseNo: string | null;
  title: string;
  state: string;
  stateLabel: string;
  terminal: boolean;
  orgId: string;
  orgName: string;
  dueOn: string | null;
  dueProvisional: boolean;
  openedAt: string;
  closedAt: string | null;
  version: number;
  /** The case this one follows from; `parent` is null when the user may not read it. */
  parentId: string | null;
  parent: { id: string; caseType: string; caseTypeLabel: string; caseNo: string | null; title: string } | null;
  clocks: CaseClock[];
  events: CaseEvent[];
  actions: CaseAction[];
}

export interface CaseActionInput {
  version: number;
  reason?: string;
  fileIds?: string[];
  /** The step's own fields, by name. */
  data?: Record<string, unknown>;
}

export interface FileInfo {
  id: string;
  name: string;
  size: number;
  mime: string;
  sm3: string;
  regionCode: string;
  uploadedAt: string;
  uploadedBy: string | null;
}

import { api, download, postFileForDownload, uploadFile, XLSX_MIME, type Query, type RequestOptions } from './client.ts';
import type {
  ApiToken,
  AuditQuery,
  AuditRow,
  AuditVerification,
  CaseActionInput,
  CaseDetail,
  FileInfo,
  Grant,
  Me,
  Org,
  OrgInput,
  Page,
  PasswordPolicy,
  PermissionDef,
  Region,
  Role,
  SecuritySettings,
  Status,
  TodoItem,
  Reminder,
  TodoQuery,
  User,
  UserQuery, CaseType } from './types.ts';

/** Typed calls to every endpoint the console uses, one object per area. */

export const authApi = {
  login: (username: string, password: string) =>
    api.post<{ user: Me }>('auth/login', { username, password }, { notify: false, redirectOn401: false }),
  me: (options?: RequestOptions) => api.get<Me>('auth/me', undefined, options),
  passwordPolicy: () => api.get<PasswordPolicy>('auth/password-policy', undefined, { notify: false }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post('auth/password', { currentPassword, newPassword }, { notify: false }),
  logout: () => api.post('auth/logout', {}, { redirectOn401: false }),
  logoutAll: () => api.post('auth/logout-all', {}, { redirectOn401: false }),
};

export interface ImportRowError {
  row: number;
  field?: string;
  message: string;
}

/** What a dry run or an import reports when the file is clean: counts by outcome. */
export type ImportSummary = Record<string, unknown>;

export const orgApi = {
  regions: () => api.get<Region[]>('regions'),
  list: (query?: { regionCode?: string; status?: Status; type?: string; q?: string }, options?: RequestOptions) => api.get<{ items: Org[] }>('orgs', query, options),
  get: (id: string) => api.get<Org>(`orgs/${id}`),
  create: (input: OrgInput) => api.post<Org>('orgs', input, { notify: false }),
  update: (id: string, input: OrgInput & { version: number }) => api.put<Org>(`orgs/${id}`, input, { notify: false }),
  move: (id: string, parentId: string | null, version: number) => api.post<Org>(`orgs/${id}/move`, { parentId, version }, { notify: false }),
  setActive: (id: string, active: boolean, version: number) =>
    api.post<Org>(`orgs/${id}/${active ? 'activate' : 'deactivate'}`, { version }, { notify: false }),
  exportXlsx: (query?: { regionCode?: string }) => download('orgs/export.xlsx', query, '机构.xlsx'),
  importXlsx: (file: Blob, dryRun: boolean, onProgress: (percent: number) => void) =>
    uploadFile<ImportSummary>('orgs/import', { dryRun }, file, XLSX_MIME, onProgress, { notify: false }),
  importReport: (file: Blob) => postFileForDownload('orgs/import/report', file, XLSX_MIME, '机构导入错误报告.xlsx'),
};

export interface UserCreateInput {
  orgId: string;
  username: string;
  displayName: string;
  phone?: string;
  email?: string;
  title?: string;
  initialPassword: string;
  isService?: boolean;
}

/** On edit a field left out stays as it is and null clears it. */
export interface UserUpdateInput {
  displayName: string;
  phone?: string | null;
  email?: string | null;
  title?: string | null;
  orgId: string;
  version: number;
}

const userQuery = (query: UserQuery): Query => ({ ...query, subtree: query.orgId && query.subtree ? true : undefined });

export const userApi = {
  list: (query: UserQuery) => api.get<Page<User>>('users', userQuery(query)),
  exportXlsx: (query: UserQuery) => download('users/export.xlsx', userQuery({ ...query, page: undefined, pageSize: undefined }), '用户.xlsx'),
  get: (id: string) => api.get<User>(`users/${id}`),
  personal: (id: string) => api.get<{ phone: string | null }>(`users/${id}/personal`),
  create: (input: UserCreateInput) => api.post<User>('users', input, { notify: false }),
  update: (id: string, input: UserUpdateInput) => api.put<User>(`users/${id}`, input, { notify: false }),
  setActive: (id: string, active: boolean, version: number) => api.post<User>(`users/${id}/${active ? 'activate' : 'deactivate'}`, { version }),
  resetPassword: (id: string, newPassword: string) => api.post(`users/${id}/reset-password`, { newPassword }, { notify: false }),
  unlock: (id: string) => api.post(`users/${id}/unlock`, {}),
  setRoles: (id: string, roleIds: string[], version: number) => api.put<User>(`users/${id}/roles`, { roleIds, version }),
};

export interface RoleInput {
  name: string;
  description?: string | null;
  permissions: Grant[];
}

export const roleApi = {
  permissions: () => api.get<PermissionDef[]>('permissions'),
  list: (options?: RequestOptions) => api.get<Role[]>('roles', undefined, options),
  create: (input: RoleInput & { code: string }) => api.post<Role>('roles', input, { notify: false }),
  update: (id: string, input: RoleInput & { version: number }) => api.put<Role>(`roles/${id}`, input, { notify: false }),
  remove: (id: string) => api.delete(`roles/${id}`),
};

export const tokenApi = {
  list: () => api.get<ApiToken[]>('api-tokens'),
  create: (input: { name: string; userId: string; expiresAt?: string }) => api.post<{ id: string; token: string }>('api-tokens', input),
  revoke: (id: string) => api.post(`api-tokens/${id}/revoke`, {}),
};

export const settingsApi = {
  security: () => api.get<SecuritySettings>('settings/security'),
  saveSecurity: (input: SecuritySettings) => api.put<SecuritySettings>('settings/security', input, { notify: false }),
};

export const auditApi = {
  list: (query: AuditQuery) => api.get<Page<AuditRow>>('audit', query as Query),
  exportXlsx: (query: AuditQuery) => download('audit/export.xlsx', { ...query, page: undefined, pageSize: undefined } as Query, '审计日志.xlsx'),
  verify: () => api.get<AuditVerification>('audit/verify'),
};

export const caseApi = {
  todo: (query: TodoQuery, options?: RequestOptions) => api.get<Page<TodoItem>>('todo', query as Query, options),
  reminders: () => api.get<Reminder[]>('reminders', undefined, { notify: false }),
  types: () => api.get<CaseType[]>('case-types', undefined, { notify: false }),
  get: (id: string, options?: RequestOptions) => api.get<CaseDetail>(`cases/${id}`, undefined, options),
  /** Answers the case as it is after the step; errors are left to the caller (shown on the form). */
  act: (id: string, action: string, input: CaseActionInput) =>
    api.post<CaseDetail>(`cases/${id}/actions/${encodeURIComponent(action)}`, input, { notify: false }),
};

export const fileApi = {
  /** The raw file as the body; the server detects its type from the content, so octet-stream is enough. */
  upload: (file: Blob & { name: string }, onProgress: (percent: number) => void) =>
    uploadFile<FileInfo>('files', undefined, file, 'application/octet-stream', onProgress, { notify: false }, { 'x-file-name': encodeURIComponent(file.name) }),
  get: (id: string) => api.get<FileInfo>(`files/${id}`, undefined, { notify: false }),
  contentUrl: (id: string) => `/api/files/${id}/content`,
};

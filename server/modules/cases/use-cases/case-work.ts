import type { FastifyRequest } from 'fastify';
import { auditActionLabels } from '../../../../contracts/labels.ts';
import type { z } from 'zod';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { allWorkflows, getWorkflow } from '../../../kernel/workflow/define-workflow.ts';
import { findTodo } from '../../../kernel/workflow/todo.repository.ts';
import { markDates, markOf, workflowDeps } from '../../../kernel/workflow/marks.ts';
import { availableActions, transition } from '../../../kernel/workflow/transition.ts';
import { findFiles } from '../../../kernel/files/files.repository.ts';
import { findOrgNames } from '../../../kernel/org/org.repository.ts';
import { actionFields } from '../../../kernel/workflow/action-fields.ts';
import { findCaseHistory, findReadableCase } from '../cases.repository.ts';
import { describeData, orgIdsIn } from './event-data.ts';
import type { ActionBody, CaseDetail, TodoQuery } from '../cases.schemas.ts';

const deps = workflowDeps;

export async function listTodo(request: FastifyRequest, query: z.infer<typeof TodoQuery>) {
  const actor = request.actor!;
  const dates = await markDates(request, actor.regionCode);
  const { items, total } = await findTodo(request.server.db, actor, query, dates);
  return {
    items: items.map((item) => {
      const workflow = getWorkflow(item.caseType);
      return { ...item, caseTypeLabel: workflow.label, stateLabel: workflow.states[item.state]?.label ?? item.state };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getCaseDetail(request: FastifyRequest, caseId: string): Promise<z.infer<typeof CaseDetail>> {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  const found = await findReadableCase(request.server.db, actor, caseId);
  if (!found) throw new AppError('NOT_FOUND', '案件不存在或无权访问');
  const { case: row, orgName } = found;
  const workflow = getWorkflow(row.caseType);
  const [{ events, clocks }, actions, dates] = await Promise.all([
    findCaseHistory(request.server.db, caseId),
    request.server.db.transaction((tx) => availableActions(tx, deps(request), caseId, actor)),
    markDates(request, row.regionCode),
  ]);
  const fieldsOf = (action: string) => actionFields(workflow.actions[action]?.input);
  const fileIds = [...new Set(events.flatMap((e) => e.fileIds))];
  const orgIds = [...new Set(events.flatMap((e) => orgIdsIn(fieldsOf(e.action), e.data)))];
  const [attached, orgNames, parent] = await Promise.all([
    fileIds.length ? findFiles(request.server.db, fileIds) : [],
    findOrgNames(request.server.db, orgIds),
    // The parent is linked only where the actor may read it (a lawsuit's handler may not read the 复议 case).
    row.parentId ? findReadableCase(request.server.db, actor, row.parentId) : undefined,
  ]);
  const fileById = new Map(attached.map((f) => [f.id, { id: f.id, name: f.name, size: f.size, mime: f.mime }]));
  return {
    ...row,
    caseTypeLabel: workflow.label,
    stateLabel: workflow.states[row.state]?.label ?? row.state,
    orgName,
    parent: parent
      ? { id: parent.case.id, caseType: parent.case.caseType, caseTypeLabel: getWorkflow(parent.case.caseType).label, caseNo: parent.case.caseNo, title: parent.case.title }
      : null,
    clocks: clocks.map((c) => ({ ...c, label: workflow.clockLabels?.[c.name] ?? c.name, mark: c.status === 'running' ? markOf(c.dueOn, dates) : null })),
    events: events.map((e) => ({
      ...e,
      actionLabel: workflow.actions[e.action]?.label ?? auditActionLabels[`case.${e.action}`] ?? e.action,
      fromStateLabel: e.fromState ? (workflow.states[e.fromState]?.label ?? e.fromState) : null,
      toStateLabel: workflow.states[e.toState]?.label ?? e.toState,
      files: e.fileIds.map((id) => fileById.get(id)).filter((f) => f !== undefined),
      dataFields: describeData(fieldsOf(e.action), e.data, orgNames),
    })),
    actions,
  };
}

export async function takeAction(request: FastifyRequest, caseId: string, action: string, body: z.infer<typeof ActionBody>): Promise<void> {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  // Reading is checked first, so that a case outside the actor's reach answers 404, not a reason.
  if (!(await findReadableCase(request.server.db, actor, caseId))) throw new AppError('NOT_FOUND', '案件不存在或无权访问');
  await request.server.db.transaction((tx) =>
    transition(tx, deps(request), { caseId, version: body.version }, action, { actor, meta: request.meta }, { reason: body.reason, fileIds: body.fileIds, data: body.data }),
  );
}

/** The case types of the deployment with their states, for filters. */
export function listCaseTypes() {
  return allWorkflows().map((wf) => ({
    caseType: wf.caseType,
    label: wf.label,
    states: Object.entries(wf.states).map(([state, def]) => ({ state, label: def.label, terminal: def.terminal ?? false })),
  }));
}

import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { beijingTime } from '../../../kernel/clock/clock.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { readFileContent } from '../../../kernel/files/files.ts';
import type { Throttle } from '../../../kernel/http/throttle.ts';
import { workflowDeps } from '../../../kernel/workflow/marks.ts';
import { transition } from '../../../kernel/workflow/transition.ts';
import { disclosureOutcomeLabels, type DisclosureOutcome } from '../../../../contracts/disclosure.ts';
import { findPublicHistory, findTracked, type TrackedRow } from '../disclosure.repository.ts';
import type { IdTrackQuery as TrackQuery, PortalCorrectionBody as CorrectionBody } from '../../../kernel/http/schemas.ts';
import type { TrackView } from '../disclosure.schemas.ts';
import { disclosureWorkflow } from '../disclosure.workflow.ts';
import { trackingSecret } from './register-request.ts';

/** One message whether the code or the verification is wrong: neither reveals that an application exists. */
const NOT_FOUND_MESSAGE = '未找到该申请，请核对查询码和证件号码后六位';

/** The steps the applicant is told of; internal ones (whom the agency consulted) are told only as a step. */
const publicSteps: Record<string, string> = {
  open: '收到申请',
  requestCorrection: '告知补正',
  submitCorrection: '提交补正',
  correctionLapsed: '逾期未补正，不再处理',
  consult: '征求意见（期间不计入答复期限）',
  recordOpinion: '征求意见结束',
  consultationLapsed: '征求意见期限届满',
  extend: '延长答复期限',
  noticeFee: '发出收费通知',
  recordFeePaid: '已缴纳信息处理费',
  feeLapsed: '逾期未缴费，不再处理',
  reply: '作出答复',
  withdraw: '撤回申请',
};

const waitingSteps: Record<string, { clock: string; step: string }> = {
  received: { clock: 'reply', step: '行政机关答复' },
  correcting: { clock: 'correction', step: '提交补正（逾期视为放弃申请）' },
};

const sameDigest = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

async function locate(request: FastifyRequest, lookups: Throttle, code: string, verify: string): Promise<TrackedRow> {
  const now = request.server.clock.now().getTime();
  if (lookups.blocked(request.ip, now)) throw new AppError('RATE_LIMITED', '查询失败次数过多，请十五分钟后再试');
  const row = await findTracked(request.server.db, code);
  if (!row?.trackingSecret || !sameDigest(row.trackingSecret, trackingSecret(code, verify))) {
    lookups.record(request.ip, now);
    throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  }
  return row;
}

async function view(request: FastifyRequest, row: TrackedRow): Promise<TrackView> {
  const { events, clocks } = await findPublicHistory(request.server.db, row.id);
  const waiting = waitingSteps[row.state];
  const running = waiting && clocks.find((c) => c.name === waiting.clock && c.status === 'running');
  const feeClock = clocks.find((c) => c.name === 'fee');
  const timeline = events.flatMap((e) => {
    const step = publicSteps[e.action];
    if (!step) return [];
    const data = (e.data ?? {}) as Record<string, unknown>;
    const detail = e.action === 'requestCorrection' ? str(data.items) : e.action === 'extend' && typeof data.days === 'number' ? `延长${data.days}个工作日` : null;
    // A mailed application is received the day it was signed for, which may precede its registration.
    return [{ date: e.action === 'open' ? row.receivedOn : beijingTime(e.at).slice(0, 10), step, detail }];
  });
  const items = str(row.extra.correctionItems);
  return {
    agencyName: row.agencyName,
    description: row.description,
    state: row.state,
    stateLabel: disclosureWorkflow.states[row.state as keyof typeof disclosureWorkflow.states]?.label ?? row.state,
    receivedOn: row.receivedOn,
    waitingFor: running ? { step: waiting.step, dueOn: running.dueOn, provisional: running.provisional } : null,
    timeline,
    correction: row.state === 'correcting' && items ? { items, requestedOn: str(row.extra.correctionRequestedOn), dueOn: clocks.find((c) => c.name === 'correction')?.dueOn ?? null } : null,
    fee: row.feeFen ? { yuan: row.feeFen / 100, noticedOn: row.feeNoticedOn, dueOn: feeClock?.dueOn ?? null, paidOn: row.feePaidOn } : null,
    reply:
      row.terminal && row.outcome
        ? { outcomeLabel: disclosureOutcomeLabels[row.outcome as DisclosureOutcome] ?? row.outcome, repliedOn: row.repliedOn, replyNo: row.replyNo, letter: !!row.replyFileId }
        : null,
    extensionNotice: !!str(row.extra.extensionFileId),
    version: row.version,
  };
}

export async function trackRequest(request: FastifyRequest, lookups: Throttle, query: TrackQuery): Promise<TrackView> {
  return view(request, await locate(request, lookups, query.code, query.verify));
}

/** 补正 on the portal: the kernel's transition with no actor (the step is `byApplicant`). */
export async function submitCorrection(request: FastifyRequest, lookups: Throttle, body: CorrectionBody): Promise<TrackView> {
  const row = await locate(request, lookups, body.code, body.verify);
  await request.server.db.transaction((tx) =>
    transition(tx, workflowDeps(request), { caseId: row.id, version: body.version }, 'submitCorrection', { actor: null, meta: request.meta }, { data: { content: body.content } }),
  );
  return view(request, (await findTracked(request.server.db, body.code))!);
}

/** The reply letter or the extension notice, for the applicant who holds the code and verification. */
export async function applicantLetter(request: FastifyRequest, lookups: Throttle, query: TrackQuery & { document: 'reply' | 'extension' }) {
  const row = await locate(request, lookups, query.code, query.verify);
  const fileId = query.document === 'reply' ? row.replyFileId : str(row.extra.extensionFileId);
  if (!fileId) throw new AppError('NOT_FOUND', query.document === 'reply' ? '尚未作出答复' : '没有延期答复告知书');
  const name = query.document === 'reply' ? `政府信息公开申请答复书（${row.replyNo}）.docx` : '延期答复告知书.docx';
  return { name, content: await readFileContent(request.server.db, fileId) };
}

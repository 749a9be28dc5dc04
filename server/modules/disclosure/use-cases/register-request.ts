import { randomInt } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { inScope, requirePermission, type Actor } from '../../../kernel/auth/actor.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import { maskIdNumber, maskPhone, sm3, type Sm4Box } from '../../../kernel/crypto/sm.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { fieldRefused } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { checkCreditCode } from '../../../kernel/validation/credit-code.ts';
import { checkIdNumber } from '../../../kernel/validation/id-number.ts';
import { workflowDeps } from '../../../kernel/workflow/marks.ts';
import { openCase } from '../../../kernel/workflow/transition.ts';
import type { DisclosureChannel } from '../../../../contracts/disclosure.ts';
import { findActiveAgency } from '../disclosure.repository.ts';
import type { ApplicationBody, ApplicationFields, RegisterBody } from '../disclosure.schemas.ts';
import { disclosureRequests } from '../disclosure.tables.ts';
import { DISCLOSURE, HANDLE } from '../disclosure.permissions.ts';

/** The 2019 条例 applies from 2019-05-15 (国务院令第711号). */
const IN_FORCE = '2019-05-15';

/** No 0/O, 1/I: a code read out on the phone or copied from paper is not mistaken. 12 of 32 symbols: 60 bits. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What the portal compares: SM3 of the code with the last six of the ID number or credit code (the code salts it). */
export const trackingSecret = (trackingCode: string, verification: string): string => sm3(`${trackingCode}:${verification.toUpperCase()}`);

/** A person gives a 居民身份证号码 (GB 11643), an organisation its 统一社会信用代码 (GB 32100): both by check digit. */
export function checkIdentity(a: Pick<ApplicationFields, 'applicantKind' | 'identityCode'>, now: Date): void {
  if (a.applicantKind === 'person') {
    const result = checkIdNumber(a.identityCode, now);
    if (!result.ok) throw fieldRefused('identityCode', `证件号码：${result.reason}`, 'INVALID_ID_NUMBER');
  } else {
    const result = checkCreditCode(a.identityCode);
    if (!result.ok) throw fieldRefused('identityCode', `证件号码：${result.reason}`, 'INVALID_CREDIT_CODE');
  }
}

/** 「张三申请公开：2021年城区道路改造项目的立项批复」 */
export const requestTitle = (a: Pick<ApplicationFields, 'applicantName' | 'description'>) => `${a.applicantName}申请公开：${a.description.replace(/\s+/g, ' ')}`.slice(0, 200);

/** The application's own row: personal data sealed with SM4 (masks beside), the portal verification digest. */
export async function insertRequest(
  tx: Tx,
  sm4: Sm4Box,
  r: { caseId: string; regionCode: string; channel: DisclosureChannel; receivedOn: string; application: Omit<ApplicationFields, 'orgId'>; trackingCode: string },
): Promise<void> {
  const a = r.application;
  await tx.insert(disclosureRequests).values({
    caseId: r.caseId,
    regionCode: r.regionCode,
    channel: r.channel,
    receivedOn: r.receivedOn,
    applicantKind: a.applicantKind,
    applicantName: a.applicantName,
    applicantIdEnc: sm4.encrypt(a.identityCode),
    applicantIdMask: maskIdNumber(a.identityCode),
    applicantPhoneEnc: sm4.encrypt(a.phone),
    applicantPhoneMask: maskPhone(a.phone),
    applicantAddressEnc: sm4.encrypt(a.address),
    applicantEmail: a.email ?? null,
    description: a.description,
    purpose: a.purpose || null,
    deliveryForm: a.deliveryForm ?? null,
    deliveryMethod: a.deliveryMethod ?? null,
    trackingSecret: trackingSecret(r.trackingCode, a.identityCode.slice(-6)),
  });
}

interface Registration {
  application: ApplicationFields;
  channel: DisclosureChannel;
  receivedOn: string;
  regionCode: string;
  actor: Actor | null;
}

async function register(request: FastifyRequest, r: Registration) {
  const { db, clock, sm4 } = request.server;
  const a = r.application;
  checkIdentity(a, clock.now());
  if (r.receivedOn > beijingToday(clock)) throw fieldRefused('receivedOn', '收到日期不能晚于今天');
  if (r.receivedOn < IN_FORCE) throw fieldRefused('receivedOn', `收到日期不能早于 ${IN_FORCE}（修订后的《政府信息公开条例》施行之日）`);
  const agency = await findActiveAgency(db, r.regionCode, a.orgId);
  if (!agency) throw fieldRefused('orgId', '受理机关：不是本行政区内启用的行政机关');
  if (r.actor) {
    // Staff register for the agencies in their scope only: a department does not file another's applications.
    const scope = requirePermission(r.actor, HANDLE);
    if (!inScope(r.actor, scope, { orgId: agency.id, orgPath: agency.path, regionCode: r.regionCode })) throw fieldRefused('orgId', '受理机关：不在您的数据范围内');
  }
  const trackingCode = newTrackingCode();
  return write(request, async (tx) => {
    const opened = await openCase(
      tx,
      workflowDeps(request),
      { caseType: DISCLOSURE, regionCode: r.regionCode, orgId: agency.id, title: requestTitle(a), trackingCode, receivedOn: r.receivedOn, data: { channel: r.channel, receivedOn: r.receivedOn } },
      { actor: r.actor, meta: request.meta },
    );
    await insertRequest(tx, sm4, { caseId: opened.id, regionCode: r.regionCode, channel: r.channel, receivedOn: r.receivedOn, application: a, trackingCode });
    return { id: opened.id, trackingCode, replyDueOn: opened.dueOn! };
  });
}

/** 登记 at the window, by mail, fax or email: the receipt day is the channel's (第三十一条), entered by staff. */
export async function registerAtOffice(request: FastifyRequest, body: RegisterBody) {
  requirePermission(request.actor, HANDLE);
  const { channel, receivedOn, ...application } = body;
  const { id, trackingCode } = await register(request, { application, channel, receivedOn, regionCode: request.actor!.regionCode, actor: request.actor });
  return { id, trackingCode };
}

/** 网上申请: received the day the system confirms it to the applicant (第三十一条第三项), today. */
export async function applyOnline(request: FastifyRequest, body: ApplicationBody) {
  const { regionCode, ...application } = body;
  const receivedOn = beijingToday(request.server.clock);
  const answer = await register(request, { application, channel: 'online', receivedOn, regionCode, actor: null });
  return { trackingCode: answer.trackingCode, receivedOn, replyDueOn: answer.replyDueOn };
}

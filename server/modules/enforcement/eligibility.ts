import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { EnforcementField } from '../../../contracts/enforcement.ts';
import type { Tx } from '../../kernel/db/db.ts';
import { enforcementCertificates, enforcementOfficers } from './enforcement.tables.ts';

export interface OfficerEligibility {
  officerId: string;
  name: string;
  /** The certificate that makes the officer eligible on the day, or null with the reason. */
  certificateId: string | null;
  certificateNo: string | null;
  reason: string | null;
}

/**
 * Whether officers may enforce in a field on a day (行政处罚法 第四十二条: 具有行政执法资格): an active
 * officer of the region holding a certificate for the field that is 有效 (not suspended, revoked or
 * replaced) and within its validity on that day. One query for all of them.
 */
export async function officerEligibility(tx: Tx, regionCode: string, officerIds: string[], field: EnforcementField, day: string): Promise<OfficerEligibility[]> {
  if (officerIds.length === 0) return [];
  const officers = await tx
    .select({ id: enforcementOfficers.id, name: enforcementOfficers.name, status: enforcementOfficers.status })
    .from(enforcementOfficers)
    .where(and(eq(enforcementOfficers.regionCode, regionCode), inArray(enforcementOfficers.id, officerIds)));
  const certificates = await tx
    .select({ id: enforcementCertificates.id, officerId: enforcementCertificates.officerId, no: enforcementCertificates.certificateNo })
    .from(enforcementCertificates)
    .where(
      and(
        inArray(enforcementCertificates.officerId, officerIds),
        eq(enforcementCertificates.field, field),
        eq(enforcementCertificates.status, 'valid'),
        lte(enforcementCertificates.issuedOn, day),
        gte(enforcementCertificates.validUntil, day),
      ),
    )
    .orderBy(desc(enforcementCertificates.validUntil));
  const byId = new Map(officers.map((o) => [o.id, o]));
  return officerIds.map((officerId) => {
    const officer = byId.get(officerId);
    if (!officer) return { officerId, name: '', certificateId: null, certificateNo: null, reason: '不是本行政区登记的执法人员' };
    if (officer.status !== 'active') return { officerId, name: officer.name, certificateId: null, certificateNo: null, reason: `${officer.name}已停用` };
    const certificate = certificates.find((c) => c.officerId === officerId);
    return certificate
      ? { officerId, name: officer.name, certificateId: certificate.id, certificateNo: certificate.no, reason: null }
      : { officerId, name: officer.name, certificateId: null, certificateNo: null, reason: `${officer.name}在 ${day} 没有本领域有效的行政执法证` };
  });
}

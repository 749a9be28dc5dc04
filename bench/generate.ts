import { inArray } from 'drizzle-orm';
import { roles, userRoles, users } from '../server/kernel/auth/auth.tables.ts';
import { hashPassword } from '../server/kernel/auth/password.ts';
import type { Db } from '../server/kernel/db/db.ts';
import { organisations, regions, type OrgType } from '../server/kernel/org/org.tables.ts';

export const BENCH_PASSWORD = 'Bench@2026pw';

export interface Scale {
  counties: number;
  orgsPerCounty: number;
  usersPerCounty: number;
}

/** 县级: one county; 省级: the foundation issue's 5,000 organisations and 10,000 users over 10 counties. */
export const scales: Record<string, Scale> = {
  county: { counties: 1, orgsPerCounty: 120, usersPerCounty: 400 },
  province: { counties: 10, orgsPerCounty: 500, usersPerCounty: 1000 },
};

type OrgRow = typeof organisations.$inferInsert;

/**
 * Generates counties (4301xx…) each with a government, 40 departments, townships and villages up to
 * orgsPerCounty, and usersPerCounty users spread over them. Users share one password hash (hashing
 * 10,000 times would take minutes and measures nothing). User "bench_c<NN>" of each county holds the
 * coordinator role (org.read over the region); the others are township or department staff.
 */
export async function generate(db: Db, scale: Scale): Promise<{ organisations: number; users: number }> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const roleRows = await db.select().from(roles).where(inArray(roles.code, ['coordinator', 'dept_staff', 'township_staff']));
  const roleId = (code: string) => roleRows.find((r) => r.code === code)!.id;
  let orgTotal = 0;
  let userTotal = 0;
  await db.insert(regions).values({ code: '439900', name: '基准测试市', level: 2, parentCode: '430000' }).onConflictDoNothing();
  for (let c = 1; c <= scale.counties; c++) {
    const regionCode = `4399${String(c).padStart(2, '0')}`;
    await db.insert(regions).values({ code: regionCode, name: `基准县${c}`, level: 3, parentCode: '439900' }).onConflictDoNothing();
    const rows: OrgRow[] = [];
    const add = (parent: OrgRow | null, name: string, type: OrgType): OrgRow => {
      const id = crypto.randomUUID();
      const row: OrgRow = {
        id,
        regionCode,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: parent ? parent.depth + 1 : 0,
        code: `${regionCode}-${rows.length}`,
        name,
        type,
        sortOrder: rows.length,
      };
      rows.push(row);
      return row;
    };
    const government = add(null, `基准县${c}人民政府`, 'government');
    for (let d = 1; d <= 40 && rows.length < scale.orgsPerCounty; d++) add(government, `基准县${c}第${d}局`, 'department');
    const townships: OrgRow[] = [];
    for (let t = 1; t <= 14 && rows.length < scale.orgsPerCounty; t++) townships.push(add(government, `基准县${c}第${t}镇`, 'township'));
    for (let v = 0; rows.length < scale.orgsPerCounty; v++) add(townships[v % townships.length]!, `基准县${c}第${v + 1}村`, 'village');
    for (let i = 0; i < rows.length; i += 500) await db.insert(organisations).values(rows.slice(i, i + 500));
    orgTotal += rows.length;

    const userRows: (typeof users.$inferInsert)[] = [];
    const links: { username: string; roleId: string }[] = [];
    for (let u = 0; u < scale.usersPerCounty; u++) {
      const org = u === 0 ? rows[1]! : rows[(u * 7) % rows.length]!;
      const username = u === 0 ? `bench_c${String(c).padStart(2, '0')}` : `bench${String(c).padStart(2, '0')}_${String(u).padStart(5, '0')}`;
      userRows.push({ regionCode, orgId: org.id!, username, displayName: `用户${c}-${u}`, passwordHash, mustChangePassword: false });
      links.push({ username, roleId: roleId(u === 0 ? 'coordinator' : org.type === 'department' ? 'dept_staff' : 'township_staff') });
    }
    for (let i = 0; i < userRows.length; i += 1000) {
      const inserted = await db.insert(users).values(userRows.slice(i, i + 1000)).returning({ id: users.id, username: users.username });
      const byName = new Map(links.slice(i, i + 1000).map((l) => [l.username, l.roleId]));
      await db.insert(userRoles).values(inserted.map((r) => ({ userId: r.id, roleId: byName.get(r.username)! })));
    }
    userTotal += userRows.length;
  }
  return { organisations: orgTotal, users: userTotal };
}

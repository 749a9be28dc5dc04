import type { OrgType } from '../kernel/org/org.tables.ts';

/**
 * The demo county: 岳阳县 (GB/T 2260 430621) under 湖南省 (430000) / 岳阳市 (430600). Names follow the
 * county's published structure; codes and contacts are made up for the demo.
 */
export const demoRegions = [
  { code: '430000', name: '湖南省', level: 1, parentCode: null },
  { code: '430600', name: '岳阳市', level: 2, parentCode: '430000' },
  { code: '430621', name: '岳阳县', level: 3, parentCode: '430600' },
] as const;

export const DEMO_REGION = '430621';

export interface DemoOrg {
  code: string;
  name: string;
  shortName?: string;
  type: OrgType;
  parent?: string;
  children?: DemoOrg[];
}

const departments: [string, string][] = [
  ['岳阳县人民政府办公室', '县政府办'],
  ['岳阳县发展和改革局', '县发改局'],
  ['岳阳县教育局', '县教育局'],
  ['岳阳县科学技术和工业信息化局', '县科工信局'],
  ['岳阳县公安局', '县公安局'],
  ['岳阳县民政局', '县民政局'],
  ['岳阳县司法局', '县司法局'],
  ['岳阳县财政局', '县财政局'],
  ['岳阳县人力资源和社会保障局', '县人社局'],
  ['岳阳县自然资源局', '县自然资源局'],
  ['岳阳市生态环境局岳阳县分局', '县生态环境分局'],
  ['岳阳县住房和城乡建设局', '县住建局'],
  ['岳阳县交通运输局', '县交通运输局'],
  ['岳阳县水利局', '县水利局'],
  ['岳阳县农业农村局', '县农业农村局'],
  ['岳阳县商务粮食局', '县商务粮食局'],
  ['岳阳县文化旅游广电体育局', '县文旅广体局'],
  ['岳阳县卫生健康局', '县卫健局'],
  ['岳阳县退役军人事务局', '县退役军人事务局'],
  ['岳阳县应急管理局', '县应急管理局'],
  ['岳阳县审计局', '县审计局'],
  ['岳阳县市场监督管理局', '县市场监管局'],
  ['岳阳县统计局', '县统计局'],
  ['岳阳县医疗保障局', '县医保局'],
  ['岳阳县林业局', '县林业局'],
  ['岳阳县城市管理和综合执法局', '县城管执法局'],
  ['岳阳县信访局', '县信访局'],
  ['岳阳县行政审批服务局', '县行政审批服务局'],
  ['岳阳县乡村振兴局', '县乡村振兴局'],
  ['岳阳县人民防空办公室', '县人防办'],
  ['岳阳县机关事务服务中心', '县机关事务中心'],
  ['岳阳县数据资源局', '县数据资源局'],
  ['岳阳县畜牧水产事务中心', '县畜牧水产中心'],
  ['岳阳县供销合作社联合社', '县供销社'],
  ['岳阳县融媒体中心', '县融媒体中心'],
  ['岳阳县档案馆', '县档案馆'],
  ['岳阳县住房公积金管理部', '县公积金管理部'],
  ['岳阳县地方金融监督管理局', '县金融局'],
  ['岳阳县洞庭湖生态保护中心', '县洞庭湖中心'],
  ['岳阳县经济开发区管理委员会', '县经开区管委会'],
];

const townships: [string, string[]][] = [
  ['荣家湾镇', ['城南社区', '城北社区', '荣湾村', '兴旺村', '荣家湾村']],
  ['黄沙街镇', ['黄沙街社区', '傅家村', '雨坛村']],
  ['新墙镇', ['新墙社区', '清水村', '相思村', '新墙村']],
  ['柏祥镇', ['柏祥社区', '白羊田村']],
  ['筻口镇', ['筻口社区', '联星村', '潼溪村']],
  ['公田镇', ['公田社区', '毛易村']],
  ['毛田镇', ['毛田社区', '金坪村']],
  ['月田镇', ['月田社区', '高桥村']],
  ['张谷英镇', ['张谷英村', '渭洞村']],
  ['新开镇', ['新开社区', '丁山村']],
  ['杨林街镇', ['杨林街社区', '杨林村']],
  ['长湖乡', ['长湖村', '吴岳村']],
  ['三合乡', ['三合村', '芭蕉村']],
  ['中洲乡', ['中洲村', '渡头村']],
];

function villageType(name: string): OrgType {
  return name.endsWith('社区') ? 'community' : 'village';
}

export const demoOrgTree: DemoOrg[] = [
  {
    code: '430621-000',
    name: '岳阳县人民政府',
    shortName: '县政府',
    type: 'government',
    children: [
      ...departments.map(([name, shortName], i): DemoOrg => ({
        code: `430621-D${String(i + 1).padStart(2, '0')}`,
        name,
        shortName,
        type: 'department',
      })),
      ...townships.map(([name, villages], i): DemoOrg => {
        const code = `430621-T${String(i + 1).padStart(2, '0')}`;
        return {
          code,
          name: `岳阳县${name}人民政府`,
          shortName: name,
          type: 'township',
          children: villages.map((v, j) => ({
            code: `${code}-${String(j + 1).padStart(3, '0')}`,
            name: `${name}${v}${villageType(v) === 'community' ? '居民委员会' : '村民委员会'}`,
            shortName: v,
            type: villageType(v),
          })),
        };
      }),
    ],
  },
  {
    code: '430621-C01',
    name: '中共岳阳县委全面依法治县委员会办公室',
    shortName: '县委依法治县办',
    type: 'committee',
  },
];

export interface DemoAccount {
  username: string;
  displayName: string;
  orgCode: string;
  orgName: string;
  role: string;
  roleName: string;
  title?: string;
}

const sfj = '430621-D07';
export const demoAccounts: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', orgCode: sfj, orgName: '县司法局', role: 'sysadmin', roleName: '系统管理员' },
  { username: 'secadmin', displayName: '安全管理员', orgCode: sfj, orgName: '县司法局', role: 'secadmin', roleName: '安全管理员' },
  { username: 'auditor', displayName: '审计管理员', orgCode: sfj, orgName: '县司法局', role: 'auditor', roleName: '审计管理员' },
  { username: 'sfj', displayName: '李明', orgCode: sfj, orgName: '县司法局', role: 'coordinator', roleName: '司法局统筹人员', title: '法治督察股股长' },
  { username: 'fzsh', displayName: '王芳', orgCode: sfj, orgName: '县司法局', role: 'legal_reviewer', roleName: '法制审核人员', title: '法制审核员' },
  { username: 'fuyi', displayName: '陈刚', orgCode: sfj, orgName: '县司法局', role: 'reconsideration_officer', roleName: '复议工作人员', title: '行政复议股' },
  { username: 'scj', displayName: '刘洋', orgCode: '430621-D22', orgName: '县市场监管局', role: 'dept_staff', roleName: '部门经办人员', title: '法规股' },
  { username: 'scjz', displayName: '周建国', orgCode: '430621-D22', orgName: '县市场监管局', role: 'dept_head', roleName: '部门负责人', title: '局长' },
  { username: 'rjw', displayName: '张伟', orgCode: '430621-T01', orgName: '荣家湾镇', role: 'township_staff', roleName: '乡镇经办人员', title: '司法所' },
  { username: 'xinqiang', displayName: '赵丽', orgCode: '430621-T03', orgName: '新墙镇', role: 'township_staff', roleName: '乡镇经办人员', title: '司法所' },
  { username: 'tiaojie', displayName: '周平', orgCode: '430621-T01-001', orgName: '荣家湾镇城南社区', role: 'mediator', roleName: '人民调解员' },
  { username: 'zwgk', displayName: '孙静', orgCode: '430621-D01', orgName: '县政府办', role: 'ogi_officer', roleName: '政务公开工作人员', title: '政务公开办' },
  { username: 'leader', displayName: '县领导', orgCode: '430621-000', orgName: '县政府', role: 'leader', roleName: '领导' },
];

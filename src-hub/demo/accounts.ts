import type { Role } from '@common/schemas/user';

/**
 * Demo accounts, one per role plus four liaisons. The README and the e2e tests rely on these
 * exact names and passwords; they exist only in `--demo` mode. The people are fictional.
 */
export type DemoAccount = {
  id: string;
  username: string;
  password: string;
  displayName: string;
  role: Role;
  departmentId?: string;
};

export const DEMO_ACCOUNTS: ReadonlyArray<DemoAccount> = [
  {
    id: 'u-duty',
    username: 'duty',
    password: 'duty123',
    displayName: '值班员 张敏',
    role: 'duty_officer',
    departmentId: 'command-center',
  },
  {
    id: 'u-commander',
    username: 'commander',
    password: 'commander123',
    displayName: '指挥长 李强',
    role: 'commander',
    departmentId: 'command-center',
  },
  {
    id: 'u-drill',
    username: 'drill',
    password: 'drill123',
    displayName: '演练导调 王磊',
    role: 'drill_coordinator',
    departmentId: 'command-center',
  },
  {
    id: 'u-wall',
    username: 'wall',
    password: 'wall123',
    displayName: '指挥大厅大屏',
    role: 'wall',
    departmentId: 'command-center',
  },
  {
    id: 'u-admin',
    username: 'admin',
    password: 'admin123',
    displayName: '系统管理员 周静',
    role: 'admin',
    departmentId: 'command-center',
  },
  {
    id: 'u-fire',
    username: 'fire',
    password: 'fire123',
    displayName: '消防救援大队联络员 陈刚',
    role: 'liaison',
    departmentId: 'fire-rescue',
  },
  {
    id: 'u-police',
    username: 'police',
    password: 'police123',
    displayName: '公安局联络员 刘洋',
    role: 'liaison',
    departmentId: 'public-security',
  },
  {
    id: 'u-health',
    username: 'health',
    password: 'health123',
    displayName: '卫健局联络员 赵丽',
    role: 'liaison',
    departmentId: 'health',
  },
  {
    id: 'u-changan',
    username: 'changan',
    password: 'changan123',
    displayName: '长安镇联络员 黄伟',
    role: 'liaison',
    departmentId: 'township-450224100',
  },
];

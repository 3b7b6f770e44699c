import { CrossTenantAccessException } from '../errors/cross-tenant-access.exception';
import type { IsolationRule } from '../errors/isolation-rule.enum';

export function refuse(rule: IsolationRule, path: string): never {
  throw new CrossTenantAccessException(rule, path);
}

import { type Principal, principalActorId } from '../context/principal';

/** The actor an audit event records for a verified caller. */
export function auditActorOf(principal: Principal): { type: Principal['kind']; id: string } {
  return { type: principal.kind, id: principalActorId(principal) };
}

import { DomainException } from './domain.exception';
import { ErrorCode } from './error-code';

/** A known path asked with a method it does not have (RFC 9110 §15.5.6: the answer lists the ones it has). */
export class MethodNotAllowedException extends DomainException {
  constructor(method: string, allowed: readonly string[]) {
    super(ErrorCode.MethodNotAllowed, `${method} is not allowed on this path.`, undefined, {
      Allow: allowed.join(', '),
    });
  }
}

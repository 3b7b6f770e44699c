import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationException } from '../errors/validation.exception';
import { findUnsafeKeys } from './find-unsafe-keys';

/**
 * Runs before DTO validation on bodies and query strings. DTO whitelisting already drops unknown
 * top-level fields, but free-form fields (metadata maps) could still carry `$`-operators or dotted
 * keys; this refuses them anywhere in the input.
 */
@Injectable()
export class RejectUnsafeKeysPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const unsafe = findUnsafeKeys(value);
    if (unsafe.length > 0) {
      throw new ValidationException(
        unsafe.map((field) => ({
          field,
          issue: 'keys may not start with "$", contain ".", or name a prototype',
        })),
      );
    }
    return value;
  }
}

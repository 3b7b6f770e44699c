import { Injectable } from '@nestjs/common';
import { Resolver } from 'node:dns/promises';
import type { DnsTxtResolver } from './dns-txt-resolver';

/** Answers that mean "no such record" rather than "DNS could not be asked". */
const NO_RECORD_CODES = new Set(['ENOTFOUND', 'ENODATA', 'ENONAME']);

/**
 * TXT lookups through the system's resolvers, bounded so a slow nameserver cannot hold a request open
 * for long (one try of a few seconds; the tenant can simply retry the verification).
 */
@Injectable()
export class SystemDnsTxtResolver implements DnsTxtResolver {
  private readonly resolver = new Resolver({ timeout: 3_000, tries: 2 });

  async resolveTxt(name: string): Promise<string[][]> {
    try {
      return await this.resolver.resolveTxt(name);
    } catch (error) {
      if (NO_RECORD_CODES.has((error as NodeJS.ErrnoException).code ?? '')) return [];
      throw error;
    }
  }
}

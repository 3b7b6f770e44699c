import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';
import { platformHostname, type TenantSnapshot } from '@tenantpay/tenancy';

/**
 * Links in emails point at the tenant's own host (`{slug}.{BASE_DOMAIN}`), where the console and the public
 * routes resolve the tenant by subdomain: a link followed on another tenant's host would find no token there.
 * Email to platform operators links to the platform's own host (`admin.{BASE_DOMAIN}`), where the platform
 * console serves its email-link pages.
 */
@Injectable()
export class TenantLinkBuilder {
  private readonly scheme: string;
  private readonly port: string;
  private readonly baseDomain: string;
  private readonly platformHost: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.scheme = config.mail.tenantLinkScheme;
    this.port = config.mail.tenantLinkPort === null ? '' : `:${config.mail.tenantLinkPort}`;
    this.baseDomain = config.tenancy.baseDomain;
    this.platformHost = platformHostname(config.tenancy.baseDomain);
  }

  /**
   * `path` starts with `/` and may end in a console route (`/#/accept-invitation`); `query` values are
   * URL-encoded and always go before the hash, where the server and the console's pages both read them.
   */
  build(
    tenant: Pick<TenantSnapshot, 'slug'>,
    path: string,
    query: Readonly<Record<string, string>> = {},
  ): string {
    return this.url(`${tenant.slug}.${this.baseDomain}`, path, query);
  }

  /** A link on the platform's host (`admin.{BASE_DOMAIN}`). */
  buildForPlatform(path: string, query: Readonly<Record<string, string>> = {}): string {
    return this.url(this.platformHost, path, query);
  }

  private url(host: string, path: string, query: Readonly<Record<string, string>>): string {
    const url = new URL(`${this.scheme}://${host}${this.port}${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url.toString();
  }
}
